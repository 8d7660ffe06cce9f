"""The one entry point: ``cqdesk`` opens the window; subcommands do headless work.

Errors go to stderr as one line with a non-zero exit; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .report.compare import comparable, page_id
from .report.paths import default_db_path, default_source_path
from .report.store import Report, ReportError

if TYPE_CHECKING:
    from .notes.store import NotesStore
    from .report.library import Library
    from .report.render import PageMark
    from .report.years.pairing import Pair

EXIT_USAGE = 2
EXIT_ERROR = 1
MAX_LIMIT = 1_000_000  # results: far past any report's sections, inside SQLite's integers


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


class UsageError(CliError):
    """The command line asks for something that makes no sense: exit status 2, like argparse's own errors."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one clear line, no usage dump
        self.exit(EXIT_USAGE, f"cqdesk: {message} (see 'cqdesk --help')\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    if value > MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_LIMIT:,}: {text[:30]!r}")
    return value


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with ``commands=False`` only the window's options (see ``parse``)."""
    p = _Parser(prog="cqdesk", description="Offline reader for the 2025 Chongqing government work report.")
    p.add_argument("--version", action="version", version=f"cqdesk {__version__}")
    p.add_argument("--db", type=Path, help="the report database (default: the bundled data/report.db)")
    p.add_argument("--section", metavar="ID", help="open the window at this section, e.g. plan/areas/2/1")
    p.add_argument(
        "-platform",
        "--platform",
        dest="qt_platform",
        metavar="NAME",
        help="Qt platform plugin (offscreen, windows, xcb, cocoa); like Qt's own -platform",
    )
    p.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where your notes are kept (default: the platform's application-data folder, or $CQDESK_DATA_DIR)",
    )
    if not commands:
        p.set_defaults(command=None)
        return p
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        return sub.add_parser(
            name,
            help=help,
            description=help[0].upper() + help[1:] + ".",
            epilog=f"example:\n  {example}\n",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    json_help = "print JSON (UTF-8, one object per section) instead of text"

    s = command("sections", "list the sections in document order", "cqdesk sections --json")
    s.add_argument("--json", action="store_true", help=json_help)
    _choose_report(s)

    s = command("show", "print a section's text (its subsections included)", "cqdesk show plan/areas/2/1")
    s.add_argument("id", help="a section id such as review/tasks/1 or plan/areas/2/1 (see 'cqdesk sections')")
    _choose_report(s)

    s = command("search", "search the report", "cqdesk search '乡村 振兴' --limit 5")
    s.add_argument("query", help="words to find; every space-separated word must occur (traditional characters too)")
    s.add_argument("--json", action="store_true", help=json_help)
    s.add_argument("--limit", type=_positive_int, default=20, metavar="N", help="at most N sections (default 20)")
    _choose_report(s)
    s.add_argument("--all", action="store_true", help="search every report in the library, each hit naming its report")

    s = command("export-text", "print the report's text back from the database", "cqdesk export-text -o report.txt")
    s.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    _choose_report(s)

    s = command(
        "export-pdf",
        "export sections (default: the whole report) to PDF",
        "cqdesk export-pdf -o 节选.pdf --section review/tasks/1 --section plan/areas/2",
    )
    s.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the PDF to write")
    _choose_sections(s, "pdf_sections")
    _choose_report(s)
    s.add_argument("--paper", choices=["A4", "Letter"], default="A4", help="paper size (default A4)")
    s.add_argument("--landscape", action="store_true", help="landscape pages")
    s.add_argument(
        "--with-notes",
        action="store_true",
        help="include your highlights (a light background) and notes (numbered, after each section)",
    )
    s.add_argument("--large-print", action="store_true", help="large print: text 1.5 times the size, wider lines")
    _choose_comparison(s)
    s.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default="zh_CN",
        help="language of the page numbers and the cover (default: the report's, zh_CN)",
    )

    s = command(
        "export",
        "export sections (default: the whole report) to Word, OpenDocument, Markdown, HTML or text",
        "cqdesk export -o 节选.docx --section review/tasks/1 --section plan/areas/2",
    )
    s.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the file to write")
    s.add_argument(
        "--format",
        choices=["docx", "odt", "md", "html", "txt"],
        help="the format (default: from the file's extension)",
    )
    _choose_sections(s, "export_sections")
    _choose_report(s)
    s.add_argument(
        "--with-notes",
        action="store_true",
        help="include your highlights and notes (highlights marked in HTML; numbered notes in all)",
    )
    _choose_comparison(s, " (two columns in HTML; its section in the other formats)")

    command(
        "self-test",
        "check that this installation works (database, search, PDF, Word and OpenDocument, Qt plugins)",
        "cqdesk self-test",
    )

    s = command(
        "screenshot", "render the main window offscreen to a PNG", "cqdesk screenshot -o shot.png --search 数字重庆"
    )
    s.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the PNG to write")
    s.add_argument("--section", dest="shot_section", metavar="ID", help="the section to show")
    s.add_argument("--search", metavar="QUERY", help="type QUERY into the search box first")
    s.add_argument("--size", default="1200x800", metavar="WxH", help="window size in pixels (default 1200x800)")
    s.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="interface language (default zh_CN)")
    s.add_argument("--dark", action="store_true", help="the dark theme (the same as --theme dark)")
    s.add_argument("--theme", choices=["light", "dark", "contrast"], default=None, help="colours (default light)")
    s.add_argument("--large-print", action="store_true", help="large print: bigger text everywhere")
    s.add_argument("--split", nargs=2, metavar="ID", help="the split view: one section on the left, one on the right")
    _choose_report(s)

    _add_notes_commands(command("notes", "your bookmarks, highlights and notes", "cqdesk notes export --format md"))

    s = command(
        "import",
        "import government work reports into your library (text, Word, a saved web page or PDF)",
        "cqdesk import 2026年政府工作报告.html --dry-run",
    )
    s.add_argument("files", nargs="+", type=Path, metavar="FILE", help="the report files to import")
    s.add_argument("--dry-run", action="store_true", help="say what was found, store nothing")
    s.add_argument("--json", action="store_true", help="print a JSON list, one object per file")
    s.add_argument("--force", action="store_true", help="import a text that does not look like a report, as paragraphs")

    s = command("library", "list the reports in your library, or remove one", "cqdesk library --json")
    s.add_argument("--json", action="store_true", help="print JSON")
    lib = s.add_subparsers(dest="library_command", metavar="ACTION", parser_class=_Parser)
    r = lib.add_parser("remove", help="take an imported report out of the library (your notes are kept)")
    r.add_argument("id", help="the report's id (see 'cqdesk library')")
    r = lib.add_parser("rename", help="give an imported report a display name")
    r.add_argument("id", help="the report's id (see 'cqdesk library')")
    r.add_argument("name", help="the name to show (empty: its title again)")

    s = command(
        "cite",
        "a section's reference for your bibliography (GB/T 7714, RIS, BibTeX or CSL-JSON)",
        "cqdesk cite plan/areas/2/1 --style ris",
    )
    s.add_argument("id", nargs="?", default="report", help="a section id (see 'cqdesk sections'; default: the report)")
    s.add_argument(
        "--style",
        choices=("gb7714", "ris", "bibtex", "csl-json"),
        default="gb7714",
        help="GB/T 7714-2015 (default), RIS (EndNote, NoteExpress, Zotero), BibTeX, CSL-JSON",
    )
    _choose_report(s)

    s = command(
        "ledger",
        "the targets of one year's report beside the outcomes the next year's report states",
        "cqdesk ledger bundled 2026-0123456789 --json",
    )
    s.add_argument("plan", metavar="PLAN_ID", help="the report that set the targets (see 'cqdesk library')")
    s.add_argument("outcome", metavar="OUTCOME_ID", help="the next year's report, whose review states the outcomes")
    s.add_argument("--json", action="store_true", help="print JSON, one object per target")
    s.add_argument("--csv", type=Path, metavar="FILE", help="write the ledger as CSV (UTF-8 with BOM; - for stdout)")
    s.add_argument("--docx", type=Path, metavar="FILE", help="write the ledger as a Word document")

    s = command(
        "wording",
        "the terms only the newer of two reports uses, only the older used, and both",
        "cqdesk wording bundled 2026-0123456789 --json",
    )
    s.add_argument("old", metavar="OLD_ID", help="one report (see 'cqdesk library')")
    s.add_argument("new", metavar="NEW_ID", help="another; the older of the two is taken as the old one")
    s.add_argument("--json", action="store_true", help="print JSON: new, dropped and kept, each a list of terms")
    s.add_argument("--limit", type=_positive_int, default=30, help="terms to print per list (text output)")

    s = command("trend", "how often every report of your library uses a term", "cqdesk trend 低空经济 --json")
    s.add_argument("term", help="the term to count (counted as search finds it)")
    s.add_argument("--json", action="store_true", help="print JSON, one object per report")

    s = command("build-db", "build the database from the source text", "cqdesk build-db -o /tmp/report.db")
    s.add_argument("--source", type=Path, default=None, metavar="FILE", help="the report's text (default: bundled)")
    s.add_argument("-o", "--output", type=Path, default=None, metavar="FILE", help="where to write the database")
    return p


def _choose_report(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--report", metavar="ID", help="a report of your library (see 'cqdesk library'; default: the bundled one)"
    )


def _choose_sections(p: argparse.ArgumentParser, dest: str) -> None:
    """--section ID, repeatable: what an export holds (the whole report when none is given)."""
    p.add_argument(
        "--section",
        dest=dest,
        metavar="ID",
        action="append",
        default=[],
        help="a section to include (repeat for more; default: the whole report)",
    )


def _add_notes_commands(p: argparse.ArgumentParser) -> None:
    from .notes.model import COLORS

    ns = p.add_subparsers(dest="notes_command", metavar="ACTION", parser_class=_Parser, required=True)
    a = ns.add_parser("add", help="bookmark a section, or highlight a passage of it, with an optional note")
    a.add_argument("id", help="the section, e.g. plan/areas/2/1 (see 'cqdesk sections')")
    a.add_argument("--quote", metavar="TEXT", help="a passage of the section's text to highlight")
    a.add_argument("--note", metavar="TEXT", default="", help="your note")
    a.add_argument("--color", choices=COLORS, help="the highlight's colour (default yellow)")
    _choose_report(a)
    x = ns.add_parser("list", help="list them in document order")
    x.add_argument("--json", action="store_true", help="print the JSON exchange format")
    _choose_report(x)
    e = ns.add_parser("export", help="write them as JSON (complete, for import), Markdown or CSV (UTF-8 with BOM)")
    _choose_report(e)
    e.add_argument("--format", choices=["json", "md", "csv"], default="json", help="default json")
    e.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    e.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN", help="language of the Markdown's labels")
    i = ns.add_parser("import", help="merge a JSON export: new ones added, newer ones replace older")
    i.add_argument("file", type=Path, help="a file written by 'cqdesk notes export'")
    i.add_argument("--dry-run", action="store_true", help="say what would change, change nothing")


def _open(args: argparse.Namespace) -> Report:
    rid = getattr(args, "report", None)
    if rid is None:
        return Report(args.db or default_db_path())
    from .report.library import LibraryError

    try:
        return _library(args).open(rid)
    except LibraryError as exc:
        raise CliError(str(exc)) from None


def _report_key(args: argparse.Namespace) -> str:
    """How the notes name the report chosen with --report: by its library id, the bundled one by none."""
    from .report.library import BUNDLED

    rid = getattr(args, "report", None)
    return "" if rid in (None, BUNDLED) else str(rid)


def _library(args: argparse.Namespace) -> Library:
    from .notes.location import default_data_dir
    from .report.library import Library

    return Library(args.data_dir or default_data_dir(), args.db or default_db_path())


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .report.atomic import write_atomic

    write_atomic(output, text.encode("utf-8"))


def _wrote(path: Path, detail: str = "") -> None:
    """Say what was written: on stderr when the file was standard output or another stream (a pipe, a
    device), so the words never mix into the data."""
    from .report.atomic import target_of

    try:
        stream = target_of(path)[1]
    except OSError:
        stream = True
    print(f"wrote {path}" + (f" {detail}" if detail else ""), file=sys.stderr if stream else sys.stdout)


def cmd_sections(args: argparse.Namespace) -> int:
    report = _open(args)
    rows = [{"id": s.id, "parent": s.parent, "title": s.heading, "depth": s.depth} for s in report.sections_in_order()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            print(f"{r['id']:<22} {'  ' * int(r['depth'] or 0)}{r['title']}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    report = _open(args)
    if args.id not in report.document.sections:
        raise CliError(f"no section {args.id!r} (see 'cqdesk sections')")
    sys.stdout.write(report.section_text(args.id))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from .report.normalize import MAX_TERMS, query_terms, too_many_terms

    if not query_terms(args.query):
        raise UsageError("search needs something to look for, e.g. cqdesk search 乡村振兴")
    if too_many_terms(args.query):
        print(f"cqdesk: only the first {MAX_TERMS} words are searched", file=sys.stderr)
    if args.all:
        return _search_all(args)
    hits = _open(args).search(args.query, limit=args.limit)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=1))
    else:
        if not hits:
            print("no matches", file=sys.stderr)
            return 1
        for h in hits:
            print(f"{h.id}  {' › '.join(h.path)}  ({h.hits})\n    {h.marked_snippet()}")
    return 0


def _search_all(args: argparse.Namespace) -> int:
    """Every report of the library searched as one: the best hits across them, each naming its report."""
    from .report.search import SearchIndex, search_library

    entries = _library(args).entries()
    indexes: list[tuple[str, SearchIndex]] = []
    try:
        for entry in entries:
            indexes.append((entry.id, SearchIndex.open(entry.path)))
        names = {e.id: e.shown_name for e in entries}
        found: list[dict[str, object]] = []
        for rid, h in search_library(indexes, args.query, args.limit):
            found.append({"report": rid, "report_title": names[rid], **h.as_json()})
            if not args.json:
                print(f"{names[rid]}  {h.id}  {' › '.join(h.path)}  ({h.hits})\n    {h.marked_snippet()}")
    finally:
        for _, index in indexes:
            index.close()
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    elif not found:
        print("no matches", file=sys.stderr)
        return 1
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Each file on its own: one that cannot be imported says why in one line and the others go on."""
    from .report.importing import ImportFailed
    from .report.library import LibraryError, NotLikeAReport

    library = _library(args)
    results: list[dict[str, object]] = []
    failed = 0
    for path in args.files:
        try:
            plan = library.plan(path, force=args.force)
            if not args.dry_run and not plan.duplicate_of:
                library.store(plan)
        except (ImportFailed, LibraryError) as exc:
            failed += 1
            hint = "; import it anyway as plain paragraphs with --force" if isinstance(exc, NotLikeAReport) else ""
            print(f"cqdesk: {path}: not imported: {exc}{hint}", file=sys.stderr)
            results.append({"file": str(path), "error": str(exc)})
            continue
        info = plan.as_json()
        results.append(info)
        if not args.json:
            verb = (
                "already in the library as" if plan.duplicate_of else ("would import" if args.dry_run else "imported")
            )
            encoding = f", {info['encoding']}" if info["encoding"] else ""
            print(f"{verb} {info['id']}: {info['title']} ({info['region'] or 'region unknown'}, "
                  f"{info['year'] or 'year unknown'}; {info['format']}{encoding}; {info['sections']} sections, "
                  f"{info['paragraphs']} paragraphs, {info['characters']:,} characters)")  # fmt: skip
            for w in plan.warnings:
                print(f"    warning: {w}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return EXIT_ERROR if failed else 0


def cmd_library(args: argparse.Namespace) -> int:
    from .report.library import LibraryError

    library = _library(args)
    try:
        if args.library_command == "remove":
            entry = library.entry(args.id)
            library.remove(args.id)
            print(f"removed {entry.id}: {entry.shown_name} (your notes on it are kept)")
            return 0
        if args.library_command == "rename":
            library.rename(args.id, args.name)
            print(f"{args.id}: {library.entry(args.id).shown_name}")
            return 0
    except LibraryError as exc:
        raise CliError(str(exc)) from None
    entries = library.entries()
    if args.json:
        print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        print(f"{e.id:<18} {e.year or '':<5} {e.region:<8} {e.shown_name}" + ("  (bundled)" if e.bundled else ""))
    return 0


def cmd_cite(args: argparse.Namespace) -> int:
    from .report.citation import cite_as, source

    report = _open(args)
    if args.id not in report.document.sections:
        raise CliError(f"no section {args.id!r} in the report (see 'cqdesk sections')")
    rid = _report_key(args)
    region = _library(args).entry(rid).region if rid else ""
    key = f"workreport{report.document.date[:4]}-{rid}-{args.id}" if rid else ""
    sys.stdout.write(cite_as(source(report.document, args.id, region, key.replace("/", "-")), args.style))
    if args.style == "gb7714":
        sys.stdout.write("\n")
    return 0


def _pair(args: argparse.Namespace, first: str, second: str, same_region: bool = True) -> Pair:
    from .report.years.ledger import LedgerError
    from .report.years.pairing import open_pair

    try:
        return open_pair(_library(args), first, second, same_region)
    except LedgerError as exc:
        raise CliError(str(exc)) from None


def cmd_ledger(args: argparse.Namespace) -> int:
    from .report.docx_export import items_docx
    from .report.years.export import LABELS, ledger_csv, ledger_items, ledger_title, status_text
    from .report.years.ledger import LedgerError

    pair = _pair(args, args.plan, args.outcome)
    try:
        ledger = pair.ledger()
    except LedgerError as exc:
        raise CliError(str(exc)) from None
    finally:
        pair.close()
    labels = LABELS["zh_CN"]
    if args.csv:
        _write_bytes(ledger_csv(ledger, labels), args.csv)
    if args.docx:
        _write_bytes(items_docx(ledger_title(ledger, labels), ledger_items(ledger, labels)), args.docx)
    if args.json:
        print(json.dumps([r.as_json() for r in ledger.rows], ensure_ascii=False, indent=1))
    elif not (args.csv or args.docx):
        en = LABELS["en"]
        print(f"{pair.old.shown_name}: its {ledger.plan_year} targets; the outcomes as {pair.new.shown_name} "
              "states them")  # fmt: skip
        for r in ledger.rows:
            outcome = r.outcome.figure + "".join(f" ({a})" for a in r.outcome.amounts) if r.outcome else "—"
            print(f"  {status_text(r, ledger, en):<28} {r.target.text}  →  {outcome}")
        for rule in en.rules:
            print(f"  · {rule}")
    return 0


def cmd_wording(args: argparse.Namespace) -> int:
    pair = _pair(args, args.old, args.new, same_region=False)
    try:
        wording = pair.wording()
    finally:
        pair.close()
    if args.json:
        print(json.dumps(wording.as_json(), ensure_ascii=False, indent=1))
        return 0
    old, new = pair.old.year, pair.new.year
    for title, terms, which in (
        (f"new in {new}", wording.new, "new"),
        (f"dropped since {old}", wording.dropped, "old"),
        (f"in both ({old} → {new})", wording.kept, "both"),
    ):
        print(f"{title}: {len(terms)}")
        for t in terms[: args.limit]:
            count = {"new": f"{t.new}", "old": f"{t.old}"}.get(which, f"{t.old} → {t.new}")
            print(f"  {t.term}  {count}")
    return 0


def cmd_trend(args: argparse.Namespace) -> int:
    from .report.store import read_text
    from .report.years.trend import Texts, trend

    entries = {e.id: e for e in _library(args).entries()}
    try:
        points = trend(args.term, [(e.id, e.region, e.year, e.shown_name) for e in entries.values()],
                       Texts(lambda rid: read_text(entries[rid].path)))  # fmt: skip
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps([p.as_json() for p in points], ensure_ascii=False, indent=1))
        return 0
    for p in points:
        print(f"{p.region:<8} {p.year or '':<5} {p.count:>5}  {p.title}  ({p.id})")
    return 0


def _write_bytes(data: bytes, output: Path) -> None:
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        return
    from .report.atomic import write_atomic

    write_atomic(output, data)
    _wrote(output)


def cmd_export_text(args: argparse.Namespace) -> int:
    _write_text(_open(args).export_text(), args.output)
    return 0


def cmd_build_db(args: argparse.Namespace) -> int:
    from .report.build import build_database
    from .report.parse import ParseError, parse_file

    source = args.source or default_source_path()
    out = args.output or default_db_path()
    try:
        doc = parse_file(source)
    except FileNotFoundError:
        raise CliError(f"{source}: the source text was not found") from None
    except ParseError as exc:
        raise CliError(f"{source}: {exc}") from None
    try:
        sections = build_database(doc, out)
    except RuntimeError as exc:
        raise CliError(str(exc)) from None
    _wrote(out, f"({sections} sections, {len(doc.blocks)} lines, {len(doc.indicators)} indicators)")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    report = _open(args)
    chosen = _chosen_pages(args, report, args.pdf_sections)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .ui.printing.layout import PRINT_TEXTS
    from .ui.printing.pdf import ExportError, export_pdf
    from .ui.tools.headless import gui_app

    marks = _notes_marks(args, report) if args.with_notes else None
    with gui_app(args.lang):
        try:
            result = export_pdf(
                report.document,
                chosen,
                args.output,
                args.paper,
                "landscape" if args.landscape else "portrait",
                PRINT_TEXTS[args.lang],
                marks,
                args.large_print,
                report.related if args.compare else (),
            )
        except ExportError as exc:
            raise CliError(str(exc)) from None
    _wrote(result.path, f"({result.pages} pages, {result.size:,} bytes)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    report = _open(args)
    doc = report.document
    chosen = _chosen_pages(args, report, args.export_sections)
    from .ui.exporting.documents import ExportError, export_document, format_of

    try:
        fmt = format_of(args.output, args.format)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    marks = _notes_marks(args, report) if args.with_notes else None
    try:  # no format needs Qt: a server with no window system exports too
        links = report.related if args.compare else ()
        done = export_document(doc, chosen, args.output, fmt, marks, links)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    _wrote(done.path, f"({done.format}, {done.size:,} bytes)")
    return 0


def _choose_comparison(p: argparse.ArgumentParser, more: str = "") -> None:
    p.add_argument(
        "--compare",
        metavar="ID",
        help="a 2024 task beside the 2025 items that carry it on (or a 2025 item beside its 2024 task), "
        f"their shared terms marked{more}, e.g. review/tasks/7",
    )


def _chosen_pages(args: argparse.Namespace, report: Report, sections: list[str]) -> list[str]:
    """The --section ids, or the one --compare page; each checked, with a clear message."""
    asked = sections + ([args.compare] if args.compare else [])
    unknown = [s for s in asked if s not in report.document.sections]
    if unknown:
        raise CliError(f"no section {unknown[0]!r} (see 'cqdesk sections')")
    if not args.compare:
        return sections or [report.document.root.id]
    if sections:
        raise UsageError("--compare takes one comparison; leave out --section")
    if not comparable(report.document, args.compare):
        raise UsageError(f"{args.compare!r} is not a 2024 task or a 2025 area or item, so it has no other year")
    return [page_id(args.compare)]


def _notes_marks(args: argparse.Namespace, report: Report) -> dict[str, list[PageMark]]:
    from .notes.anchor import page_marks

    store = _notes_store(args)
    try:
        return page_marks(report.document, store.all(_report_key(args)))
    finally:
        store.close()


def cmd_self_test(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .ui.tools.selftest import run_self_test

    return 0 if run_self_test(args.db) else 1


def cmd_screenshot(args: argparse.Namespace) -> int:
    from .ui.tools.screenshot import parse_size, take_screenshot

    try:
        size = parse_size(args.size)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    report = _open(args)  # checks the database before Qt starts
    section = args.shot_section
    if section is not None and section not in report.document.sections:
        raise CliError(f"no section {section!r} (see 'cqdesk sections')")
    report.close()
    theme = args.theme or ("dark" if args.dark else "light")
    split = tuple(args.split) if args.split else None
    missing = [s for s in (split or ()) if s not in report.document.sections]
    if missing:
        raise CliError(f"no section {missing[0]!r} (see 'cqdesk sections')")
    take_screenshot(report.path, args.output, section, args.search, size, args.lang, theme, args.large_print, split,
                    _report_key(args))  # fmt: skip
    _wrote(args.output)
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    from .notes.store import NotesError

    report = _open(args)
    store = _notes_store(args)
    try:
        return _NOTES_ACTIONS[args.notes_command](args, report, store)
    except NotesError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()


def _notes_store(args: argparse.Namespace) -> NotesStore:
    """The reader's notes, or a CliError when they cannot be read at all: a locked or unreadable file must
    never pass for an empty one (an export of it would replace a good file with nothing)."""
    from .notes.location import default_data_dir
    from .notes.store import NotesStore

    store = NotesStore(args.data_dir or default_data_dir())
    if store.unreadable:
        store.close()
        raise CliError(f"your notes cannot be read: {store.unreadable}; nothing was changed")
    if store.recovered:
        print(f"cqdesk: {store.recovered}", file=sys.stderr)
    elif store.read_only_reason and args.command == "notes" and args.notes_command == "list":
        print(f"cqdesk: your notes can be read but not changed: {store.read_only_reason}", file=sys.stderr)
    return store


def _notes_add(args: argparse.Namespace, report: Report, store: NotesStore) -> int:
    from .notes.anchor import locate, quote_at
    from .notes.model import Annotation

    doc, digest, key = report.document, report.metadata.source_sha256, _report_key(args)
    if args.id not in doc.sections:
        raise CliError(f"no section {args.id!r} (see 'cqdesk sections')")
    if args.quote:
        text = doc.sections[args.id].own_text
        span = locate(text, args.quote)
        if span is None:
            raise CliError(f"{args.id}: the section's text does not hold {args.quote!r}")
        exact, prefix, suffix = quote_at(text, *span)
        made = Annotation.new(
            "highlight", args.id, digest, key, start=span[0], end=span[1], exact=exact, prefix=prefix, suffix=suffix,
            color=args.color or "yellow", note=args.note,
        )  # fmt: skip
    elif args.color:
        raise UsageError("--color colours a highlight: give the passage with --quote")
    elif args.note:
        made = Annotation.new("note", args.id, digest, key, note=args.note)
    else:
        existing = store.bookmark(args.id, key)
        if existing is not None:
            print(existing.id)
            return 0
        made = Annotation.new("bookmark", args.id, digest, key)
    store.put(made)
    print(made.id)
    return 0


def _notes_list(args: argparse.Namespace, report: Report, store: NotesStore) -> int:
    from .notes.anchor import place
    from .notes.exchange import citation, in_document_order, to_json

    doc, items = report.document, store.all(_report_key(args))
    if args.json:
        sys.stdout.write(to_json(doc, report.metadata.source_sha256, items))
        return 0
    for a in in_document_order(doc, items):
        where = "" if place(doc, a) is not None else "  (not found in this text)"
        print(f"{a.id}  {a.kind:<9} {a.section_id:<16} {citation(doc, a.section_id)}{where}")
        if a.exact:
            print(f"    「{a.exact}」" + (f" ({a.color})" if a.color else ""))
        for line in a.note.splitlines():
            print(f"    {line}")
    return 0


def _notes_export(args: argparse.Namespace, report: Report, store: NotesStore) -> int:
    from .notes.exchange import MARKDOWN_LABELS, to_csv, to_json, to_markdown
    from .report.atomic import write_atomic

    doc, items = report.document, store.all(_report_key(args))
    if args.format == "csv":
        data = to_csv(doc, items)
    elif args.format == "md":
        data = to_markdown(doc, items, MARKDOWN_LABELS[args.lang]).encode("utf-8")
    else:
        data = to_json(doc, report.metadata.source_sha256, items).encode("utf-8")
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        write_atomic(args.output, data)
        print(f"wrote {args.output} ({len(items)} notes, {len(data):,} bytes)", file=sys.stderr)
    return 0


def _notes_import(args: argparse.Namespace, report: Report, store: NotesStore) -> int:
    from .notes.exchange import ImportRefused, from_json, merge_plan

    try:
        text = args.file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CliError(f"{args.file}: cannot import: it is not a UTF-8 text file; nothing was changed") from None
    try:
        plan = merge_plan(store.all(None), from_json(text))
    except ImportRefused as exc:
        raise CliError(f"{args.file}: cannot import: {exc}; nothing was changed") from None
    if args.dry_run:
        print(f"would import: {plan.summary()}; nothing was changed")
        return 0
    store.put_many(plan.added + plan.changed)
    print(f"imported: {plan.summary()}")
    if bad := store.mismatches():  # a flipped byte on disk: said here, where the notes are being looked at
        print(f"cqdesk: {len(bad)} saved notes no longer match their checksums (damaged on disk): "
              f"{', '.join(bad[:5])}", file=sys.stderr)  # fmt: skip
    return 0


_NOTES_ACTIONS = {"add": _notes_add, "list": _notes_list, "export": _notes_export, "import": _notes_import}


def describe_os_error(exc: OSError) -> str:
    """'path: reason' when the error names a file, else the error's own words (never an empty ': :')."""
    reason = exc.strerror or str(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason


COMMANDS = {
    "sections": cmd_sections,
    "show": cmd_show,
    "search": cmd_search,
    "export-text": cmd_export_text,
    "build-db": cmd_build_db,
    "screenshot": cmd_screenshot,
    "export-pdf": cmd_export_pdf,
    "export": cmd_export,
    "self-test": cmd_self_test,
    "notes": cmd_notes,
    "import": cmd_import,
    "library": cmd_library,
    "cite": cmd_cite,
    "ledger": cmd_ledger,
    "wording": cmd_wording,
    "trend": cmd_trend,
}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Opening the window (no command named) needs only the top-level options; building the sub-commands'
    parsers first is 10 ms of every start. Anything else goes to the whole parser, help and errors too."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not any(a in COMMANDS or a.startswith(("-h", "--h")) for a in argv):
        args, rest = build_parser(commands=False).parse_known_args(argv)
        if not rest:
            return args
    return build_parser().parse_args(argv)


def _gui(args: argparse.Namespace) -> int:
    # Start-up makes some 50,000 objects that live as long as the app (modules, Qt's enum types, the report)
    # and almost no garbage: the collector's passes over them were 15 ms of it. The window turns collection
    # back on once it is painted, with those objects frozen out of later passes.
    import gc

    gc.disable()
    try:
        from .ui.qt import skip_feature_import_hook  # the first import of PySide6, which installs the hook

        skip_feature_import_hook()  # before the window's modules load
        from .ui.app import run_gui

        return run_gui(args)
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.qt_platform:  # set in the process: Wine, for one, drops QT_* variables from the environment
        os.environ["QT_QPA_PLATFORM"] = args.qt_platform
    try:
        if args.command is None:
            return _gui(args)
        return COMMANDS[args.command](args)
    except (ReportError, CliError) as exc:
        print(f"cqdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR
    except BrokenPipeError:
        # The reader closed the pipe (cqdesk show … | head): end quietly. Point stdout at devnull so the
        # interpreter's final flush does not complain about the same closed pipe.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"cqdesk: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
