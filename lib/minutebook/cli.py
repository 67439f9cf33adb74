"""The ``minutebook`` command: thin subcommands over the library.

Known failures print one line each and set the exit status (2: a bad meeting file, 1: a
failed build); a traceback means a bug, and is shown only with ``MINUTEBOOK_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import MinutebookError
from .i18n import argparse_words, choose, language_asked, say, say_n
from .paths import KALLELSE_RECORD, SITE_FILE
from .settings import CELL_TIMEOUT, settings

# jsonschema (imported by nbformat) checks IRIs with rfc3987-syntax when it is installed,
# and that package compiles a grammar on import: over a second of every build, for a format
# no notebook schema uses. Without it jsonschema skips just that check.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="minutebook",
        description=say("cli.description"),
    )
    parser.add_argument(
        "--version", action="version", version=f"minutebook {__version__}", help=say("cli.version")
    )
    parser.add_argument("--lang", choices=("sv", "en"), help=say("cli.lang"))
    commands = parser.add_subparsers(
        dest="command", required=True, metavar=say("cli.metavar.command")
    )

    build = commands.add_parser(
        "build",
        help=say("cli.build"),
        description=say("cli.build.description"),
    )
    build.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar=say("cli.metavar.file"),
        help=say("cli.files"),
    )
    build.add_argument("--series", metavar="S", help=say("cli.build.series"))
    build.add_argument("--force", action="store_true", help=say("cli.build.force"))
    build.add_argument("--no-pdf", action="store_true", help=say("cli.build.no_pdf"))
    build.add_argument(
        "--republish",
        action="store_true",
        help=say("cli.build.republish"),
    )
    build.add_argument(
        "--resign",
        action="store_true",
        help=say("cli.build.resign"),
    )
    build.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=say("cli.build.workers"),
    )
    build.add_argument(
        "--executor", choices=("local", "dask"), default="local", help=say("cli.build.executor")
    )
    build.add_argument("--scheduler", metavar="ADDRESS", help=say("cli.build.scheduler"))
    build.add_argument(
        "--timeout",
        type=int,
        default=None,
        metavar="SECONDS",
        help=say("cli.build.timeout", seconds=CELL_TIMEOUT),
    )
    build.set_defaults(run=_build)

    serve = commands.add_parser("serve", help=say("cli.serve"))
    serve.add_argument("--port", type=int, default=8000, help=say("cli.serve.port"))
    serve.add_argument("--bind", default="127.0.0.1", help=say("cli.serve.bind"))
    serve.set_defaults(run=_serve)

    preview = commands.add_parser("preview", help=say("cli.preview"))
    preview.add_argument("file", metavar=say("cli.metavar.file"), help=say("cli.preview"))
    preview.add_argument("--port", type=int, default=8001, help=say("cli.preview.port"))
    preview.add_argument("--no-browser", action="store_true", help=say("cli.preview.no_browser"))
    preview.set_defaults(run=_preview)

    new = commands.add_parser(
        "new",
        help=say("cli.new"),
        description=say("cli.new.description"),
    )
    new.add_argument("series", metavar=say("cli.metavar.series"), help=say("cli.series"))
    new.add_argument(
        "--date",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=say("cli.new.date"),
    )
    new.set_defaults(run=_new)

    check = commands.add_parser(
        "check",
        help=say("cli.check"),
        description=say("cli.check.description"),
    )
    check.add_argument(
        "files", nargs="*", type=Path, metavar=say("cli.metavar.file"), help=say("cli.files")
    )
    check.add_argument(
        "--a11y",
        action="store_true",
        help=say("cli.check.a11y"),
    )
    check.add_argument("--json", action="store_true", help=say("cli.check.json"))
    check.set_defaults(run=_check)

    from .secretary import justering, template

    template.add_commands(commands)  # template new
    justering.add_commands(commands)  # sign, verify
    schema = commands.add_parser("schema", help=say("cli.schema"))
    schema.set_defaults(run=_schema)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("cli.bad_date", text=text)) from None


def _new(args: argparse.Namespace) -> int:
    from .paths import Project
    from .secretary.dates import ask_date
    from .secretary.new import new_meeting

    project = Project.find()
    date = args.date or (ask_date(project, args.series) if sys.stdin.isatty() else None)
    path = new_meeting(project, args.series, date)  # no date: refused, the date suggested
    print(say("new.wrote", path=project.relative(path)))
    return 0


def _check(args: argparse.Namespace) -> int:
    from .errors import Problem
    from .paths import Project
    from .secretary.check import Checked, check_file

    project = Project.find()
    # with no files: every meeting, and every kallelse kept as sent
    files = [f.absolute() for f in args.files] or [
        *project.meeting_files(),
        *sorted(project.params.glob(f"*/*{KALLELSE_RECORD}")),
        *[p for p in [project.params / SITE_FILE] if p.is_file()],
    ]
    if not files:
        print(say("check.no_files"), file=sys.stderr)
        return 2
    results = []
    for path in files:
        name = project.relative(path)
        try:
            results.append(check_file(path, name))
        except Exception as error:  # a bug in one file's check must not hide the others'
            if settings().debug:
                raise
            message = say("check.internal", name=type(error).__name__)
            results.append(Checked(name, [Problem(1, 1, "", message, name)]))
    bad = sum(1 for r in results if r.errors)
    if args.json:
        print(json.dumps([r.as_json() for r in results], indent=2, ensure_ascii=False))
        return 2 if bad else 0
    seen: set[str] = set()  # a series.yaml's problems come with each of its meetings: once
    for result in results:
        for line in result.lines():
            if line not in seen:
                seen.add(line)
                print(line)
    warned = sum(len(r.warnings) for r in results)
    noted = sum(len(r.notes) for r in results)
    notes = say_n("check.notes", noted) if noted else ""
    counts = {"checked": len(results), "valid": len(results) - bad, "bad": bad}
    parts = {key: say_n(f"check.{key}", n) for key, n in counts.items()}
    print(say("check.summary", **parts, warnings=say_n("check.warnings", warned), notes=notes))
    if bad:
        return 2
    if args.a11y:
        from .secretary.a11y import check_published

        problems = check_published(project, files)
        for problem in problems:
            print(problem)
        print(say_n("a11y.summary", len(problems)))
        return 1 if problems else 0
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .meeting.model import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _build(args: argparse.Namespace) -> int:
    from .secretary.run import command

    return command(args)


def _serve(args: argparse.Namespace) -> int:
    from .archive.serve import command

    return command(args)


def _preview(args: argparse.Namespace) -> int:
    from .secretary.preview import command

    return command(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    program = argv is None  # not a call from Python (a test's)
    argv = list(sys.argv[1:] if argv is None else argv)
    choose(language_asked(argv))  # before the parser: its help speaks the language too
    argparse._ = argparse_words  # type: ignore[attr-defined]
    args = _parser().parse_args(argv)
    try:
        return int(args.run(args))
    except MinutebookError as error:
        print(error, file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print(say("cli.interrupted"), file=sys.stderr)
        return 130
    except Exception as error:
        if settings().debug:
            raise
        print(say("cli.internal", name=type(error).__name__, error=error), file=sys.stderr)
        return 1
    finally:
        if program:  # it ends here: its objects need no collecting at exit (0.3 s)
            gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
