"""The review state machine, as one transition table.

checking -> clean | flagged | failed -> cleared | rejected; an edit goes back
to checking (voiding a clearance); a delete withdraws. Revoking a clearance
returns to the outcome of the last check run.
"""
from __future__ import annotations

from enum import Enum


class State(str, Enum):
    CHECKING = "checking"
    CLEAN = "clean"
    FLAGGED = "flagged"
    FAILED = "failed"
    CLEARED = "cleared"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Event(str, Enum):
    CHECKS_PASSED = "checks_passed"
    CHECKS_FLAGGED = "checks_flagged"
    CHECKS_FAILED = "checks_failed"
    APPROVE = "approve"
    OVERRIDE = "override"
    REJECT = "reject"
    REVOKE = "revoke"
    EDIT = "edit"
    DELETE = "delete"


OUTCOME = "outcome-of-last-check"  # target resolved from the stored check outcome

_LIVE = (State.CHECKING, State.CLEAN, State.FLAGGED, State.FAILED, State.CLEARED, State.REJECTED)

TRANSITIONS: dict[tuple[State, Event], State | str] = {
    (State.CHECKING, Event.CHECKS_PASSED): State.CLEAN,
    (State.CHECKING, Event.CHECKS_FLAGGED): State.FLAGGED,
    (State.CHECKING, Event.CHECKS_FAILED): State.FAILED,
    (State.CLEAN, Event.APPROVE): State.CLEARED,
    (State.FLAGGED, Event.APPROVE): State.CLEARED,  # the service refuses it when a finding blocks
    (State.FLAGGED, Event.OVERRIDE): State.CLEARED,
    (State.CLEAN, Event.REJECT): State.REJECTED,
    (State.FLAGGED, Event.REJECT): State.REJECTED,
    (State.FAILED, Event.REJECT): State.REJECTED,
    (State.CLEARED, Event.REJECT): State.REJECTED,
    (State.CLEARED, Event.REVOKE): OUTCOME,
    (State.REJECTED, Event.REVOKE): OUTCOME,
    **{(s, Event.EDIT): State.CHECKING for s in _LIVE},
    **{(s, Event.DELETE): State.WITHDRAWN for s in _LIVE},
}

CHECK_OUTCOMES = (State.CLEAN, State.FLAGGED, State.FAILED)


class IllegalTransition(Exception):
    def __init__(self, state: State, event: Event):
        super().__init__(f"cannot {event.value} a review that is {state.value}")
        self.state, self.event = state, event


def next_state(state: State, event: Event, check_outcome: State | None = None) -> State:
    try:
        target = TRANSITIONS[(State(state), Event(event))]
    except KeyError:
        raise IllegalTransition(State(state), Event(event)) from None
    if target == OUTCOME:
        if check_outcome not in CHECK_OUTCOMES:
            raise IllegalTransition(State(state), Event(event))
        return State(check_outcome)
    return State(target)
