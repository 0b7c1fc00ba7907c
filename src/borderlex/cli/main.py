"""The entry points: :func:`cli` runs one command line and turns every
failure into one line on stderr and an exit status; :func:`main` is the
console script.  Exit codes: 0 ok, 1 a name not found or a problem with an
input or a table, 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from typing import IO

from ..errors import BorderlexError, TableError
from .columns import ColumnError
from .inputs import InputError
from .output import ESCAPED, Out, OutputError, err
from .parser import UsageError, build_parser, check_combinations

__all__ = ["cli", "main"]


def cli(*args: str, stdout: IO[str] | None = None, stdin: IO[str] | None = None) -> int:
    """Run the command line with ``args``; returns the exit status."""
    ESCAPED.clear()
    if stdout is None:
        # Names from argv may carry undecodable bytes (as surrogates): they
        # go back out as the same bytes; what the output encoding cannot
        # show is escaped rather than fatal.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="borderlex.escape")
    out = Out(stdout if stdout is not None else sys.stdout)
    parser = build_parser()
    try:
        if not args:
            out.write(parser.format_help())  # a bare `borderlex` asks what it can do
            return 0
        try:
            ns = parser.parse_args(list(args))
            check_combinations(ns)
        except UsageError as e:
            _write_stderr(f"{e.args[0]}\n(see 'borderlex --help')\n")
            return 2
        except SystemExit as e:  # --help and --version
            return int(e.code or 0)
        status: int = ns.func(ns, out, stdin if stdin is not None else sys.stdin)
        if ESCAPED:
            err(
                f"the output encoding ({', '.join(sorted(ESCAPED))}) cannot show some characters: "
                "they are written as \\uXXXX escapes (set PYTHONIOENCODING=utf-8 to see them)"
            )
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        _drop_stdout(out)
        return 0
    except OutputError as e:
        err(f"cannot write output: {e}")
        _drop_stdout(out)
        return 1
    except InputError as e:
        err(str(e))
        return 1
    except ColumnError as e:
        err(str(e))
        return 2
    except TableError as e:
        err(f"bad alias table: {e}")
        return 1
    except UnicodeDecodeError as e:
        err(f"stdin: invalid UTF-8 ({e.reason} at byte {e.start} of a read block)")
        return 1
    except BorderlexError as e:
        err(str(e))
        return 1


def _write_stderr(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text)


def _drop_stdout(out: Out) -> None:
    """Point the process's stdout at /dev/null, so that Python's last flush at
    exit does not fail again on what is still buffered."""
    if out.stream is not sys.stdout or sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``borderlex`` console script."""
    status = cli(*sys.argv[1:])
    try:
        if sys.stdout is not None:
            sys.stdout.flush()  # what argparse printed (--help) is still buffered
    except BrokenPipeError:
        _drop_stdout(Out(sys.stdout))
    except OSError as e:
        err(f"cannot write output: {e.strerror or e}")
        _drop_stdout(Out(sys.stdout))
        status = status or 1
    sys.exit(status)
