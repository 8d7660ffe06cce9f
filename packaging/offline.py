"""Runtime hook of the frozen app: urllib.request, which never goes in the bundle, stands here as a module that
refuses to go online.

The app never touches the network, so the bundle leaves out urllib.request and the email and http packages it
imports (0.65 MB). xml.sax.saxutils imports it all the same (odfpy's manifest reader imports saxutils, for the
OpenDocument export), and would call urlopen only for a parser's external entity, which nothing here parses.
"""

import sys
import types


def _offline(*args: object, **kwargs: object) -> None:
    raise OSError("cqdesk works offline and opens no URL")


_request = types.ModuleType("urllib.request", __doc__)
_request.urlopen = _offline  # type: ignore[attr-defined]
sys.modules.setdefault("urllib.request", _request)
