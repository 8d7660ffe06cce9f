"""Settings declared once, with their defaults and checks.

Preferences (language, zoom, paper) and window state (geometry, splitters, last
section) live in two INI files in the platform's config folder. A stored value
of the wrong type, out of range or unreadable is ignored and the default used:
a damaged file never stops the app.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    check: Callable[[Any], Any]  # returns the converted value or raises ValueError/TypeError


def _int_in(lo: int, hi: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, bool):
            raise TypeError("bool is not a level")
        number = int(str(value).strip())
        if not lo <= number <= hi:
            raise ValueError(f"{number} outside {lo}..{hi}")
        return number

    return check


def _one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in choices:
            raise ValueError(f"{value!r} not one of {choices}")
        return value

    return check


def _flag(value: Any) -> bool:
    """A yes/no choice; QSettings gives it back from the INI file as "true" or "false"."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ValueError(f"{value!r} is not true or false")


def _text(max_len: int = 200) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or len(value) > max_len:
            raise ValueError("not a short text")
        return value

    return check


MAX_TABS = 100  # far beyond what anyone keeps open, and what a start can restore in a moment


def _json_within(text: str, depth: int) -> bool:
    """Whether ``text`` nests no deeper than ``depth`` (decided before parsing: JSON nested thousands deep
    exhausts the parser's recursion)."""
    level, in_string, escaped = 0, False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            level += 1
            if level > depth:
                return False
        elif ch in "]}":
            level -= 1
    return True


def _no_number(text: str) -> Any:
    raise ValueError(f"{text} is not a whole number")


def _tabs(value: Any) -> str:
    """The open tabs as JSON, {"sections": [ids], "current": index}: shape, sizes and numbers checked here,
    so that a damaged file gives one tab rather than an error on every start."""
    text = _text(20000)(value)
    if not text:
        return text
    if not _json_within(text, 2):
        raise ValueError("nested too deep")
    data = json.loads(text, parse_float=_no_number, parse_constant=_no_number)  # no 1e999, no Infinity
    if not isinstance(data, dict) or not isinstance(data.get("sections", []), list):
        raise ValueError("not a list of tabs")
    sections, current = data.get("sections", []), data.get("current", 0)
    if len(sections) > MAX_TABS or not all(isinstance(s, str) and len(s) <= 200 for s in sections):
        raise ValueError("not a list of section ids")
    if isinstance(current, bool) or not isinstance(current, int) or not 0 <= current < max(1, len(sections)):
        raise ValueError(f"current tab {current!r} out of range")
    return text


def _bytes(value: Any) -> QByteArray:
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, bytes | bytearray):
        return QByteArray(bytes(value))
    raise TypeError("not bytes")


PREFERENCES = {
    o.key: o
    for o in (
        Option("language", "", _one_of("", "zh_CN", "en")),  # "" follows the system
        Option("zoom", 0, _int_in(-6, 12)),
        Option("theme", "system", _one_of("system", "light", "dark", "contrast")),
        Option("large_print", False, _flag),  # 长辈模式: bigger text everywhere
        Option("speech_rate", 0, _int_in(-5, 5)),  # reading aloud: tenths of the voice's range, times two
        Option("split", False, _flag),  # two reading panes side by side
        Option("paper", "A4", _one_of("A4", "Letter")),
        Option("orientation", "portrait", _one_of("portrait", "landscape")),
        Option("preview_zoom", 0, _int_in(0, 400)),  # per cent; 0 fits the page width
        Option("print_notes", False, _flag),  # the reader's highlights and notes on paper
    )
}

STATE = {
    o.key: o
    for o in (
        Option("geometry", QByteArray(), _bytes),
        Option("splitter", QByteArray(), _bytes),
        Option("last_section", "report", _text()),
        Option("tabs", "", _tabs),  # JSON: the open tabs' sections and the current one
        Option("tabs2", "", _tabs),  # the same for the second pane of a split view
        Option("reading_splitter", QByteArray(), _bytes),
    )
}


def config_dir() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation))


class Store:
    """One INI file of declared options."""

    def __init__(self, path: Path, options: dict[str, Option]) -> None:
        self.path = Path(path)
        self.options = options
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        option = self.options[key]
        try:
            raw = self._qs.value(key, None)
        except Exception as exc:  # a value Qt cannot even decode
            return self._default(key, exc)
        if raw is None:
            return option.default
        try:
            return option.check(raw)
        except (ValueError, TypeError, OverflowError, RecursionError) as exc:
            return self._default(key, exc)

    def _default(self, key: str, why: Exception) -> Any:
        import logging  # only when a stored value is bad

        logging.getLogger("cqdesk.settings").warning(
            "%s: the stored %s is not usable (%s); its default is used", self.path, key, str(why)[:200]
        )
        return self.options[key].default

    def set(self, key: str, value: Any) -> None:
        option = self.options[key]
        self._qs.setValue(key, option.check(value))

    def sync(self) -> None:
        self._qs.sync()


class Settings:
    """Preferences and window state, kept in separate files."""

    def __init__(self, folder: Path | None = None) -> None:
        folder = Path(folder) if folder is not None else config_dir()
        self.preferences = Store(folder / "preferences.ini", PREFERENCES)
        self.state = Store(folder / "state.ini", STATE)

    def sync(self) -> None:
        self.preferences.sync()
        self.state.sync()
