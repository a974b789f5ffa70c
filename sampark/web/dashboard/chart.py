"""Joins per day as an inline SVG bar chart, drawn on the server: no JavaScript, no library, no CDN."""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 320, 140
TOP, BOTTOM, LEFT = 14, 18, 4  # room for the maximum's label above and the dates below


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: date
    value: int


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    maximum: int
    first: date
    last: date
    baseline: float


def bars(days: list[tuple[date, int]]) -> Chart:
    maximum = max((value for _day, value in days), default=0)
    plot = HEIGHT - TOP - BOTTOM
    step = (WIDTH - LEFT) / max(len(days), 1)
    drawn = []
    for index, (day, value) in enumerate(days):
        height = plot * value / maximum if maximum else 0
        if value and height < 1:
            height = 1  # a day with joins is never invisible
        drawn.append(Bar(x=round(LEFT + index * step + 1, 1), y=round(TOP + plot - height, 1),
                         width=round(max(step - 2, 1), 1), height=round(height, 1), day=day, value=value))
    return Chart(WIDTH, HEIGHT, drawn, maximum, days[0][0], days[-1][0], TOP + plot)
