"""``python -m quotecheck`` and the ``quotecheck`` command.

The command line's modules are imported here, inside a guard, so that a Ctrl-C while
they load (the first few tenths of a second) ends the run the way a Ctrl-C later does:
"interrupted" on stderr and exit status 130, not a traceback.

At the other end, once the run is over, SIGINT is held back (blocked) until the process
exits: the interpreter's shutdown (freeing the data tables, module by module) comes after
Python has given SIGINT back to the system's default action, and a Ctrl-C there killed
the process without a word (exit status -2).  A Ctrl-C that came before the output was
flushed still says "interrupted" and exits 130; one during the shutdown itself, when
all output is written, changes nothing: the run's own status stands.
"""
import signal
import sys


def run() -> int:
    """The process's entry point (not for calling from a program that goes on running:
    it leaves SIGINT blocked for the rest of the process)."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("quotecheck: interrupted\n")
        return 130
    try:
        code = main()
        held = _hold_sigint()
        _flush()
    except KeyboardInterrupt:
        sys.stderr.write("quotecheck: interrupted\n")
        return 130
    if held and signal.SIGINT in signal.sigpending():
        sys.stderr.write("quotecheck: interrupted\n")
        return 130
    return code


def _hold_sigint() -> bool:
    """Block SIGINT for the rest of the process (a pending one is looked at by
    :func:`run`); False where signals cannot be blocked (Windows, not the main thread)."""
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _flush() -> None:
    """Write out what the streams still hold, while a Ctrl-C can still be reported."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass  # a closed or broken stream: the CLI has said what it had to


if __name__ == "__main__":
    raise SystemExit(run())
