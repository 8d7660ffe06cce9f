"""Run by the system's Python (Debian's python3-pyatspi): find cqdesk through AT-SPI, as Orca would, type
into its search box and read the result count back. Prints one JSON line; exits 1 when a step fails.

    python3 probe.py QUERY
"""

import json
import re
import sys
import time

import pyatspi

STATUS = re.compile(r"\d+ sections?, \d+ hits?")


def walk(node, depth=0):
    yield node
    if depth > 40:
        return
    for child in node:
        if child is not None:
            yield from walk(child, depth + 1)


def wait_for(find, seconds=20.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.2)
    return None


def page_text(nodes):
    """The reading page's role, name and the start of its text, as a screen reader gets them."""
    for n in nodes:
        try:
            text = n.queryText()
        except NotImplementedError:
            continue
        if text.characterCount > 200:
            return {"role": n.getRoleName(), "name": n.name, "text": text.getText(0, 200)}
    return None


def main():
    query = sys.argv[1]
    out = {}
    app = wait_for(
        lambda: next((a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "cqdesk"), None)
    )
    if app is None:
        print(json.dumps({"error": "cqdesk is not on the accessibility bus"}))
        return 1
    nodes = list(walk(app))
    out["nodes"] = len(nodes)
    out["unnamed_focusable"] = [
        n.getRoleName()
        for n in nodes
        if n.getState().contains(pyatspi.STATE_FOCUSABLE)
        and n.getState().contains(pyatspi.STATE_SHOWING)
        and not (n.name or "").strip()
    ]
    out["page"] = page_text(nodes)
    box = next(
        (n for n in nodes if n.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT) and n.name == "Search"), None
    )
    if box is None:
        out["error"] = "no search box named 'Search'"
        out["entries"] = [
            (n.getRoleName(), n.name) for n in nodes if n.getRole() in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)
        ]
        print(json.dumps(out))
        return 1
    box.queryEditableText().setTextContents(query)
    status = wait_for(
        lambda: next(
            (n.name for n in walk(app) if n.getRole() == pyatspi.ROLE_LABEL and STATUS.fullmatch(n.name or "")), None
        )
    )
    out["status"] = status
    print(json.dumps(out, ensure_ascii=False))
    return 0 if status else 1


if __name__ == "__main__":
    sys.exit(main())
