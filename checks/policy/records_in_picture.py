"""Rule: the picture shows the practice's records.

Guidance (hipaa-social-rules.md: a photo is an identifier, and who is a
patient is itself PHI): a photo of the schedule board, the sign-in sheet, a
chart or a screen carries patients' names and visit times even when the
caption names nobody. The caption usually says so itself: "every client's
first name + appt time got its own lil snowflake", "tomorrow's schedule is
on the board behind us", "swipe for the close-up of the sign-in sheet",
"ignore Jordan's monitor lol, Mondays are BUSY".

Pattern: a photo or video is attached, and one sentence names a record of
patients (their names, the day's schedule or appointments, a sign-in sheet,
charts or files, a screen of the patient system) together with where it is
seen (the board, the whiteboard, the screen, behind or in the background, the
picture, a close-up, "swipe"). Covered records pass: "names blurred",
"whiteboard wiped before the photo", "no client names visible"."""
from __future__ import annotations

import re

from bot.domain import Draft, Severity
from checks.base import Analysis
from checks.policy.base import Rule, Span, sentence_bounds
from checks.reading import reading_of
from checks.roles import Role
from checks.subjects import photo_description_spans

_I = re.IGNORECASE
# a record that lists patients: their names, the day's schedule, a sign-in sheet, charts
_RECORD = re.compile(
    r"\b(?:(?:every|each|all|our|the)\s+)?(?:clients?|patients?|pts?|kids?|kiddos?)['’]?s?['’]?\s+(?:first\s+)?names?\b"
    r"|\b(?:today|tomorrow|tmrw|the day|this week|next week|monday|tuesday|wednesday|thursday|friday|saturday)['’]?s?\s+"
    r"(?:full\s+)?(?:[\w-]+\s+)?(?:appointments|appts|patients|clients|kiddos|kids)\b"
    r"|\b(?:the|our)\s+(?:appointment|appt|patient|client)\s+(?:schedule|book|list|board)\b"
    r"|\bsign[- ]in\s+(?:sheet|list|clipboard)\b|\bcheck[- ]?in\s+(?:sheet|list|board)\b"
    # names said to be readable: "a clipboard ... with several names legible"
    r"|\bnames?\s+(?:are\s+|is\s+)?(?:legible|readable|visible)\b|\b(?:legible|readable|visible)\s+names\b"
    r"|\b(?:patient|client)\s+(?:charts?|files?|folders?|records?|intake forms?)\b"
    # charts and the week's intake slots: "a tall stack of intake charts", "this week's IOP intake slots"
    r"|\b(?:intake|new[- ](?:client|patient))\s+(?:charts?|files?|folders?|paperwork|forms?|packets?|slots?|appointments?|appts?)\b"
    # a clinician's list of clients, and the letters and notes written about one: "my caseload board (pictured)",
    # "the last surgery readiness letter of the week" on the desk in the photo
    r"|\bcaseload\s+(?:board|list|sheet|tracker|spreadsheet)s?\b"
    # whose caseload a written tag or card names, a group's roster, its members' numbers: "M., 15, hoodie L —
    # Priya’s caseload", "this week’s NICU parents group roster and phone numbers"
    r"|\b(?:[^\W\d_][\w-]*['’]s|her|his|my|our|their)\s+caseload\b"
    r"|\b(?:group|class|client|patient|member|parents?|families)\s+roster\b|\bnames?\s+(?:and|&|\+|with)\s+phone\s+numbers\b"
    r"|\broster\s+(?:and|&|\+|with)\s+(?:their\s+)?phone\s+numbers\b"
    r"|\b(?:readiness|referral|support|assessment|evaluation|accommodation|esa|discharge)\s+(?:letters?|reports?|summar(?:y|ies))\b"
    r"|\b(?:progress|case|clinical)\s+notes\b"
    # the whole week's bookings laid out: "color-coded the entire belmont schedule by clinician"
    r"|\b(?:entire|whole)\s+(?:[\w-]+\s+)?schedule\b|\bschedule\s+by\s+(?:clinician|therapist|provider|counselor|room)\b"
    # insurers' paperwork for this week's patients: "that stack is this week's TMS prior auths"
    r"|\bprior\s+(?:auths?|authorizations?)\b|\bsuperbills?\b"
    r"|\b(?:names?\s*(?:\+|and|&|w/|with)\s*(?:(?:appt|appointment|session)\s+)?times?)\b"
    # "the whiteboard behind her shows today’s appointment list"
    r"|\b(?:appointment|appt|client|patient|session)\s+(?:list|sheet|roster|log)s?\b"
    # a session going on, on the screen: "laptop open mid-telehealth call"
    r"|\b(?:mid-?|during\s+(?:a\s+)?|open\s+(?:to|on)\s+(?:a\s+)?|in\s+the\s+middle\s+of\s+(?:a\s+)?)(?:telehealth|zoom|video|"
    r"therapy)\s+(?:call|session|visit|appointment)\b"
    # someone's own papers: "a stamped Circuit Court name change judgment on Jordan’s desk"
    r"|\b(?:court|name[- ]change)\s+(?:order|judg(?:e)?ment|decree|papers|documents?|petition)s?\b"
    r"|\b(?:birth|death|marriage|discharge)\s+certificates?\b"
    # the bookings' own board: "Priya's appointment whiteboard the week before finals"
    r"|\b(?:appointment|appt|booking|scheduling|session)s?\s+(?:white\s?board|board|calendar|grid|book|sheet)s?\b"
    # a chart's label, or the day's slots written out with names: "“PARK, Jenna — DOB 04/11/1998”",
    # "reads “10:00 K. Yamada / 11:00 B. Oyelaran / 1:00 T. Nguyen”"
    r"|\b(?:DOB|D\.O\.B\.?|date of birth)\b"
    # (a person's initial with the name, not a class's: "10:00 Mindfulness / 11:00 DBT Skills")
    r"|(?:\b\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+(?-i:[A-Z]\.\s?[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z]\.)[^\n\d]{0,20}){2,}", _I)
# the day's schedule, which lists patients where it hangs on the board or shows on the screen (a posted class
# schedule is the practice's own news: "swipe for next week's group schedule")
_DAYS_SCHEDULE = re.compile(r"\b(?:today|tomorrow|tmrw|the day|this week)['’]?s?\s+(?:full\s+)?(?:[\w-]+\s+)?(?:schedule|lineup|"
                            r"line-up)\b", _I)
_BOARD = re.compile(r"\b(?:white\s?board|board|screen|monitor|behind (?:me|us|her|him|them)|in the back(?:ground)?)\b", _I)
# where it is seen: on a board or screen, behind someone, in the picture
_SEEN = re.compile(r"\b(?:white\s?board|board|screen|monitor|behind (?:me|us|her|him|them)|in the back(?:ground)?|"
                   r"photos?|pics?|pictures?|shots?|close-?up|swipe|video|visible|you can (?:see|read)|in frame|"
                   r"on display|posted up|up on the wall|stacks?|piles?|pictured|everywhere|all over|"
                   r"(?:my|the|our|her|his)\s+(?:front\s+)?desk)\b", _I)
# a live session's screen captured: "(screenshot of our zoom grid 👇)"
_SESSION_SCREEN = re.compile(r"\b(?:zoom|teams|meet|video|telehealth|session)\s+(?:grid|gallery|call|window|screen)\b", _I)
_CAPTURED = re.compile(r"\b(?:screenshot|screen\s?shot|screen\s?grab|screen\s?cap|snip)\b", _I)
# the working surfaces that show the day's clients, when the caption says they are full or in view: "ignore Jordan's
# monitor lol, Mondays are BUSY", "peep the color-coded board ... full day", "calendar's already packed for the week",
# "the new clipboard station, already filling up", "here she is showing off the new day view" (a headshot by "our
# January calendar is filling up" is no picture of the calendar: a bare calendar counts only where it is shown)
# (a screen is someone's or the one shown, not "screen time" or "screen-heavy days")
_WORK_SCREEN = re.compile(r"\b(?:[^\W\d_][\w-]*['’]s|her|his|their|my|the|this)\s+(?:[\w-]+\s+)?(?:monitors?|screens?|computer|"
                          r"laptop)\b(?!\s*(?:time|-))"
                          r"|\b(?:clipboard(?:\s+station)?|sign-?in\s+station|ehr|simplepractice|therapynotes|"
                          r"(?:day|week|calendar|schedule)\s+view)\b"
                          r"|\b(?:[^\W\d_][\w-]*['’]s|her|his|their|my)\s+(?:[\w-]+\s+)?(?:calendar|schedule)\b"
                          r"|\bcalendar['’]s\b|\bon\s+the\s+(?:[\w-]+\s+)?calendar\b", _I)
# ... said to be full or in view
_FULL = (r"booked|busy|slammed|packed|full day|filling up|filled up|every\.?\s+single\.?\s+slot|"
         r"whole\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|whole\s+week|actual\s+week")
_IN_VIEW = re.compile(r"\b(?:here['’]?s|ignore|look at|peep|sneak peek|showing off|yes,?\s+that['’]?s|this is|you can (?:see|read)|"
                      r"screenshot|screen\s?shot|screen\s?grab|"
                      r"in the back(?:ground)?|behind (?:me|us|her|him|them)|" + _FULL + r")\b", _I)
# a board or planner counts only where it is full: "peep the color-coded board ... full day" (not "our new art board")
_BOARD_OF_THE_DAY = re.compile(r"\b(?:white\s?)?board\b|\bplanner\b", _I)
_FULL_NOW = re.compile(r"\b(?:" + _FULL + r")\b", _I)
# the record hidden before the picture was taken
# (done, not promised: "we can blur it after it's up if anyone notices" covers nothing)
_COVERED = re.compile(r"(?<!can )(?<!could )(?<!will )(?<!['’]ll )(?<!should )(?<!might )(?<!to )"
                      r"\b(?:blur(?:red|ring)?|covered|wiped|erased|hidden|removed|cropped|redacted|blank(?:ed)?)\b"
                      r"|\bno\s+(?:client|patient|real)?\s*names?\b|\bnames?\s+(?:are\s+|were\s+)?(?:not|never)\b"
                      r"|\b(?:test|demo|dummy|sample|fake|made-up)\s+(?:patients?|clients?|data|accounts?|names?)\b", _I)


# a video shows what was on screen as much as a photo does: "I recorded this with Jordan's login"
_VIDEO_PLATFORMS = {"youtube", "tiktok"}
_RECORDED = re.compile(r"\b(?:recorded|filmed|screen[- ]?record(?:ed|ing)|walkthrough|video)\b", _I)


class RecordsInPicture(Rule):
    name = "records_in_picture"
    default_severity = Severity.BLOCK
    message = ("the caption says the attached picture shows a record of patients (their names, the schedule, a "
               "sign-in sheet, charts or a screen): the picture discloses who the patients are")
    suggestion = "take the picture again with the board, sheet or screen out of frame or wiped, and say so"

    def find(self, draft: Draft, analysis: Analysis) -> Span | None:
        text = draft.text
        if not (draft.has_photo or set(draft.platforms) & _VIDEO_PLATFORMS or _RECORDED.search(text)):
            return None
        described = photo_description_spans(text)
        written = _someone_booked_in_writing(text, analysis, draft, described)
        if written:
            return written
        for record, seen in ((_RECORD, _SEEN), (_DAYS_SCHEDULE, _BOARD), (_WORK_SCREEN, _IN_VIEW),
                             (_BOARD_OF_THE_DAY, _FULL_NOW), (_SESSION_SCREEN, _CAPTURED)):
            for m in record.finditer(text):
                s0, s1 = sentence_bounds(text, m.start())
                # the picture is often in the next sentence: "... got its own snowflake. swipe for the close-up"
                word = re.compile(r"\w").search(text, s1)
                n1 = sentence_bounds(text, word.start())[1] if word else s1
                if record is _BOARD_OF_THE_DAY and s0 > 0:  # (how full the day is may be said first: "full day ... peep the board")
                    s0 = sentence_bounds(text, max(0, s0 - 2))[0]
                # (a record in what the draft says its photo shows is seen there)
                # (a record of patients by name, not a screen or board that may show anything: "[photo: Jordan at his
                # computer]")
                shown = record is _RECORD and any(d0 <= m.start() < d1 for d0, d1 in described)
                if (shown or seen.search(text, s0, n1)) and not _COVERED.search(text, s0, n1):
                    return m.start(), m.end()
        return None


# what a board, sheet or screen in the picture says, quoted: "a whiteboard reads “Tues 4pm – K. Morales – ...”"
_WRITING_SHOWN = re.compile(r"\b(?:white\s?board|board|screen|monitor|sheet|list|calendar|planner|sticky\s+note|post-it|"
                            r"note|clipboard|sign|tablet|laptop|phone)\b[^.\n\[\]]{0,60}?\b(?:reads?|reading|says?|saying|"
                            r"shows?|showing|lists?|listing|written|with)\b[^“\"‘'\n]{0,12}?[“\"‘'](?P<words>(?:[^”\"’'\n]|(?<=\w)['’](?=\w)){3,200})",
                            _I)
# a slot: a clock time or a weekday ("Tues 4pm", "10:30", "Thurs")
_SLOT = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a|p)\b|\b\d{1,2}:\d\d\b|\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
                   r"(?:day|s|\.)?\b", _I)


def _someone_booked_in_writing(text: str, analysis: Analysis, draft: Draft,
                               described: list[tuple[int, int]]) -> Span | None:
    """A board, sheet or screen the photo shows, quoted with a slot and a name that is no colleague's: the
    day's bookings in the picture, however few."""
    reading = reading_of(draft, analysis)
    strangers = [e for e, r in reading.people(analysis) if r == Role.UNKNOWN]
    for d0, d1 in described:
        for m in _WRITING_SHOWN.finditer(text, d0, d1):
            w0, w1 = m.span("words")
            named = sum(w0 <= e.start < w1 for e in strangers)
            # (or a roster without slots: "the whiteboard reads 'Teen Boys Group — Wk 6: Liam, Noah, Jaylen'")
            if (named and _SLOT.search(m.group("words"))) or named >= 2:
                return w0, w1
        # names written on things in the picture, each quoted: "ornaments embroidered with 'Tasha', 'Bri', 'Gus'"
        quoted = [e for e in strangers if d0 <= e.start < d1 and _QUOTE_BEFORE.search(text, max(d0, e.start - 2), e.start)]
        if len(quoted) >= 2:
            return quoted[0].start, quoted[-1].end
    return None


_QUOTE_BEFORE = re.compile(r"[“\"‘']$")
