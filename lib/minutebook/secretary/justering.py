"""``minutebook sign`` and ``minutebook verify``: digital justering of published minutes.

The chair and the adjusters sign the published ``minutes.pdf`` in turn, each with their own
key; see :mod:`minutebook.build.signing` for what a signature is and where it is kept.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path
from typing import Any

from ..errors import MinutebookError
from ..i18n import reason, say


def add_commands(commands: Any) -> None:
    """The ``sign`` and ``verify`` commands of the command line."""
    sign = commands.add_parser(
        "sign",
        help=say("cli.sign"),
        description=say("cli.sign.description"),
    )
    sign.add_argument("file", type=Path, metavar=say("cli.metavar.file"), help=say("cli.sign.file"))
    sign.add_argument("--key", type=Path, required=True, metavar="P12", help=say("cli.sign.key"))
    sign.add_argument(
        "--passphrase-file",
        type=Path,
        metavar=say("cli.metavar.file"),
        help=say("cli.sign.passphrase"),
    )
    sign.add_argument(
        "--as",
        dest="signer",
        metavar="NAME",
        help=say("cli.sign.as"),
    )
    sign.set_defaults(run=sign_command)
    verify = commands.add_parser(
        "verify",
        help=say("cli.verify"),
        description=say("cli.verify.description"),
    )
    verify.add_argument(
        "target", type=Path, metavar=say("cli.metavar.file"), help=say("cli.verify.target")
    )
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CA.pem",
        help=say("cli.verify.trust"),
    )
    verify.set_defaults(run=verify_command)


def passphrase(path: Path | None, key: Path) -> bytes | None:
    """The key's passphrase: the first line of ``path``, or typed on a terminal."""
    if path is not None:
        try:
            line = path.read_text(encoding="utf-8").split("\n", 1)[0].removesuffix("\r")
        except OSError as error:
            raise MinutebookError(say("file.cannot_read", path=path, error=reason(error))) from None
        return line.encode("utf-8") or None
    if not sys.stdin.isatty():
        raise MinutebookError(say("sign.give_passphrase", key=key))
    return getpass.getpass(say("sign.ask_passphrase", key=key)).encode("utf-8") or None


def signing_roles(meeting: Any, settings: Any, name: str) -> list[str]:
    """The roles in which ``name`` may sign the minutes: chair, adjuster, the series' own."""
    person = next(p for p in meeting.participants if p.name == name)
    held = [person.role] if isinstance(person.role, str) else list(person.role or [])
    if name in meeting.adjusters:
        held.append("adjuster")
    allowed = {"chair", "adjuster", *((settings.signatures or []) if settings else [])}
    return [r for r in dict.fromkeys(held) if r in allowed]


def required(meeting: Any) -> list[str]:
    """Who must sign for the minutes to be justerade: the chair and every adjuster."""
    chairs = [
        p.name
        for p in meeting.participants
        if p.role == "chair" or (isinstance(p.role, list) and "chair" in p.role)
    ]
    return list(dict.fromkeys([*chairs[:1], *meeting.adjusters]))


def sign_command(args: argparse.Namespace) -> int:
    """Sign the published minutes of a meeting file, then publish the signed copy."""
    from ..build import signing
    from ..build.inputs import Stamp, is_current
    from ..meeting.read import load_with_settings
    from ..paths import PDF, Project

    project = Project.find()
    path = args.file.absolute()
    file = project.relative(path)
    meeting, _, settings = load_with_settings(path, file)
    if meeting.status != "final":
        raise MinutebookError(say("sign.only_final", file=file, status=meeting.status))
    folder = project.meeting_dir(meeting.series, path.stem)
    stamp = Stamp.read(folder)
    if stamp is None or stamp.text is None or not is_current(project, path, pdf=True):
        raise MinutebookError(say("sign.build_first", file=file))
    signer = signing.load_signer(args.key, passphrase(args.passphrase_file, args.key))
    subject = signing.common_name(signer)
    wanted = (args.signer or subject).casefold()
    person = next((p for p in meeting.participants if p.name.casefold() == wanted), None)
    if person is None:
        raise MinutebookError(say("sign.stranger", file=file, subject=subject))
    roles = signing_roles(meeting, settings, person.name)
    if not roles:
        raise MinutebookError(say("sign.not_allowed", file=file, name=person.name))
    signed, kept = signing.record_paths(path)
    record = signing.Record.read(kept) if signed.is_file() else None
    if record is None:
        record = signing.Record(stamp.text, [], required(meeting))
        source = (folder / PDF).read_bytes()
    else:
        source = signed.read_bytes()
    if any(s.name == person.name for s in record.signatures):
        raise MinutebookError(say("sign.already", file=file, name=person.name))
    pdf = signing.sign(
        source, signer, name=person.name, reason="Justering", number=len(record.signatures) + 1
    )
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    signature = signing.Signature(
        person.name, roles[0], now, "" if subject == person.name else subject
    )
    record.signatures.append(signature)
    signing.keep(path, pdf, record)
    print(say("sign.signed", path=project.relative(signed), name=person.name, role=roles[0]))
    missing = record.missing()
    print(say("sign.still_to_sign", names=", ".join(missing)) if missing else say("sign.everyone"))
    from ..cli import main

    return main(["build", str(path)])


def verify_command(args: argparse.Namespace) -> int:
    """List the signatures of a PDF or of a meeting's published minutes; 1 if any fails."""
    from ..build import signing
    from ..paths import PDF, Project

    target = args.target
    if target.suffix.lower() == ".pdf":
        pdf_path = target
    else:
        project = Project.find()
        pdf_path = project.meeting_dir(target.absolute().parent.name, target.stem) / PDF
    try:
        pdf = pdf_path.read_bytes()
    except OSError as error:
        raise MinutebookError(say("file.cannot_read", path=pdf_path, error=reason(error))) from None
    found = signing.verify(pdf, args.trust)
    if not found:
        print(say("verify.none", path=pdf_path))
        return 1
    for c in found:
        when = c.time.strftime("%Y-%m-%d %H:%M %Z") if c.time else say("verify.no_time")
        trust = {None: "verify.trust_unchecked", True: "verify.trusted", False: "verify.untrusted"}
        line = say(
            "verify.line",
            field=c.field,
            signer=c.signer,
            when=when,
            intact=say("verify.intact" if c.intact else "verify.broken"),
            unchanged=say("verify.unchanged" if c.unchanged else "verify.changed"),
            trust=say(trust[c.trusted]),
        )
        print(line)
    return 0 if all(c.ok for c in found) else 1
