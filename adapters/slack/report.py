"""ReviewView -> Block Kit. The report names finding types, positions and
fixes, never the matched values (Slack is outside the practice's PHI boundary
unless it is Enterprise Grid with a BAA)."""
from __future__ import annotations

import json

from bot.domain import Finding, Severity
from bot.review_service import ReviewView
from bot.states import State

OVERRIDE_ACTION = "clearpost_override"
STAFF_ONLY_ACTION = "clearpost_staff_only"
SECTION_LIMIT = 2900  # Slack allows 3000 characters in a section's text
MAX_FINDINGS_SHOWN = 25  # keeps the message under Slack's 50-block limit

_GROUPS = (
    (Severity.BLOCK, ":no_entry: Must fix before posting"),
    (Severity.WARN, ":warning: Warnings"),
    (Severity.INFO, ":information_source: Notes"),
)


def _when(view: ReviewView) -> str:
    at = view.decided_at
    if at is None:
        return ""
    fallback = at.strftime("%Y-%m-%d %H:%M UTC")
    return f" at <!date^{int(at.timestamp())}^{{date_short}} {{time}}|{fallback}>"


def state_text(view: ReviewView) -> str:
    """The one-line status people read first."""
    s = view.state
    if s == State.CHECKING:
        return ":hourglass_flowing_sand: checking..."
    if s == State.CLEAN:
        return ":large_green_circle: ready for privacy officer"
    if s == State.FLAGGED:
        return ":red_circle: needs changes" if view.blocking else ":large_yellow_circle: ready for privacy officer (see warnings)"
    if s == State.FAILED:
        return ":red_circle: check failed: edit or re-post the draft to run the checks again"
    if s == State.CLEARED:
        how = " with an override (justification recorded in the audit trail)" if view.override_reason else ""
        return f":white_check_mark: cleared by <@{view.decided_by}>{_when(view)}{how}"
    if s == State.REJECTED:
        return f":x: rejected by <@{view.decided_by}>{_when(view)}"
    if s == State.WITHDRAWN:
        return ":wastebasket: withdrawn (the draft was deleted)"
    return s.value


def summary_text(view: ReviewView) -> str:
    """The notification / fallback text: counts only."""
    blocking = sum(f.severity == Severity.BLOCK for f in view.findings)
    others = len(view.findings) - blocking
    return f"ClearPost review: {state_text(view)} ({blocking} blocking, {others} other finding(s))"


def finding_line(f: Finding) -> str:
    kind = f.entity or f.code
    line = f"• *{kind}*{f.where}: {f.message}"
    if f.suggestion:
        line += f"\n    _Fix:_ {f.suggestion}"
    return line


def _clip(text: str, limit: int = SECTION_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 15] + "\n... (truncated)"


def _section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _clip(text)}}


def _code_safe(text: str) -> str:
    return text.replace("```", "'''")


def render(view: ReviewView, approve_reaction: str, officers: list[str]) -> list[dict]:
    """The report's blocks, in reading order: status, findings, rewrite, next step."""
    blocks: list[dict] = [_section(f"*ClearPost review*  {state_text(view)}")]
    context = [f"Draft by <@{view.author}>"]
    if view.targets:
        context.append("targets: " + ", ".join(view.targets))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(context)}]})
    if view.state == State.CHECKING:
        return blocks
    shown = 0
    for severity, title in _GROUPS:
        group = [f for f in view.findings if f.severity == severity]
        if not group:
            continue
        lines, budget = [], MAX_FINDINGS_SHOWN - shown
        for f in group[:budget]:
            lines.append(finding_line(f))
        shown += len(lines)
        more = len(group) - len(lines)
        if more > 0:
            lines.append(f"... and {more} more")
        blocks.append({"type": "divider"})
        blocks.append(_section(f"*{title} ({len(group)})*\n" + "\n".join(lines)))
    if not view.findings and view.state != State.WITHDRAWN:
        blocks.append(_section(":sparkles: No findings."))
    if view.rewrite and view.findings and view.state != State.WITHDRAWN:
        blocks.append({"type": "divider"})
        blocks.append(_section("*De-identified rewrite*\n```" + _clip(_code_safe(view.rewrite), SECTION_LIMIT - 40) + "```"))
    blocks.extend(_staff_only(view, officers))
    blocks.extend(_next_step(view, approve_reaction, officers))
    return blocks


def _staff_only(view: ReviewView, officers: list[str]) -> list[dict]:
    """A "Staff only: image N" button for each picture with faces not yet marked, while the
    draft waits for a decision: an officer's word that it shows staff, not patients."""
    if view.state not in (State.CLEAN, State.FLAGGED):
        return []
    images = [n for n in getattr(view, "face_images", ()) if n not in getattr(view, "staff_only", ())]
    if not images:
        return []
    who = ", ".join(f"<@{u}>" for u in officers) or "a privacy officer"
    return [
        {"type": "divider"},
        _section(f"Faces need a patient's photo consent. If a picture shows only staff, {who} can say so "
                 "(recorded in the audit trail with their name)."),
        {"type": "actions", "block_id": f"clearpost_staff_only_{view.id}", "elements": [{
            "type": "button", "action_id": f"{STAFF_ONLY_ACTION}_{n}",  # unique within the block
            "value": json.dumps({"review": view.id, "image": n, "revision": view.revision}),
            "text": {"type": "plain_text", "text": f"Staff only: image {n}"},
        } for n in images[:5]]},
    ]


def _next_step(view: ReviewView, approve_reaction: str, officers: list[str]) -> list[dict]:
    who = ", ".join(f"<@{u}>" for u in officers) or "a privacy officer"
    if view.state == State.FLAGGED and view.blocking:
        return [
            {"type": "divider"},
            _section(f"Edit the draft to fix the findings above; it is checked again. "
                     f"If a finding is a false alarm, {who} can override it with a written justification."),
            {"type": "actions", "block_id": f"clearpost_review_{view.id}", "elements": [{
                "type": "button", "action_id": OVERRIDE_ACTION, "value": str(view.id),
                "style": "danger", "text": {"type": "plain_text", "text": "Override"},
            }]},
        ]
    if view.state in (State.CLEAN, State.FLAGGED):
        return [{"type": "context", "elements": [{"type": "mrkdwn", "text":
                 f"{who}: react with :{approve_reaction}: on the draft or on this report to clear it."}]}]
    return []
