"""Turns training/ner/drafts_own.txt ([P:name] / [L:place] marks) into labelled JSONL
for train.py --own: {"id", "text", "spans": [{"start", "end", "label"}]}.

    .venv/bin/python training/ner/own_to_jsonl.py > training/ner/drafts_own.jsonl
"""
from __future__ import annotations

import json
import re
from pathlib import Path

MARK = re.compile(r"\[([PL]):([^\]]+)\]")
LABEL = {"P": "PERSON", "L": "LOCATION"}


def main() -> int:
    src = Path(__file__).with_name("drafts_own.txt")
    n = 0
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, pos = "", [], 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            spans.append({"start": len(text), "end": len(text) + len(m.group(2)), "label": LABEL[m.group(1)]})
            text += m.group(2)
            pos = m.end()
        text += line[pos:]
        n += 1
        print(json.dumps({"id": f"own-{n:03d}", "text": text, "spans": spans}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
