"""Fixtures shared by the command-line tests."""
import pytest

from quotecheck import cli


@pytest.fixture
def run(capsys):
    """``run(*args) -> (exit status, stdout, stderr)`` of ``quotecheck`` called in process."""
    def _run(*args):
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return _run
