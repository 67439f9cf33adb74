"""The ``minutebook`` command: thin subcommands over the library.

Known failures print one line each and set the exit status (2: a bad meeting file, 1: a
failed build); a traceback means a bug, and is shown only with ``MINUTEBOOK_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import MeetingFileError, MinutebookError

# jsonschema (imported by nbformat) checks IRIs with rfc3987-syntax when it is installed,
# and that package compiles a grammar on import: over a second of every build, for a format
# no notebook schema uses. Without it jsonschema skips just that check.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutebook",
        description="Meeting minutes from YAML files: validated, run through a Jupyter "
        "template, published as HTML and PDF.",
    )
    parser.add_argument("--version", action="version", version=f"minutebook {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build meetings into reports/",
        description="Build the given meeting files (default: every meeting under params/).",
    )
    build.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="meeting files, params/<series>/<date>.yaml",
    )
    build.add_argument("--no-pdf", action="store_true", help="skip the PDF (a quick preview)")
    build.add_argument(
        "--timeout",
        type=int,
        default=120,
        metavar="SECONDS",
        help="how long one template cell may run (default: 120)",
    )
    build.set_defaults(run=_build)

    schema = commands.add_parser("schema", help="print the JSON Schema of a meeting file")
    schema.set_defaults(run=_schema)
    return parser


def _schema(args: argparse.Namespace) -> int:
    from .model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .browser import Printer
    from .build import build_meeting
    from .paths import Project
    from .render import warm_up

    project = Project.find()
    files = args.files or sorted(project.params.glob("*/*.yaml"))
    if not files:
        print(f"no meeting files under {project.relative(project.params)}/", file=sys.stderr)
        return 2
    status = 0
    printer = None if args.no_pdf else Printer()
    # Chromium and the HTML exporter get ready while the first kernel runs.
    if printer:
        printer.start()
    warm_up()
    try:
        for path in files:
            try:
                built = build_meeting(path.absolute(), project, printer, timeout=args.timeout)
            except MeetingFileError as error:
                print(error, file=sys.stderr)
                status = status or error.exit_status
            except MinutebookError as error:
                print(error, file=sys.stderr)
                status = 1
            else:
                where = project.relative(built.folder)
                print(f"built {where}/ ({', '.join(built.files)})")
    finally:
        if printer:
            printer.close()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except MinutebookError as error:
        print(error, file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("MINUTEBOOK_DEBUG"):
            raise
        print(
            f"minutebook: internal error: {type(error).__name__}: {error} "
            "(run with MINUTEBOOK_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
