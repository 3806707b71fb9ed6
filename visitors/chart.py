"""A bar chart of daily visits drawn on the server as SVG: no script, readable without CSS."""

from dataclasses import dataclass

WIDTH = 720
HEIGHT = 260
PLOT_TOP = 16
PLOT_BOTTOM = 224  # baseline; day labels sit below it
PLOT_LEFT = 48
PLOT_RIGHT = 700


@dataclass(frozen=True)
class Bar:
    day: object
    visits: int
    x: float
    y: float
    width: float
    height: float
    label: str  # "" for days without a label under the axis

    @property
    def center(self):
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class Tick:
    value: int
    y: float


def _nice_ceiling(value):
    """The smallest 1/2/5 × 10^n at or above value, so grid lines fall on round numbers."""
    if value <= 0:
        return 10
    magnitude = 1
    while magnitude * 10 <= value:
        magnitude *= 10
    for step in (1, 2, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover - the loop always returns


def bar_chart(series):
    """Geometry for `series` [(day, visits)]: bars, grid ticks and the size of the drawing."""
    top = _nice_ceiling(max((visits for _, visits in series), default=0))
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (PLOT_RIGHT - PLOT_LEFT) / max(len(series), 1)
    bars = []
    for index, (day, visits) in enumerate(series):
        height = plot_height * visits / top
        label = f"{day.month}/{day.day}" if index % 5 == 0 or index == len(series) - 1 else ""
        bars.append(
            Bar(
                day=day,
                visits=visits,
                x=round(PLOT_LEFT + index * slot + slot * 0.15, 1),
                y=round(PLOT_BOTTOM - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                label=label,
            )
        )
    ticks = [Tick(value=top * step // 4, y=round(PLOT_BOTTOM - plot_height * step / 4, 1)) for step in range(5)]
    return {
        "bars": bars,
        "ticks": ticks,
        "width": WIDTH,
        "height": HEIGHT,
        "left": PLOT_LEFT,
        "right": PLOT_RIGHT,
        "baseline": PLOT_BOTTOM,
        "label_y": PLOT_BOTTOM + 18,
    }
