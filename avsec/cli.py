"""The ``avsec`` command (docs/architecture.md, *Command line*): a thin layer over the packages below.

Each verb group lives in a module of :mod:`avsec.verbs` exposing ``register(subparsers)``.
Verb modules import heavy packages inside their handlers so that ``avsec --version`` and the
GUI start fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from avsec import __version__
from avsec.core.i18n import N_
from avsec.verbs._text import cli_language, message, set_cli_language, tr, translate_argparse

EXIT_ERROR = 2


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every verb module's subcommands (or only ``only``'s)."""
    parser = argparse.ArgumentParser(
        prog="avsec",
        description=tr(
            "Offline toolkit for assessing airport access control against ICAO Annex 17."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"avsec {__version__}",
        help=tr("show program's version number and exit"),
    )
    from avsec.io.translations import offered_languages

    # Before the verb: the language of every message, also for verbs without their own --lang
    # (`avsec --lang fr info FILE`); a verb with --lang takes it as its default.
    parser.add_argument(
        "--lang",
        dest="cli_lang",
        choices=list(offered_languages()),
        default=None,
        help=tr("the language of the messages and results (before the verb)"),
    )
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    if only is not None:
        names = [only]
    else:
        import pkgutil

        import avsec.verbs as verbs

        infos = sorted(pkgutil.iter_modules(verbs.__path__), key=lambda m: m.name)
        names = [info.name for info in infos if not info.name.startswith("_")]
    for name in names:
        module = importlib.import_module(f"avsec.verbs.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    # The gettext catalogues become the translation path of every layer (geometry messages
    # computed by a verb included) before any verb runs.
    import avsec.io.translations  # noqa: F401

    argv = list(sys.argv[1:] if argv is None else argv)
    # Messages, argument errors included, are in the language of --lang (read before parsing,
    # because argparse reports a bad argument while it parses).
    set_cli_language(_language_in(argv))
    translate_argparse()
    try:
        return _run(argv)
    finally:
        set_cli_language(None)


def _language_in(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` when it names a language with a catalogue."""
    if not any(arg == "--lang" or arg.startswith("--lang=") for arg in argv):
        return None  # the catalogue folder is not searched on the app's cold start
    from avsec.io.translations import available_languages

    known = available_languages()
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in known:
            return value
    return None


def _run(argv: list[str]) -> int:
    from avsec.core.errors import AvsecError

    # The desktop app is the common case: building only its verb keeps about 15 ms of parser
    # construction (every verb module) off the cold start, and plain `avsec` (the same as
    # `avsec gui`) builds no parser at all (another 10 ms: argparse's own messages go through
    # gettext, which searches the disk for catalogues).
    if argv in ([], ["gui"]):
        from avsec.verbs.gui import plain_args

        args = plain_args()
        parser = None
    else:
        if argv[0] == "gui" and not {"-h", "--help"} & set(argv):
            parser = build_parser(only="gui")
        else:
            parser = build_parser()
        args = parser.parse_args(argv)
    if getattr(args, "cli_lang", None) and getattr(args, "lang", "") is None:
        args.lang = args.cli_lang
    handler = getattr(args, "handler", None)
    if handler is None:
        (parser or build_parser()).print_help()
        return EXIT_ERROR
    from avsec.core.i18n import number_format, set_number_format

    # --number-format holds for this run only (main() also runs in-process, from tests).
    previous = number_format()
    try:
        if getattr(args, "number_format", None):
            set_number_format(args.number_format)
        return int(handler(args) or 0)
    except AvsecError as exc:
        # One line, whatever a library put into the message.
        _error(exc.in_language(cli_language()))
        return exc.exit_code
    except _sqlite_error() as exc:
        # A file that passed the checks on opening but breaks later (a damaged page deep in
        # the file, a disk error): one line, never a traceback.
        _error(message(N_("the assessment file cannot be read ({reason})"), reason=exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `avsec ... | head` closed the pipe; nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        # One handler for every verb: a missing folder, a full disk, a read-only file.
        _error(describe_os_error(exc))
        return EXIT_ERROR
    except RecursionError:
        # Deeply nested input (YAML, JSON) that a parser followed too far.
        _error(message(N_("the input is nested too deeply to read")))
        return EXIT_ERROR
    finally:
        set_number_format(previous)


class _NeverRaised(Exception):
    """Stands for sqlite3.Error while no verb has loaded sqlite3."""


def _sqlite_error() -> type[Exception]:
    """``sqlite3.Error``: evaluated only when an exception is being handled, by which time a
    verb that touched a file has imported sqlite3 (the app's cold start does without it)."""
    module = sys.modules.get("sqlite3")
    return module.Error if module is not None else _NeverRaised


def _error(text: str) -> None:
    """Print ``text`` as the one error line of this run."""
    print(f"avsec: error: {' '.join(text.split())}", file=sys.stderr)


def describe_os_error(exc: OSError) -> str:
    """One line for an operating-system error: the file, then the reason."""
    reason = exc.strerror or str(exc) or type(exc).__name__
    name = exc.filename if exc.filename is not None else None
    return f"{name}: {reason}" if name is not None else reason


if __name__ == "__main__":
    sys.exit(main())
