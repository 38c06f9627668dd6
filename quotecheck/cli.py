"""The command line: a thin layer over :mod:`quotecheck.api`.

``quotecheck extract`` lists the quotations in articles; ``quotecheck check`` compares
how different sources quote the same people.  Exit status: 0 clean, 1 findings at or
above ``--fail-on``, 2 a usage error or an input that could not be read (the other
inputs are still processed and reported).
"""
from __future__ import annotations

import argparse
import errno
import functools
import os
import re
import signal
import sys

from . import __version__, api, baseline, config, parallel, report, stories
from .model import Document

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: Exit status after the reader of our output went away (``| head``): 128 + SIGPIPE.
EXIT_BROKEN_PIPE = 141
#: Exit status after Ctrl-C (128 + SIGINT) and after SIGTERM (128 + SIGTERM).
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
#: At most this many unreadable documents are named on stderr; the rest are counted.
MAX_ERROR_LINES = 20

_EXAMPLES = {
    "extract": """\
examples:
  quotecheck extract article.txt                 one line per quotation
  quotecheck extract --format jsonl news/        every *.txt and *.md under news/
  curl -s URL | quotecheck extract -             an article on standard input
  quotecheck extract --format json corpus.jsonl --text-field body --id-field url
  quotecheck extract -q news/ | grep Putin       one source:line:column line per quotation
""",
    "check": """\
examples:
  quotecheck check seeds/*.txt                   findings as text, exit 1 if any
  quotecheck check stories/                      a folder per story: each is compared apart
  quotecheck check --format html -o report.html stories/
  quotecheck check --format github --fail-on error news/      (in GitHub Actions)
  quotecheck check --write-baseline known.json news/  then  --baseline known.json
  quotecheck check -q --show error --select number,negation news/
  quotecheck check --group-by '^[0-9-]+_([^_]+)_(?P<outlet>[^.]+)' flat/   2012-04-23_<story>_<outlet>.txt

exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input
""",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one sentence, no usage dump
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _size(value: str) -> int:
    """``5000000``, ``500k``, ``5M``, ``1GB`` as a number of bytes; 0 means no limit.

    >>> _size("5M"), _size("500kb"), _size("0")
    (5000000, 500000, 0)
    """
    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)b?\s*", value, re.IGNORECASE)
    if not m:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size (like 5000000, 500k or 5M)")
    return int(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of processes")
    return int(value) or (os.cpu_count() or 1)


def _common(p: argparse.ArgumentParser, formats) -> None:
    """Options shared by ``extract`` and ``check`` (inputs, reading, output)."""
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="article files, folders (searched recursively), JSONL corpora (*.jsonl), "
                        "or - for standard input")
    p.add_argument("--format", choices=formats, default="text", help="output format (default: text)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the output to FILE (atomically: a temporary file, then a rename)")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="files to read in folders (repeatable; default: *.txt and *.md)")
    p.add_argument("--text-field", metavar="NAME", help="JSONL: the field with the article text (default: text)")
    p.add_argument("--id-field", metavar="NAME", help="JSONL: the field naming the document (default: id)")
    p.add_argument("--group-field", metavar="NAME",
                   help="JSONL: the field grouping documents about one story (default: group)")
    p.add_argument("--title-field", metavar="NAME", help="JSONL: the field with the article's title (HTML labels)")
    p.add_argument("--outlet-field", metavar="NAME", help="JSONL: the field naming the outlet (HTML labels)")
    p.add_argument("--date-field", metavar="NAME", help="JSONL: the field with the article's date (HTML labels; an ISO date also tells "
                         "the check two occasions apart)")
    p.add_argument("--group-by", metavar="PATTERN",
                   help="group documents by a regular expression over the file name: its first group "
                        "(or the named group 'story') names the story; named groups 'outlet', 'date', "
                        "'title' label the document")
    p.add_argument("--max-bytes", type=_size, metavar="SIZE",
                   help=f"skip documents larger than SIZE, e.g. 500k or 20M; 0 for no limit "
                        f"(default: {api.DEFAULT_MAX_BYTES // 1_000_000}M)")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N",
                   help="extract with N processes (0: one per CPU); the output is the same (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="findings (extract: quotations) only: no summary, no per-document lines")
    p.add_argument("--color", choices=["auto", "always", "never"],
                   help="colour the text output (default: auto, on a terminal unless NO_COLOR is set)")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--config", metavar="FILE",
                   help="read the settings from FILE's [tool.quotecheck] table instead of the nearest pyproject.toml")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.quotecheck] in pyproject.toml")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")


def parser() -> argparse.ArgumentParser:
    """The argument parser (``quotecheck --help``)."""
    p = _Parser(prog="quotecheck", formatter_class=argparse.RawDescriptionHelpFormatter,
                description="Find the quotations in news articles, say who said each one, and check "
                            "that different sources quote the same person consistently.",
                epilog="examples:\n"
                       "  quotecheck extract article.txt\n"
                       "  quotecheck check seeds/*.txt\n"
                       "  quotecheck check --format html -o report.html stories/\n\n"
                       "exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input\n"
                       "run 'quotecheck extract --help' or 'quotecheck check --help' for the options")
    p.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    ex = sub.add_parser("extract", help="list the quotations in articles, with kind and speaker",
                        description="Find every quotation in each article, its kind and who said it.",
                        epilog=_EXAMPLES["extract"], formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(ex, ["text", "json", "jsonl"])
    ck = sub.add_parser("check", help="check that sources quote people consistently",
                        description="Compare how the articles quote the same people and report the "
                                    "differences (numbers, negation, speaker, wording).",
                        epilog=_EXAMPLES["check"], formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(ck, ["text", "json", "jsonl", "github", "sarif", "html"])
    ck.add_argument("--fail-on", choices=["info", "warning", "error", "never"],
                    help="exit 1 when a finding is at least this severe (default: warning)")
    ck.add_argument("--show", choices=["info", "warning", "error"],
                    help="print the findings at least this severe in text, github and sarif; html hides "
                         "the others until asked; json and jsonl have them all (default: warning)")
    ck.add_argument("--select", action="append", metavar="CODES",
                    help="only the findings of these kinds or rules (comma-separated, repeatable)")
    ck.add_argument("--ignore", action="append", metavar="CODES",
                    help="drop the findings of these kinds or rules (comma-separated, repeatable)")
    ck.add_argument("--statistics", action="store_true",
                    help="text: end with the number of findings per severity, kind and rule")
    ck.add_argument("--baseline", metavar="FILE", help="do not report the findings listed in FILE")
    ck.add_argument("--write-baseline", metavar="FILE",
                    help="write the current findings to FILE as a baseline (then exit 0)")
    return p


class _Output:
    """Where the output goes: standard output, or ``-o FILE`` written atomically.

    Always UTF-8, whatever the locale, so the same input gives the same bytes; text
    that cannot be encoded (lone surrogates) is written as backslash escapes.
    """

    def __init__(self, path=None):
        self.path, self.tmp = path, None
        if path:
            with baseline.naming(path, "write"):
                if os.path.isdir(path):
                    raise IsADirectoryError(errno.EISDIR, "it is a folder; give a file name", path)
                if os.path.exists(path) and not os.path.isfile(path):
                    # /dev/null, /dev/stdout, a FIFO: written to, never renamed over
                    self.stream = open(path, "wb")
                    return
                fd, self.tmp = baseline.temporary_beside(path)
                self.stream = os.fdopen(fd, "wb")
        else:
            sys.stdout.flush()
            self.stream = getattr(sys.stdout, "buffer", None)

    def write(self, s: str) -> None:
        if self.stream is None:  # a text-only stdout (tests, IDEs)
            sys.stdout.write(s)
        else:
            self.write_bytes(s.encode("utf-8", "backslashreplace"))

    def write_bytes(self, data: bytes) -> None:
        """Output already encoded as :meth:`write` encodes it (by a worker)."""
        if self.stream is None:
            sys.stdout.write(data.decode("utf-8"))
        elif data:
            with baseline.naming(self.path, "write"):
                self.stream.write(data)

    def flush(self) -> None:
        """Push what was written so far (before a message on stderr, to keep the order)."""
        with baseline.naming(self.path, "write"):
            (self.stream or sys.stdout).flush()

    def commit(self) -> None:
        with baseline.naming(self.path, "write"):
            if self.tmp:
                self.stream.close()
                os.replace(self.tmp, self.path)
                self.tmp = None
            elif self.stream is not None:
                self.stream.flush()
            else:
                sys.stdout.flush()

    def abort(self) -> None:
        if self.tmp:
            try:
                self.stream.close()
            except OSError:  # the disk is full: the close's flush fails too
                pass
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def _settings(args) -> dict:
    """Command-line options over ``[tool.quotecheck]`` (of ``--config FILE`` or the
    nearest ``pyproject.toml``) over the defaults."""
    cfg = {} if args.no_config else config.load(args.config) if args.config else config.load()
    if args.config and not args.no_config and not cfg and os.path.isfile(args.config):
        raise config.ConfigError(f"{args.config} has no [tool.quotecheck] table (--config)")

    def pick(name, key, default):
        value = getattr(args, name, None)
        return value if value is not None else cfg.get(key, default)

    def codes(name):
        value = getattr(args, name, None)
        return [c for v in value for c in v.split(",") if c.strip()] if value else cfg.get(name, [])
    meta = {k: pick(f"{k}_field", f"{k}-field", None) for k in stories.META_NAMES}
    group_by = pick("group_by", "group-by", None)
    return {
        "meta_fields": {k: v for k, v in meta.items() if v},
        "group_by": stories.compile_pattern(group_by) if group_by else None,
        "show": pick("show", "show", "warning"),
        "select": codes("select"),
        "ignore": codes("ignore"),
        "color": _colour(pick("color", "color", "auto"), args),
        "globs": pick("glob", "globs", list(api.DEFAULT_GLOBS)),
        "text_field": pick("text_field", "text-field", "text"),
        "id_field": pick("id_field", "id-field", "id"),
        "group_field": pick("group_field", "group-field", "group"),
        "max_bytes": pick("max_bytes", "max-bytes", api.DEFAULT_MAX_BYTES),
        "jobs": pick("jobs", "jobs", 1),
        "fail_on": pick("fail_on", "fail-on", "warning"),
        "baseline": pick("baseline", "baseline", None),
        "passed_over": [],  # files in folders that match no glob (said on stderr at the end)
    }


def _documents(args, s, render: str, keep: bool):
    """``(document, output bytes)`` for the documents of the inputs, in order, made by
    :func:`_finish` where each document is extracted (a worker with ``--jobs``), with
    a progress bar when it helps: stderr is a terminal and the output goes to a file
    or a pipe (so a bar never lands in the middle of output on the screen)."""
    cores = parallel.default_jobs()
    if s["jobs"] > cores:
        _say(f"note: {s['jobs']} jobs asked for, {cores} CPU{'s' if cores > 1 else ''} available: "
             f"using {cores}")
    options = dict(globs=s["globs"], text_field=s["text_field"], id_field=s["id_field"],
                   group_field=s["group_field"], max_bytes=s["max_bytes"], strict=args.debug,
                   meta_fields=s["meta_fields"] or None, passed_over=s["passed_over"])
    finish = functools.partial(_finish, render=render, group_by=s["group_by"], keep=keep)
    docs = api.iter_results(args.inputs, finish, jobs=s["jobs"], **options)
    if _progress_wanted(args):
        from tqdm import tqdm

        total = _count_documents(args.inputs, s["globs"])
        phase = "reading and extracting" if args.command == "check" else "extracting"
        docs = tqdm(docs, desc=f"quotecheck: {phase}", total=total, unit=" docs", file=sys.stderr,
                    delay=1.0, leave=False, dynamic_ncols=True)
    return docs


def _finish(doc, render: str, group_by=None, keep: bool = True) -> tuple:
    """A document and its output as UTF-8 bytes, in ``render`` (``jsonl``, ``json``,
    ``quiet``, ``text``, ``line`` for the JSONL ``document`` line of ``check``, or
    ``none``).  This runs where the document was extracted, so with ``--jobs`` the
    workers write the output and the parent only copies bytes in order; without
    ``keep`` the document comes back with its status and error only (all ``extract``
    needs of it), not with its text and quotes.

    >>> doc, out = _finish(api.extract("“Stop,” she said.", "a.txt"), "quiet", keep=False)
    >>> out.decode(), doc.source, doc.quotes
    ('a.txt:1:1 direct   ? (she, said): “Stop,”\\n', 'a.txt', ())
    """
    if group_by is not None:
        doc = stories.group_by(doc, group_by)
    if render == "jsonl":
        text = "".join(report.dumps(line) + "\n" for line in report.jsonl_lines(doc))
    elif render == "json":
        text = report.dumps(report.document_dict(doc), indent=2).replace("\n", "\n    ")
    elif render == "quiet":
        lines = report.document_quiet(doc)
        text = lines + "\n" if lines else ""
    elif render == "text":
        text = report.document_text(doc) + "\n"
    elif render == "line":
        text = report.dumps(report.document_line(doc)) + "\n"
    else:
        text = ""
    if not keep:
        doc = Document(doc.source, status=doc.status, error=doc.error, group=doc.group)
    return doc, text.encode("utf-8", "backslashreplace")


def _progress_wanted(args) -> bool:
    """A progress bar only for a person watching: stderr a terminal, not in CI, and the
    output going to a file or a pipe (so a bar never lands in the middle of output on
    the screen)."""
    return (not args.no_progress and _isatty(sys.stderr) and not os.environ.get("CI")
            and (bool(args.output) or not _isatty(sys.stdout)))


def _count_documents(inputs, globs) -> int:
    """How many documents the inputs hold, for the progress bar's total and estimate
    of the time left: files are listed and JSONL lines counted (bytes only, no parsing)."""
    n = 0
    for item in inputs:
        if os.path.isdir(item):
            for dirpath, dirnames, filenames in os.walk(item):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    rel = os.path.relpath(os.path.join(dirpath, name), item).replace(os.sep, "/")
                    if api._matches(rel, globs):
                        n += _count_lines(os.path.join(dirpath, name)) if name.endswith(api.JSONL_SUFFIXES) else 1
        elif item.endswith(api.JSONL_SUFFIXES) and os.path.isfile(item):
            n += _count_lines(item)
        else:
            n += 1
    return n


def _count_lines(path: str) -> int:
    n = 0
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                n += chunk.count(b"\n")
    except OSError:
        return 1
    return n


def _colour(choice: str, args) -> bool:
    """``--color``: ``always``, ``never``, or ``auto``: the text goes to a terminal and
    ``NO_COLOR`` (https://no-color.org) is not set."""
    if choice not in ("auto", "always", "never"):
        raise config.ConfigError(f"color must be one of auto, always, never, not {choice!r}")
    if choice != "auto":
        return choice == "always"
    return (not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
            and not args.output and _isatty(sys.stdout))


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Problems:
    """Tells the user, on stderr, about documents that could not be read or were
    skipped (a few by name, then a count), and remembers whether any failed.

    Finding no document at all is an error too: a CI job pointed at the wrong folder
    (or with a --glob that matches nothing) must not pass in silence.
    """

    def __init__(self):
        self.errors = self.shown = self.skipped = self.seen = self.read = 0

    def see(self, doc) -> None:
        self.seen += 1
        if doc.status not in ("error", "skipped"):
            self.read += 1
            return
        if doc.status == "error":
            self.errors += 1
        else:
            self.skipped += 1
        self.shown += 1
        if self.shown <= MAX_ERROR_LINES:
            level = "error" if doc.status == "error" else "warning: skipped"
            _say(f"{level}: {doc.source}: {doc.error}")

    def finish(self, globs, passed_over=()) -> None:
        if passed_over:
            _say(passed_over_note(passed_over, globs))
        if self.shown > MAX_ERROR_LINES:
            _say(f"{self.shown - MAX_ERROR_LINES} more documents with errors or skipped "
                 f"({self.errors} errors, {self.skipped} skipped in all; every one is in the output)")
        if not self.seen:
            self.errors += 1
            _say(f"error: no documents found in the inputs (folders are searched for "
                 f"{', '.join(globs)}; see --glob)")
        elif not self.read:
            # Every input skipped or unreadable: a CI job must not pass on nothing.  (One
            # unreadable input has said so already.)
            if self.skipped or self.seen > 1:
                _say(f"error: nothing was checked: all {_plural(self.seen, 'document')} were skipped "
                     f"or could not be read" if self.seen > 1 else
                     "error: nothing was checked: the only document was skipped")
            self.errors += 1


def passed_over_note(paths, globs, shown: int = 3) -> str:
    """One line about the files in folders that were not read (no glob matched them),
    with a hint for JSONL corpora, which are easy to expect to be read.

    >>> print(passed_over_note(["d/a.jsonl", "d/b.png"], ["*.txt", "*.md"]))
    note: 2 files in folders matched no --glob (*.txt, *.md) and were not read: d/a.jsonl, d/b.png; to read the JSONL corpora among them add --glob '*.jsonl'
    """
    names = ", ".join(paths[:shown]) + (f" and {len(paths) - shown} more" if len(paths) > shown else "")
    n = len(paths)
    note = (f"note: {n} file{'s' if n > 1 else ''} in folders matched no --glob ({', '.join(globs)}) "
            f"and {'were' if n > 1 else 'was'} not read: {names}")
    if any(p.endswith(api.JSONL_SUFFIXES) for p in paths):
        note += "; to read the JSONL corpora among them add --glob '*.jsonl'"
    return note


def _say(message: str) -> None:
    sys.stderr.write(f"quotecheck: {report.escape_terminal(message)}\n")
    sys.stderr.flush()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _run_extract(args, s, out: _Output) -> int:
    """Stream the documents to the output one by one (JSONL and text stay flat in
    memory however big the corpus is)."""
    problems = _Problems()
    first = True
    if args.format == "json":
        out.write('{\n  "schema_version": "%s",\n  "documents": [' % report.SCHEMA_VERSION)
    render = "quiet" if args.format == "text" and args.quiet else args.format
    for doc, data in _documents(args, s, render, keep=False):
        problems.see(doc)
        if args.format == "json":
            out.write("\n    " if first else ",\n    ")
        out.write_bytes(data)
        first = False
    if args.format == "json":
        out.write("]\n}\n" if first else "\n  ]\n}\n")
    out.flush()
    problems.finish(s["globs"], s["passed_over"])
    return EXIT_ERROR if problems.errors else EXIT_CLEAN


def _render(args, s, rep) -> list:
    """The report in ``--format`` as pieces of text, written one by one (so a reader
    that goes away, ``| head``, is noticed early)."""
    show = s["show"]
    if args.format == "text":
        text = rep.to_text(show=show, quiet=args.quiet, statistics=args.statistics, color=s["color"])
        return [piece + "\n\n" for piece in text.split("\n\n")]
    if args.format == "github":
        return [line + "\n" for line in rep.to_github(show=show).split("\n")]
    if args.format == "sarif":
        return [rep.to_sarif(show=show)]
    if args.format == "html":
        return [rep.to_html(show=show)]
    return [rep.to_json()]


def _run_check(args, s, out: _Output) -> int:
    # The baseline is read first: a wrong path should fail before a long corpus run.  When
    # writing one, the baseline the settings name may not exist yet: that is the point.
    known = frozenset()
    if s["baseline"] and not (args.write_baseline and not os.path.exists(s["baseline"])):
        known = baseline.load(s["baseline"])
    problems = _Problems()
    docs = []
    stream = args.format == "jsonl" and not args.write_baseline
    for doc, data in _documents(args, s, "line" if stream else "none", keep=True):
        problems.see(doc)
        docs.append(doc)
        out.write_bytes(data)
    out.flush()
    problems.finish(s["globs"], s["passed_over"])
    rep = _compare(args, docs)
    _unknown_codes(rep, s["select"], s["ignore"])
    rep = rep.select(select=s["select"], ignore=s["ignore"])
    if known:
        rep = baseline.apply(rep, known)
    if args.write_baseline:
        n = baseline.write(rep, args.write_baseline)
        _say(f"wrote {_plural(n, 'finding')} to the baseline {args.write_baseline}")
        return EXIT_ERROR if problems.errors else EXIT_CLEAN
    if stream:
        for line in report.finding_lines(rep):
            out.write(report.dumps(line) + "\n")
    else:
        pieces = [p for p in _render(args, s, rep) if p.strip()]  # -q with no finding prints nothing
        if pieces:
            pieces[-1] = pieces[-1].rstrip("\n") + "\n"
        for piece in pieces:
            out.write(piece)
            out.flush()
    if problems.errors:
        return EXIT_ERROR
    return rep.exit_status(fail_on=s["fail_on"])


#: The kinds of finding (``--select``/``--ignore`` take these or rule names).
FINDING_KINDS = ("number", "negation", "speaker", "wording", "truncation", "paraphrase")


def _unknown_codes(rep, select, ignore) -> None:
    """Warn about a ``--select``/``--ignore`` code that is no kind and no rule of this
    run's findings: most likely a typo, which must not pass in silence (it is not an
    error: a rule that found nothing today is a fine thing to select)."""
    rules = {f.rule for f in rep.findings + rep.suppressed}
    for option, codes in (("--select", select), ("--ignore", ignore)):
        for code in codes:
            if code not in FINDING_KINDS and code not in rules:
                _say(f"warning: {option} {code!r} is no kind of finding ({', '.join(FINDING_KINDS)}) "
                     f"and no rule of this run's findings (see docs/rules.md)")


def _compare(args, docs):
    """The cross-source check, with its phase on the progress line when one is wanted
    (the comparison is one step: no estimate of its time left, only that it runs)."""
    if not _progress_wanted(args) or len(docs) < 2:
        return api.check(docs)
    sys.stderr.write(f"\rquotecheck: comparing {len(docs)} documents...")
    sys.stderr.flush()
    try:
        return api.check(docs)
    finally:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def main(argv=None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit
    status; errors are one sentence on stderr (``--debug`` shows the traceback)."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as e:  # --help, --version and usage errors
        return e.code if isinstance(e.code, int) else EXIT_ERROR
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    out = None
    previous = _on_sigterm()
    try:
        s = _settings(args)
        out = _Output(args.output)
        code = (_run_extract if args.command == "extract" else _run_check)(args, s, out)
        out.commit()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _say("terminated")
        return EXIT_TERMINATED
    except (config.ConfigError, baseline.BaselineError) as e:
        _say(f"error: {e}")
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - one sentence for users, the traceback with --debug
        if getattr(args, "debug", False):
            raise
        if isinstance(e, OSError) and e.filename:
            _say(f"error: {e.filename}: {(e.strerror or str(e))}")
        else:
            _say(f"error: {type(e).__name__}: {e} (run with --debug for the traceback)")
        return EXIT_ERROR
    finally:
        if out is not None:
            out.abort()
        _restore_sigterm(previous)


class Terminated(BaseException):
    """SIGTERM arrived: raised in the main thread so that ``finally`` blocks remove
    the temporary files of ``-o`` and ``--write-baseline`` before the exit."""


def _terminate(signum, frame):
    raise Terminated()


def _on_sigterm():
    """Turn SIGTERM into :class:`Terminated` while the command runs (only from the main
    thread, where Python can install handlers); returns the handler it replaced."""
    try:
        return signal.signal(signal.SIGTERM, _terminate)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM
        return None


def _restore_sigterm(previous) -> None:
    if previous is not None:
        try:
            signal.signal(signal.SIGTERM, previous)
        except (ValueError, OSError):
            pass


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that Python's final flush
    does not print a second error on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
