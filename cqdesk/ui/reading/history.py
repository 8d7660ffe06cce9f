"""Back and forward through the sections visited, like a browser."""

from __future__ import annotations


class History:
    def __init__(self, limit: int = 200) -> None:
        self._back: list[str] = []
        self._forward: list[str] = []
        self.current: str | None = None
        self.limit = limit

    def visit(self, sid: str) -> None:
        if sid == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[: -self.limit]
        self._forward.clear()
        self.current = sid

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> str | None:
        return self._step(self._back, self._forward)

    def forward(self) -> str | None:
        return self._step(self._forward, self._back)

    def _step(self, source: list[str], other: list[str]) -> str | None:
        """Move one place from ``source``, leaving the current one on ``other``."""
        if not source or self.current is None:
            return None
        other.append(self.current)
        self.current = source.pop()
        return self.current
