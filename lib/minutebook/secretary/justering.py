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

HELP_KEY = "the signer's key and certificate, a PKCS#12 file (.p12, .pfx)"


def add_commands(commands: Any) -> None:
    """The ``sign`` and ``verify`` commands of the command line."""
    sign = commands.add_parser(
        "sign",
        help="sign published final minutes (digital justering, PAdES)",
        description="Add the signer's PAdES signature to the meeting's published "
        "minutes.pdf; the signed copy is kept as params/<series>/<date>.signed.pdf and "
        "published as minutes.pdf from then on.",
    )
    sign.add_argument("file", type=Path, metavar="FILE", help="the meeting file")
    sign.add_argument("--key", type=Path, required=True, metavar="P12", help=HELP_KEY)
    sign.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="a file whose first line is the key's passphrase (default: ask for it)",
    )
    sign.add_argument(
        "--as",
        dest="signer",
        metavar="NAME",
        help="the participant who signs, when the certificate names them otherwise",
    )
    sign.set_defaults(run=sign_command)
    verify = commands.add_parser(
        "verify",
        help="check the signatures of signed minutes",
        description="List each signature of the published minutes of a meeting file, or of a "
        "PDF: who signed, when, whether it is intact, and whether it is trusted. Exit status 1 "
        "when a signature is broken, the document was changed after signing, or a signer is "
        "not trusted by the given roots.",
    )
    verify.add_argument("target", type=Path, metavar="FILE", help="a meeting file, or a PDF")
    verify.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        metavar="CA.pem",
        help="a trusted root certificate (PEM or DER); may be given more than once",
    )
    verify.set_defaults(run=verify_command)


def passphrase(path: Path | None, key: Path) -> bytes | None:
    """The key's passphrase: the first line of ``path``, or typed on a terminal."""
    if path is not None:
        try:
            line = path.read_text(encoding="utf-8").split("\n", 1)[0].removesuffix("\r")
        except OSError as error:
            raise MinutebookError(f"cannot read {path}: {error.strerror or error}") from None
        return line.encode("utf-8") or None
    if not sys.stdin.isatty():
        raise MinutebookError(f"{key}: give its passphrase with --passphrase-file FILE")
    return getpass.getpass(f"Passphrase for {key}: ").encode("utf-8") or None


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
        raise MinutebookError(f"{file}: only final minutes are signed (status: {meeting.status})")
    folder = project.meeting_dir(meeting.series, path.stem)
    stamp = Stamp.read(folder)
    if stamp is None or stamp.text is None or not is_current(project, path, pdf=True):
        raise MinutebookError(
            f"{file}: build it first (minutebook build {file}): what is "
            "signed is the published minutes.pdf"
        )
    signer = signing.load_signer(args.key, passphrase(args.passphrase_file, args.key))
    subject = signing.common_name(signer)
    wanted = (args.signer or subject).casefold()
    person = next((p for p in meeting.participants if p.name.casefold() == wanted), None)
    if person is None:
        raise MinutebookError(
            f"{file}: the certificate is {subject!r}, who is not among the participants: "
            "say who signs with --as NAME"
        )
    roles = signing_roles(meeting, settings, person.name)
    if not roles:
        raise MinutebookError(
            f"{file}: {person.name} is neither the chair nor an adjuster, nor a role the "
            "series' signatures name: only they sign the minutes"
        )
    signed, kept = signing.record_paths(path)
    record = signing.Record.read(kept) if signed.is_file() else None
    if record is None:
        record = signing.Record(stamp.text, [], required(meeting))
        source = (folder / PDF).read_bytes()
    else:
        source = signed.read_bytes()
    if any(s.name == person.name for s in record.signatures):
        raise MinutebookError(f"{file}: {person.name} has signed these minutes already")
    pdf = signing.sign(
        source, signer, name=person.name, reason="Justering", number=len(record.signatures) + 1
    )
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    signature = signing.Signature(
        person.name, roles[0], now, "" if subject == person.name else subject
    )
    record.signatures.append(signature)
    signing.keep(path, pdf, record)
    print(f"signed {project.relative(signed)} as {person.name} ({roles[0]})")
    missing = record.missing()
    print(f"still to sign: {', '.join(missing)}" if missing else "justerat: everyone has signed")
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
        raise MinutebookError(f"cannot read {pdf_path}: {error.strerror or error}") from None
    found = signing.verify(pdf, args.trust)
    if not found:
        print(f"{pdf_path}: no signatures")
        return 1
    for c in found:
        when = c.time.strftime("%Y-%m-%d %H:%M %Z") if c.time else "no time given"
        trust = {None: "trust not checked (give --trust)", True: "trusted", False: "NOT TRUSTED"}
        print(
            f"{c.field}: {c.signer}, signed {when}: "
            f"{'intact' if c.intact else 'BROKEN'}, "
            f"{'unchanged since' if c.unchanged else 'CHANGED AFTER SIGNING'}, {trust[c.trusted]}"
        )
    return 0 if all(c.ok for c in found) else 1
