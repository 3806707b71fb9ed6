"""A one-line progress bar for long management commands: done/total, rate and time left."""

import sys
import time
from typing import TextIO


class Progress:
    """Redraws `label [#####.....] 41% 410,000/1,000,000 2,310/s 남은 시간 4:15` at most twice a second."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self.total = 0
        self.count = 0
        self.started = self.drawn = 0.0

    def start(self, total: int) -> None:
        self.total = max(total, 0)
        self.started = time.monotonic()
        self.update(0, force=True)

    def update(self, done: int, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.drawn < 0.5 and done < self.total:
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        share = done / self.total if self.total else 1.0
        left = (self.total - done) / rate if rate and self.total else 0
        filled = int(self.width * min(share, 1.0))
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(
            f"\r{self.label} [{bar}] {share:4.0%} {done:,}/{self.total:,} {rate:,.0f}/s "
            f"경과 {_clock(elapsed)} 남은 시간 {_clock(left)} "
        )
        self.stream.flush()

    def add(self, n: int) -> None:
        """Count `n` more done and redraw (for callers that count as they go)."""
        self.count += n
        self.update(self.count)

    def note(self, text: str) -> None:
        self.stream.write(f"\n{self.label}: {text}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write(f"\n{self.label}: {_clock(time.monotonic() - self.started)} 걸림\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
