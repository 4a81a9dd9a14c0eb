"""Charts drawn on the server as inline SVG: no script, nothing fetched, every label escaped.

A small chart library of our own instead of a vendored JavaScript one: the pages stay
readable without JavaScript, print as they show, and each chart has a table beside it
with the same figures (for screen readers and for copying). Every text that reaches the
SVG goes through ``escape``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

from markupsafe import Markup, escape

from sepakat.models import AGREEMENT_STATUSES
from sepakat.store.overview import ChartCell, Graph
from sepakat.store.queries import TimelineEvent

# One colour per stage, from early (light) to late (dark), readable on white; "ended" grey.
STAGE_COLOURS = {
    "proposed": "#c6dbef",
    "negotiating": "#9ecae1",
    "agreed": "#6baed6",
    "signed": "#3182bd",
    "ratified": "#08519c",
    "implementing": "#31a354",
    "ended": "#969696",
}


def _svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(label)}" class="chart">' + "".join(body) + "</svg>"
    )


def bars(items: Sequence[tuple[str, int, str | None]], label: str, width: int = 560) -> Markup:
    """Horizontal bars: (label, value, link or None) per row."""
    if not items:
        return Markup("")
    row, left = 22, 150
    top = max(v for _, v, _ in items) or 1
    body: list[str] = []
    for i, (name, value, href) in enumerate(items):
        y = i * row
        length = max(1.0, (width - left - 50) * value / top)
        bar = (
            f'<rect x="{left}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" fill="#3182bd">'
            f"<title>{escape(name)}: {value}</title></rect>"
        )
        text = f'<text x="{left - 6}" y="{y + row / 2 + 4}" text-anchor="end">{escape(name)}</text>'
        if href:
            text = f'<a href="{escape(href)}">{text}</a>'
        body += [bar, text, f'<text x="{left + length + 4:.1f}" y="{y + row / 2 + 4}">{value}</text>']
    return _svg(width, row * len(items), label, body)


def _year_fraction(day: str) -> float:
    parts = [int(p) for p in day[:10].split("-") if p.isdigit()]
    year = parts[0] if parts else 2000
    month = parts[1] if len(parts) > 1 else 6
    dom = parts[2] if len(parts) > 2 else 15
    return year + (month - 1) / 12 + (dom - 1) / 365


def timeline(events: Sequence[TimelineEvent], label: str, width: int = 640) -> Markup:
    """Each report as a dot: when (x) and which stage (y); a step line joins them in date order."""
    if not events:
        return Markup("")
    left, right, top, step = 100, 20, 10, 24
    height = top * 2 + step * (len(AGREEMENT_STATUSES) - 1) + 24
    xs = [_year_fraction(e.date or e.sort_date) for e in events]
    low, high = min(xs), max(xs)
    if high - low < 0.25:
        low, high = low - 0.125, high + 0.125

    def x_of(value: float) -> float:
        return left + (width - left - right) * (value - low) / (high - low)

    def y_of(status: str) -> float:
        return top + step * (len(AGREEMENT_STATUSES) - 1 - AGREEMENT_STATUSES.index(status))

    body = []
    for status in AGREEMENT_STATUSES:
        y = y_of(status)
        body.append(f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#eee"/>')
        body.append(
            f'<text x="{left - 6}" y="{y + 4}" text-anchor="end" class="axis">{escape(status)}</text>'
        )
    for year in range(math.ceil(low), math.floor(high) + 1):
        x = x_of(year)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{height - 20}" stroke="#ddd"/>')
        body.append(f'<text x="{x:.1f}" y="{height - 6}" text-anchor="middle" class="axis">{year}</text>')
    ordered = sorted(zip(xs, events, strict=True), key=lambda p: p[0])
    points = " ".join(f"{x_of(x):.1f},{y_of(e.status):.1f}" for x, e in ordered)
    body.append(f'<polyline points="{points}" fill="none" stroke="#999" stroke-width="1.5"/>')
    for i, (x, e) in enumerate(ordered):
        title = f"{e.date or e.sort_date}: {e.status} ({e.article_title or e.article_id})"
        body.append(
            f'<a href="#event-{i}"><circle cx="{x_of(x):.1f}" cy="{y_of(e.status):.1f}" r="6" '
            f'fill="{STAGE_COLOURS[e.status]}" stroke="#222"><title>{escape(title)}</title></circle></a>'
        )
    return _svg(width, height, label, body)


def partner_years(cells: Sequence[ChartCell], label: str) -> list[tuple[str, Markup]]:
    """Small multiples: per partner, agreements per year of first report, stacked by stage."""
    by_partner: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for c in cells:
        by_partner[c.partner][c.year][c.status] = c.count
    years = sorted({c.year for c in cells})
    if not years:
        return []
    top = max(sum(s.values()) for p in by_partner.values() for s in p.values()) or 1
    width, height, left, bottom = 300, 120, 28, 18
    slot = (width - left) / len(years)
    charts = []
    for partner, per_year in by_partner.items():
        body = [
            f'<line x1="{left}" x2="{width}" y1="{height - bottom}" y2="{height - bottom}" stroke="#999"/>',
            f'<text x="{left - 4}" y="12" text-anchor="end" class="axis">{top}</text>',
        ]
        for i, year in enumerate(years):
            y = float(height - bottom)
            for status in AGREEMENT_STATUSES:
                n = per_year.get(year, {}).get(status, 0)
                if not n:
                    continue
                h = (height - bottom - 14) * n / top
                y -= h
                body.append(
                    f'<rect x="{left + i * slot + 1:.1f}" y="{y:.1f}" width="{max(1.0, slot - 2):.1f}" '
                    f'height="{h:.1f}" fill="{STAGE_COLOURS[status]}">'
                    f"<title>{escape(partner)} {escape(year)} {escape(status)}: {n}</title></rect>"
                )
            if len(years) <= 12 or i % max(1, len(years) // 6) == 0:
                body.append(
                    f'<text x="{left + (i + 0.5) * slot:.1f}" y="{height - 4}" text-anchor="middle" '
                    f'class="axis">{escape(year)}</text>'
                )
        charts.append((partner, _svg(width, height, f"{label}: {partner}", body)))
    return charts


def network(graph: Graph, label: str, size: int = 640) -> Markup:
    """Parties on an outer ring, people on an inner one; lines for shared agreements and meetings."""
    if not graph.nodes:
        return Markup("")
    centre = size / 2
    parties = [n for n in graph.nodes if n.kind == "party"]
    people = [n for n in graph.nodes if n.kind != "party"]
    where: dict[str, tuple[float, float]] = {}
    for ring, radius in ((parties, size * 0.40), (people, size * 0.22)):
        for i, node in enumerate(ring):
            angle = 2 * math.pi * i / max(1, len(ring)) - math.pi / 2
            where[node.id] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    body = []
    for edge in graph.edges:
        (x1, y1), (x2, y2) = where[edge.source], where[edge.target]
        colour = "#3182bd" if edge.kind == "agreement" else "#e6550d"
        body.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-opacity="0.45" stroke-width="{min(6.0, 0.8 + math.log1p(edge.weight)):.1f}"/>'
        )
    for node in graph.nodes:
        x, y = where[node.id]
        radius = min(14.0, 4 + 2 * math.log1p(node.weight))
        fill = "#3182bd" if node.kind == "party" else "#e6550d"
        anchor = "start" if x >= centre else "end"
        dx = radius + 3 if x >= centre else -radius - 3
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{fill}">'
            f"<title>{escape(node.label)} ({node.weight})</title></circle>"
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" class="node">'
            f"{escape(node.label[:40])}</text>"
        )
    return _svg(size, size, label, body)
