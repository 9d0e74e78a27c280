"""Charts drawn on the server as inline SVG: no scripts, no inline styles
(the console's Content Security Policy allows neither), colours from
console.css by class (``series-0`` ...), and every number also in text: each
bar has a <title> (a tooltip and what a screen reader says), and the page puts
a table of the same numbers beside each chart."""
from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 34, 40


def _nice_max(value: float) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 x 10^n)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1) if value >= 1 else 0.1
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _num(v: float) -> str:
    return f"{v:.0f}" if float(v).is_integer() else f"{v:.1f}"


def bar_chart(chart_id: str, title: str, categories: list[str], series: list[tuple[str, list[float | None]]],
              unit: str = "") -> Markup:
    """Grouped vertical bars: one group per category (a week), one bar per series."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = _nice_max(max([v for _, vs in series for v in vs if v is not None] or [0]))
    n = max(1, len(categories))
    group = plot_w / n
    bar = max(1.0, group * 0.8 / max(1, len(series)))
    out = [f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{escape(chart_id)}-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for i in range(5):  # gridlines and the y axis
        v = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        out.append(f'<text class="axis" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_num(v)}</text>')
    x = LEFT
    for s, (name, _) in enumerate(series):  # legend
        out.append(f'<rect class="series-{s}" x="{x}" y="8" width="12" height="12"/>')
        out.append(f'<text class="legend" x="{x + 16}" y="19">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    every = max(1, round(n / 12))
    for c, label in enumerate(categories):
        gx = LEFT + c * group + group * 0.1
        for s, (name, values) in enumerate(series):
            v = values[c] if c < len(values) else None
            if v is None:
                continue
            h = plot_h * v / top
            out.append(f'<rect class="series-{s}" x="{gx + s * bar:.1f}" y="{TOP + plot_h - h:.1f}" '
                       f'width="{bar:.1f}" height="{h:.1f}"><title>{escape(label)}: {escape(name)} '
                       f'{_num(v)}{escape(unit)}</title></rect>')
        if c % every == 0:
            out.append(f'<text class="axis" x="{LEFT + c * group + group / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                       f'text-anchor="middle">{escape(label)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def hbar_chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> Markup:
    """Horizontal bars, one per labelled count (finding codes, officers)."""
    row, label_w = 24, 220
    height = TOP + row * max(1, len(items)) + 8
    top = _nice_max(max([v for _, v in items] or [0]))
    plot_w = WIDTH - label_w - RIGHT - 40
    out = [f'<svg id="{escape(chart_id)}" class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
           f'aria-labelledby="{escape(chart_id)}-title" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{escape(chart_id)}-title">{escape(title)}</title>']
    for i, (label, v) in enumerate(items):
        y = TOP + i * row
        w = plot_w * v / top
        out.append(f'<text class="axis" x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect class="series-0" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}">'
                   f'<title>{escape(label)}: {v}</title></rect>')
        out.append(f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + 15}">{v}</text>')
    if not items:
        out.append(f'<text class="axis" x="{label_w}" y="{TOP + 15}">none</text>')
    out.append("</svg>")
    return Markup("".join(out))
