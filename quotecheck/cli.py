"""The command line: a thin layer over :mod:`quotecheck.api`."""
from __future__ import annotations

import argparse
import json
import sys

from . import __version__, api, report


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with one sentence, no usage dump
        self.exit(2, f"quotecheck: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="quotecheck", description=__doc__)
    p.add_argument("--version", action="version", version=f"quotecheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ex = sub.add_parser("extract", help="find and attribute the quotations in articles")
    ex.add_argument("files", nargs="+", metavar="FILE", help="article files, or - for standard input")
    ex.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    ck = sub.add_parser("check", help="check that sources quote people consistently")
    ck.add_argument("files", nargs="+", metavar="FILE")
    ck.add_argument("--format", choices=["text", "json"], default="text")
    ck.add_argument("--fail-on", choices=["info", "warning", "error", "never"], default="warning")
    return p


def _read(files):
    docs = []
    for f in files:
        if f == "-":
            docs.append(api.extract_bytes(sys.stdin.buffer.read(), "-"))
        else:
            docs.append(api.extract_file(f))
    return docs


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    out = sys.stdout
    if args.command == "extract":
        docs = _read(args.files)
        if args.format == "jsonl":
            for d in docs:
                for q in d.quotes:
                    out.write(json.dumps(report.quote_dict(q, d.source), ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps(report.extract_dict(docs), ensure_ascii=False, indent=2) + "\n")
        else:
            for d in docs:
                out.write(f"== {d.source} [{d.status}]{': ' + d.error if d.error else ''}\n")
                for q in d.quotes:
                    out.write(report.quote_line(q) + "\n")
        return 0
    if args.command == "check":
        rep = api.check(_read(args.files))
        out.write((rep.to_json() if args.format == "json" else str(rep)) + "\n")
        order = ["info", "warning", "error"]
        if args.fail_on == "never":
            return 0
        bar = order.index(args.fail_on)
        return 1 if any(order.index(f.severity) >= bar for f in rep.findings) else 0
    return 2
