"""Teams round trips over real HTTP on 127.0.0.1, in one process.

Why: Teams gives an invoke (a card button) only a few seconds before it shows
the user an error, and staff expect the card soon after posting. Prints:

  activity ack       p50 / p95   (POST /api/messages -> 201 for a new draft)
  time-to-card       p50 / p95   (draft sent -> card reply at the fake connector; includes Presidio)
  Approve invoke     p50 / p95   (click -> 200 with the refreshed card; includes the in-place update)
  lost, duplicated   drafts with no card / more than one card (target 0 / 0)

Real aiohttp server, real CloudAdapter (no app id, so no JWT checks: token
validation is not measured), SQLite in a temp dir, the fake connector of
tests/fakes. The load generator, the fake and the bot share the machine's two
cores with other work: figures are noisy.

    .venv/bin/python benchmarks/teams_roundtrip.py [--drafts 30] [--concurrency 5]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

from bot.app import build_services  # noqa: E402
from test_teams import CLEAN_DRAFT, OFFICER, PHI_DRAFT, Harness, teams_config  # noqa: E402
from fakes.teams_connector import FakeConnector  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def line(name: str, ms: list[float]) -> str:
    return f"{name:<18} p50 {statistics.median(ms):7.1f} ms   p95 {pct(ms, 95):7.1f} ms   (n={len(ms)})"


async def run(drafts: int, concurrency: int) -> None:
    connector = FakeConnector()
    connector.start()
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(teams_config(f"sqlite:///{tmp}/bench.db", connector.url))
        h = await Harness(services, connector).start()
        acks, to_card, clicks = [], [], []
        gate = asyncio.Semaphore(concurrency)

        async def one(i: int) -> None:
            async with gate:
                draft = h.post((PHI_DRAFT if i % 2 else CLEAN_DRAFT) + f" #{i}")
                t0 = time.perf_counter()
                status, _ = await h.send(draft)
                acks.append((time.perf_counter() - t0) * 1000)
                assert status == 201
                conv = draft["conversation"]["id"]
                while not [c for c in connector.of_kind("reply") if c.conversation_id == conv and c.card]:
                    await asyncio.sleep(0.005)
                to_card.append((time.perf_counter() - t0) * 1000)
                while (view := h.review(draft)) is None:  # the card id is stored just after the post
                    await asyncio.sleep(0.005)
                t1 = time.perf_counter()
                status, _ = await h.send(h.click(view.id, "approve" if not view.blocking else "reject", OFFICER))
                clicks.append((time.perf_counter() - t1) * 1000)
                assert status == 200

        # warm-up (first Presidio run, first connector call)
        await one(-2)
        acks.clear(), to_card.clear(), clicks.clear()
        started = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(drafts)))
        wall = time.perf_counter() - started
        await h.stop()
        services.pipeline.close()
        services.engine.dispose()
    cards_per_draft: dict[str, int] = {}
    for c in connector.of_kind("reply"):
        if c.card:
            cards_per_draft[c.conversation_id] = cards_per_draft.get(c.conversation_id, 0) + 1
    connector.stop()
    print(f"{drafts} drafts, concurrency {concurrency}, {wall:.1f} s wall")
    print(line("activity ack", acks))
    print(line("time-to-card", to_card))
    print(line("Approve invoke", clicks))
    lost = drafts + 1 - len(cards_per_draft)
    dup = sum(1 for n in cards_per_draft.values() if n > 1)
    print(f"lost {lost}, duplicated {dup}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--drafts", type=int, default=30)
    ap.add_argument("--concurrency", type=int, default=5)
    args = ap.parse_args()
    asyncio.run(run(args.drafts, args.concurrency))


if __name__ == "__main__":
    main()
