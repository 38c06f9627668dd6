"""``python -m quotecheck`` and the ``quotecheck`` command.

The command line's modules are imported here, inside a guard, so that a Ctrl-C while
they load (the first few tenths of a second) ends the run the way a Ctrl-C later does:
"interrupted" on stderr and exit status 130, not a traceback.
"""
import sys


def run() -> int:
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("quotecheck: interrupted\n")
        return 130
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
