"""Geometry of the inline SVG charts (drawn by our code, no chart library): the stall index
over time and the weekly timeline by quad class. Functions return plain numbers and strings;
the templates write the SVG elements with Jinja's autoescaping."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 34
COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")


@dataclass
class Point:
    x: float
    y: float
    label: str
    value: float
    href: str = ""


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class Chart:
    width: int = WIDTH
    height: int = HEIGHT
    points: list[Point] = field(default_factory=list)
    path: str = ""
    yticks: list[Tick] = field(default_factory=list)
    xticks: list[Tick] = field(default_factory=list)
    bars: list["Bar"] = field(default_factory=list)
    baseline: float = 0.0
    gaps: list[Tick] = field(default_factory=list)  # between weeks that are not consecutive


@dataclass
class Bar:
    x: float
    y: float
    w: float
    h: float
    quad: str
    count: int
    label: str
    href: str


def _x(i: int, n: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner * (i + 0.5) / n if n else inner / 2)


def _every(n: int, room: int = 8) -> int:
    return max(1, -(-n // room))


def _gaps(weeks: list[str]) -> list[Tick]:
    """A mark between two shown weeks that are not consecutive: the axis lists only weeks with
    records, so a reader must see where time was skipped (and how much)."""
    out = []
    n = len(weeks)
    for i in range(1, n):
        skipped = _week_number(weeks[i]) - _week_number(weeks[i - 1]) - 1
        if skipped > 0:
            out.append(Tick((_x(i - 1, n) + _x(i, n)) / 2,
                            f"{skipped} week{'s' if skipped > 1 else ''} without records"))
    return out


def _week_number(week: str) -> int:
    """Weeks since 0001-01-01 of an ISO week "2025-W07" (0 for anything else)."""
    year, _, num = week.partition("-W")
    try:
        return dt.date.fromisocalendar(int(year), int(num), 1).toordinal() // 7
    except ValueError:
        return 0


def stall_chart(weeks: list[dict[str, Any]], href_of: Any) -> Chart:
    """The "ALL" rows of weekly_indicators as a line 0..1 with one point per week."""
    chart = Chart()
    inner_h = HEIGHT - TOP - BOTTOM
    chart.yticks = [Tick(TOP + inner_h * (1 - v), f"{v:g}") for v in (0.0, 0.25, 0.5, 0.75, 1.0)]
    n = len(weeks)
    for i, w in enumerate(weeks):
        v = float(w["stall_index"])
        chart.points.append(Point(_x(i, n), TOP + inner_h * (1 - v), w["week"], v, href_of(w)))
    chart.path = " ".join(f"{'M' if i == 0 else 'L'}{p.x:.1f},{p.y:.1f}" for i, p in enumerate(chart.points))
    chart.xticks = [Tick(p.x, p.label) for i, p in enumerate(chart.points) if i % _every(n) == 0]
    chart.gaps = _gaps([w["week"] for w in weeks])
    return chart


def timeline_chart(weeks: list[dict[str, Any]], href_of: Any) -> Chart:
    """Stacked weekly bars: cooperation above the axis, conflict below, one link per bar segment."""
    chart = Chart()
    n = len(weeks)
    up = max([sum(w["quads"].get(q, 0) for q in COOPERATION) for w in weeks] + [1])
    down = max([sum(w["quads"].get(q, 0) for q in CONFLICT) for w in weeks] + [1])
    inner_h = HEIGHT - TOP - BOTTOM
    scale = inner_h / (up + down)
    chart.baseline = TOP + up * scale
    width = max(2.0, min(28.0, (WIDTH - LEFT - RIGHT) / max(n, 1) * 0.8))
    for i, w in enumerate(weeks):
        x = _x(i, n) - width / 2
        y = chart.baseline
        for q in COOPERATION:  # stacked upwards
            c = w["quads"].get(q, 0)
            if c:
                y -= c * scale
                chart.bars.append(Bar(x, y, width, c * scale, q, c, w["week"], href_of(w, q)))
        y = chart.baseline
        for q in CONFLICT:  # stacked downwards
            c = w["quads"].get(q, 0)
            if c:
                chart.bars.append(Bar(x, y, width, c * scale, q, c, w["week"], href_of(w, q)))
                y += c * scale
    chart.yticks = [Tick(TOP, str(up)), Tick(chart.baseline, "0"), Tick(HEIGHT - BOTTOM, str(down))]
    chart.xticks = [Tick(_x(i, n), w["week"]) for i, w in enumerate(weeks) if i % _every(n) == 0]
    chart.gaps = _gaps([w["week"] for w in weeks])
    return chart
