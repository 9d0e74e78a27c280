"""Console wording (issue 18): commands in findings show as code, not in literal backticks; the
marked-draft heading only when something is marked; a finding's position said once, under
Where (not again in What); a non-UTF-8 consent file names every bad
line; the browser's /favicon.ico is answered."""
from __future__ import annotations

import re
from pathlib import Path

import aiohttp

from adapters.console.web import code_spans
from bot.models import Consent
from tests.console_client import (CLEAN_DRAFT, PHI_DRAFT, POSITION, count, finding_rows, signed_in, site,  # noqa: F401
                                  submit)

DATA = Path(__file__).parent / "data"
CONSENT_DRAFT = "Jane Doe shared her story with us: thank you, Jane! consent: C-9999"


def test_when_a_finding_names_a_command_then_it_is_code_and_the_rest_stays_escaped():
    assert str(code_spans("record it with `clearpost consent grant` <now>")) == \
        "record it with <code>clearpost consent grant</code> &lt;now&gt;"
    assert str(code_spans("`<script>`")) == "<code>&lt;script&gt;</code>"
    assert str(code_spans("a lone ` stays")) == "a lone ` stays" and str(code_spans(None)) == ""


async def _result_page(c, text: str) -> str:
    await c.get("/console/review")
    status, page = await c.post("/console/review", [("text", text), ("target", "instagram")])
    assert status == 200, page
    return page


async def test_when_findings_name_commands_then_the_page_shows_code_not_backticks(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    page = await _result_page(staff, CONSENT_DRAFT)
    findings = page[page.index('id="findings"'):]
    assert "<code>" in findings and "`" not in findings
    assert "Your draft, with findings marked" in page


async def test_when_a_draft_has_no_findings_then_the_heading_does_not_promise_marks(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    page = await _result_page(staff, CLEAN_DRAFT)
    assert "No findings." in page and 'id="draft"' in page
    assert "with findings marked" not in page and "<h2>Your draft</h2>" in page


async def test_when_findings_have_positions_then_each_says_it_once_in_where(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, PHI_DRAFT, "instagram")
    review = services.reviews.get_by_id(rid)
    rows = finding_rows(staff.page)
    assert len(rows) == len(review.findings) >= 2
    for cells, f in zip(rows, review.findings):
        number, severity, what, where, fix = cells
        assert where == (f"characters {f.start + 1}-{f.end}" if f.start is not None else "")
        assert not POSITION.search(what + fix + severity), cells  # said in Where, and only there
    assert sum(bool(cells[3]) for cells in rows) >= 2


async def test_when_an_officer_uploads_a_non_utf8_csv_then_every_bad_line_is_listed(site):
    services, client = site
    officer = await signed_in(client, "officer")
    raw = (DATA / "consent_valid.csv").read_bytes().splitlines(keepends=True)
    raw[1] = raw[1].replace(b"Emily Rose Carter", "Em\u00edly Rose Carter".encode("latin-1"))
    raw[3] = raw[3].replace(b"scan/", b"scan\xff/")
    await officer.get("/console/consents")
    form = aiohttp.FormData()
    form.add_field("csrf", officer.csrf())
    form.add_field("file", b"".join(raw), filename="latin1.csv", content_type="text/csv")
    async with officer.http.post(officer.base + "/console/consents/import", data=form) as resp:
        status, page = await officer._record(resp)
    assert status == 400 and "2 line(s) are not UTF-8" in page and "offset" not in page
    listed = re.findall(r"<li>line (\d+): not UTF-8", page)
    assert listed == ["2", "4"]
    assert count(services, Consent) == 0


async def test_when_a_browser_asks_for_favicon_then_it_gets_an_icon(site):
    services, client = site
    c = client()
    async with c.http.get(c.base + "/favicon.ico", allow_redirects=True) as r:
        body = await r.read()
        assert r.status == 200 and r.content_type == "image/svg+xml" and body.startswith(b"<svg")
    status, page = await c.get("/console/login")
    m = re.search(r'<link rel="icon" href="([^"]+)"', page)
    assert m and m.group(1).startswith("/console/static/favicon.svg")
    async with c.http.get(c.base + m.group(1)) as r:
        assert r.status == 200 and r.content_type == "image/svg+xml"


def test_when_a_consent_finding_sits_on_a_name_then_its_mark_says_consent_not_person():
    from adapters.console.highlight import pieces
    from bot.domain import Finding, Severity
    text = "Thanks, Jane Doe!"
    found = [Finding("phi", "phi.person", Severity.BLOCK, "m", "PERSON", 8, 16),
             Finding("consent", "consent.missing", Severity.BLOCK, "m", "PERSON", 8, 16),
             Finding("policy", "policy.testimonial", Severity.WARN, "m", None, 0, 17)]
    labels = [p.label for p in pieces(text, found) if p.label]
    assert labels == ["1 PERSON, 2 CONSENT", "3 policy.testimonial"]


REWRITABLE = "So proud of Maria Gonzalez who finished her anxiety program! Our next anxiety workshop starts in May."


async def test_when_staff_look_at_the_rewrite_then_one_click_checks_it_as_a_new_draft(site):
    import html

    from bot.models import Review
    services, client = site
    staff = await signed_in(client, "staff1")
    page = await _result_page(staff, REWRITABLE)
    m = re.search(r'<form method="post" action="/console/review" id="recheck">(.*?)</form>', page, re.S)
    assert m, "no re-check form under the rewrite"
    rewrite = html.unescape(re.search(r'<textarea name="text" hidden>(.*?)</textarea>', m.group(1), re.S).group(1))
    assert "Maria" not in rewrite
    assert re.findall(r'name="target" value="(\w+)"', m.group(1)) == ["instagram"]
    status, second = await staff.post("/console/review", [("text", rewrite), ("target", "instagram")])
    assert status == 200 and count(services, Review) == 2 and "<h1>Review #2</h1>" in second
    assert "Maria" not in second and "phi.person" not in second  # the rewrite passes the PHI check
    officer = await signed_in(client, "officer")
    status, page = await officer.get("/console/reviews/1")
    assert status == 200 and 'id="rewrite"' in page and 'id="recheck"' not in page  # only for the author


async def test_when_staff_list_recent_drafts_then_targets_and_finding_counts_tell_them_apart(site):
    services, client = site
    staff = await signed_in(client, "staff1")
    await _result_page(staff, CLEAN_DRAFT)
    await staff.get("/console/review")
    await staff.post("/console/review", [("text", REWRITABLE), ("target", "facebook"), ("target", "website")])
    status, page = await staff.get("/console/review")
    rows = re.findall(r"<tr>\s*<td><a href=\"/console/reviews/(\d+)\">.*?</tr>", page, re.S)
    assert rows == ["2", "1"]
    table = page[page.index("Your recent drafts"):]
    cells = [re.findall(r"<td>([^<]*)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]
    # cells: verdict, findings, publishing to, received, decided by
    assert cells[0][2] == "facebook, website" and int(cells[0][1]) >= 1
    assert cells[1][1:3] == ["0", "instagram"]
