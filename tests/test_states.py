"""The review state machine, transition by transition, including illegal ones."""
import pytest

from bot.states import CHECK_OUTCOMES, TRANSITIONS, Event, IllegalTransition, State, next_state

S, E = State, Event

LEGAL = [
    (S.CHECKING, E.CHECKS_PASSED, None, S.CLEAN),
    (S.CHECKING, E.CHECKS_FLAGGED, None, S.FLAGGED),
    (S.CHECKING, E.CHECKS_FAILED, None, S.FAILED),
    (S.CLEAN, E.APPROVE, None, S.CLEARED),
    (S.FLAGGED, E.APPROVE, None, S.CLEARED),
    (S.FLAGGED, E.OVERRIDE, None, S.CLEARED),
    (S.CLEAN, E.REJECT, None, S.REJECTED),
    (S.FLAGGED, E.REJECT, None, S.REJECTED),
    (S.FAILED, E.REJECT, None, S.REJECTED),
    (S.CLEARED, E.REJECT, None, S.REJECTED),
    (S.CLEARED, E.REVOKE, S.CLEAN, S.CLEAN),
    (S.CLEARED, E.REVOKE, S.FLAGGED, S.FLAGGED),
    (S.REJECTED, E.REVOKE, S.FAILED, S.FAILED),
] + [(s, E.EDIT, None, S.CHECKING) for s in (S.CHECKING, S.CLEAN, S.FLAGGED, S.FAILED, S.CLEARED, S.REJECTED)] \
  + [(s, E.DELETE, None, S.WITHDRAWN) for s in (S.CHECKING, S.CLEAN, S.FLAGGED, S.FAILED, S.CLEARED, S.REJECTED)]


@pytest.mark.parametrize("state,event,outcome,expected", LEGAL)
def test_when_transition_is_in_table_then_it_reaches_target(state, event, outcome, expected):
    assert next_state(state, event, outcome) == expected


ILLEGAL = [(s, e) for s in State for e in Event if (s, e) not in TRANSITIONS]


@pytest.mark.parametrize("state,event", ILLEGAL)
def test_when_transition_not_in_table_then_it_raises(state, event):
    with pytest.raises(IllegalTransition):
        next_state(state, event, S.CLEAN)


def test_illegal_list_covers_the_dangerous_ones():
    for pair in [(S.FAILED, E.APPROVE), (S.CHECKING, E.APPROVE), (S.CLEAN, E.OVERRIDE),
                 (S.FAILED, E.OVERRIDE), (S.WITHDRAWN, E.EDIT), (S.WITHDRAWN, E.APPROVE)]:
        assert pair in ILLEGAL


def test_when_revoke_without_recorded_outcome_then_it_raises():
    with pytest.raises(IllegalTransition):
        next_state(S.CLEARED, E.REVOKE, None)
    with pytest.raises(IllegalTransition):
        next_state(S.CLEARED, E.REVOKE, S.CHECKING)


def test_check_outcomes_are_the_three_results():
    assert set(CHECK_OUTCOMES) == {S.CLEAN, S.FLAGGED, S.FAILED}
