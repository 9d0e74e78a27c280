"""The review report as an Adaptive Card (and the short cards answering actions).

The card names finding types, positions and fixes, never the matched values;
the de-identified rewrite comes from the review service. Buttons are
``Action.Execute`` (Universal Actions) carrying the review id, so a click comes
back to the bot as an ``adaptiveCard/action`` invoke."""
from __future__ import annotations

from bot.domain import Finding, Severity
from bot.review_service import ReviewView
from bot.states import State

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.4"  # Action.Execute needs 1.4

# Teams refuses messages over about 28 KB: a long draft's card is shortened, never dropped
MAX_REWRITE_CHARS = 6000
MAX_FINDINGS_PER_SEVERITY = 25

VERB_APPROVE, VERB_REJECT, VERB_OVERRIDE = "approve", "reject", "override"
VERB_STAFF_ONLY = "staff_only"  # an officer says a picture with faces shows staff only
REASON_INPUT = "reason"

STATE_LINES = {
    State.CHECKING: ("Checking…", "default"),
    State.CLEAN: ("No findings: waiting for a privacy officer to approve", "good"),
    State.FLAGGED: ("Flagged: a privacy officer must approve, override or reject", "warning"),
    State.FAILED: ("A check failed: this draft cannot be cleared; fix or repost it", "attention"),
    State.CLEARED: ("Cleared for posting", "good"),
    State.REJECTED: ("Rejected: do not post", "attention"),
    State.WITHDRAWN: ("Withdrawn: the draft was deleted", "default"),
}
SEVERITY_HEADINGS = ((Severity.BLOCK, "Blocking", "attention"), (Severity.WARN, "Warnings", "warning"),
                     (Severity.INFO, "Notes", "default"))


def _text(text: str, **extra) -> dict:
    return {"type": "TextBlock", "text": text, "wrap": True, **extra}


def finding_line(f: Finding) -> str:
    """One finding: what, where, how to fix. Never the matched value."""
    what = f.entity or f.code
    fix = f" Fix: {f.suggestion}" if f.suggestion else ""
    return f"- **{what}**{f.where}: {f.message}{fix}"


def _findings(view: ReviewView) -> list[dict]:
    if not view.findings:
        return [] if view.state in (State.CHECKING, State.WITHDRAWN) else [_text("No findings.")]
    blocks: list[dict] = []
    for severity, heading, colour in SEVERITY_HEADINGS:
        lines = [finding_line(f) for f in view.findings if f.severity == severity]
        if lines:
            blocks.append(_text(f"{heading} ({len(lines)})", weight="Bolder", color=colour, spacing="Medium"))
            shown = lines[:MAX_FINDINGS_PER_SEVERITY]
            if len(lines) > len(shown):
                shown.append(f"- … and {len(lines) - len(shown)} more (run `clearpost check` on the draft for all)")
            blocks.append(_text("\n".join(shown)))
    return blocks


def _actions(view: ReviewView) -> tuple[list[dict], list[dict]]:
    """(inputs, actions) the officer may use in this state."""
    data = {"review_id": view.id, "revision": view.revision}  # a click on an older card is refused
    actions: list[dict] = []
    inputs: list[dict] = []
    if view.state in (State.CLEAN, State.FLAGGED) and not view.blocking:
        actions.append({"type": "Action.Execute", "title": "Approve", "verb": VERB_APPROVE, "data": data,
                        "style": "positive", "associatedInputs": "none"})
    if view.state == State.FLAGGED:
        inputs.append({"type": "Input.Text", "id": REASON_INPUT, "isMultiline": True, "isRequired": True,
                       "label": "Justification (required to override)",
                       "errorMessage": "Write why this draft may be posted despite the findings.",
                       "maxLength": 2000})
        actions.append({"type": "Action.Execute", "title": "Override", "verb": VERB_OVERRIDE, "data": data,
                        "associatedInputs": "auto"})
    if view.state in (State.CLEAN, State.FLAGGED, State.FAILED, State.CLEARED):
        actions.append({"type": "Action.Execute", "title": "Reject", "verb": VERB_REJECT, "data": data,
                        "style": "destructive", "associatedInputs": "none"})
    if view.state in (State.CLEAN, State.FLAGGED):
        for n in [i for i in getattr(view, "face_images", ()) if i not in getattr(view, "staff_only", ())][:3]:
            actions.append({"type": "Action.Execute", "title": f"Staff only: image {n}", "verb": VERB_STAFF_ONLY,
                            "data": {**data, "image": n}, "associatedInputs": "none"})
    return inputs, actions


def review_card(view: ReviewView, notice: str | None = None) -> dict:
    """The report card for a review; ``notice`` is shown on top (e.g. why an action was refused)."""
    line, colour = STATE_LINES[view.state]
    body: list[dict] = []
    if notice:
        body.append({"type": "Container", "style": "attention", "items": [_text(notice, weight="Bolder")]})
    body.append(_text(f"ClearPost review #{view.id}", weight="Bolder", size="Medium"))
    body.append(_text(f"**State:** {view.state.value}. {line}", color=colour))
    facts = []
    if view.targets:
        facts.append({"title": "For", "value": ", ".join(view.targets)})
    if view.decided_by and view.state in (State.CLEARED, State.REJECTED):
        facts.append({"title": "Decided by", "value": view.decided_by})
        if view.decided_at:
            facts.append({"title": "At", "value": view.decided_at.strftime("%Y-%m-%d %H:%M UTC")})
    if view.override_reason and view.state == State.CLEARED:
        facts.append({"title": "Override reason", "value": view.override_reason})
    if facts:
        body.append({"type": "FactSet", "facts": facts})
    if view.state != State.WITHDRAWN:
        body.extend(_findings(view))
        if view.rewrite and view.findings:
            body.append(_text("Suggested de-identified rewrite", weight="Bolder", spacing="Medium"))
            rewrite = view.rewrite
            if len(rewrite) > MAX_REWRITE_CHARS:
                rewrite = (rewrite[:MAX_REWRITE_CHARS]
                           + f"\n… ({len(view.rewrite) - MAX_REWRITE_CHARS} more characters not shown)")
            body.append(_text(rewrite, fontType="Monospace"))
    inputs, actions = _actions(view)
    body.extend(inputs)
    card = {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION, "body": body}
    if actions:
        card["actions"] = actions
    return card


def notice_card(title: str, message: str) -> dict:
    """A small card for answers that are not a review (refusals, errors)."""
    return {"type": "AdaptiveCard", "$schema": SCHEMA, "version": VERSION,
            "body": [_text(title, weight="Bolder", color="attention"), _text(message)]}


NOT_AUTHORISED = "Not authorised"
