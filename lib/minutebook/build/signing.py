"""Justering with digital signatures: PAdES signatures on the published PDF, and their check.

A protokoll is justerat when the chair and the adjusters have signed it; Swedish bodies now
do that digitally, with PAdES signatures. Each signature is an incremental update of the
PDF (pyHanko), so the earlier signatures stay valid and the tagged structure, language,
bookmarks and fonts of the printed minutes are untouched.

The signed PDF is a record, not a build output: it is kept beside the meeting file
(``params/<series>/<date>.signed.pdf``, with ``<date>.signed.json`` saying who signed as
what, when, and the text that was signed) and published as the meeting's ``minutes.pdf``,
so a rebuild from ``params/`` alone keeps it. A build that would change what the signed
minutes say refuses to replace them, naming the signatures that would be lost, unless told
to (``--resign``); see :func:`minutebook.build.meeting.build_meeting`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MinutebookError
from ..i18n import say
from ..paths import beside
from . import publish

SIGNED_PDF = ".signed.pdf"
SIGNED_JSON = ".signed.json"


def record_paths(meeting_file: Path) -> tuple[Path, Path]:
    """Where the signed PDF of the meeting in ``meeting_file``, and its record, are kept."""
    return beside(meeting_file, SIGNED_PDF), beside(meeting_file, SIGNED_JSON)


@dataclass(frozen=True)
class Signature:
    """One signature, as the record keeps it."""

    name: str  # the participant who signed
    role: str  # as what: chair, adjuster, or a role of the series' signatures
    signed: str  # ISO time of signing (UTC)
    subject: str = ""  # the certificate's common name, when it is not the name


@dataclass
class Record:
    """``<date>.signed.json``: what was signed, and by whom."""

    text: str  # the digest of what the minutes said when first signed (see record.py)
    signatures: list[Signature] = field(default_factory=list)
    required: list[str] = field(default_factory=list)  # the chair and every adjuster

    @classmethod
    def read(cls, path: Path) -> Record | None:
        """The record in ``path``, or None when there is none (or it is unreadable)."""
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            signatures = [Signature(**s) for s in data.get("signatures", [])]
            return cls(data["text"], signatures, list(data.get("required", [])))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def dumps(self) -> bytes:
        """The record as written."""
        data = {
            "text": self.text,
            "signatures": [asdict(s) for s in self.signatures],
            "required": self.required,
        }
        return json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8")

    def missing(self) -> list[str]:
        """Who must still sign for the minutes to be justerade."""
        done = {s.name for s in self.signatures}
        return [name for name in self.required if name not in done]

    def who(self) -> str:
        """The signatures in a line: ``Karin Holm (chair, 2024-03-15), …``."""
        return ", ".join(f"{s.name} ({s.role}, {s.signed[:10]})" for s in self.signatures)


def to_publish(meeting_file: Path, file: str, text: str, resign: bool) -> Path | None:
    """The signed copy to publish as the minutes' PDF, if it still says what they say.

    ``text`` is the digest of what this build's minutes say (see :mod:`.record`).

    Raises:
        MinutebookError: the build changes what signed minutes say, and ``resign`` was not
            given; with it, the signed copy is set aside (to be signed again).
    """
    pdf, kept = record_paths(meeting_file)
    signed = Record.read(kept)
    if signed is None or signed.text == text:
        return pdf if pdf.is_file() else None
    if not resign:
        who = signed.who() or say("final.nobody")
        raise MinutebookError(say("final.signed", file=file, who=who))
    pdf.unlink(missing_ok=True)
    kept.unlink(missing_ok=True)
    return None


def load_signer(key: Path, passphrase: bytes | None) -> Any:
    """The signer in a PKCS#12 file (``.p12``/``.pfx``).

    Raises:
        MinutebookError: the file cannot be read, or the passphrase is wrong.
    """
    from pyhanko.sign import signers

    try:
        signer = signers.SimpleSigner.load_pkcs12(str(key), passphrase=passphrase)
    except (OSError, ValueError) as error:
        raise MinutebookError(say("sign.cannot_read_key", key=key, error=error)) from None
    if signer is None:
        raise MinutebookError(say("sign.wrong_passphrase", key=key))
    return signer


def common_name(signer: Any) -> str:
    """The common name of the signer's certificate: who signs."""
    return str(signer.signing_cert.subject.native.get("common_name", ""))


def sign(pdf: bytes, signer: Any, *, name: str, reason: str, number: int) -> bytes:
    """``pdf`` with one more PAdES signature, added as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(
        field_name=f"Justering {number}",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=name,
    )
    out = io.BytesIO()
    signers.sign_pdf(writer, meta, signer=signer, output=out)
    return out.getvalue()


def keep(meeting_file: Path, pdf: bytes, record: Record) -> None:
    """Write the signed PDF and its record beside the meeting file, each atomically."""
    signed, kept = record_paths(meeting_file)
    publish.write_atomic(signed, pdf)
    publish.write_atomic(kept, record.dumps())


@dataclass(frozen=True)
class Checked:
    """One signature of a PDF, as checked."""

    field: str
    signer: str  # the certificate's common name
    time: dt.datetime | None  # the signing time the signer's software reported
    intact: bool  # the bytes it covers are the bytes signed
    trusted: bool | None  # chains to a given trust root; None: no roots were given
    unchanged: bool  # nothing but signatures was added to the document after it

    @property
    def ok(self) -> bool:
        """Intact, nothing changed after it, and trusted when trust was asked about."""
        return self.intact and self.unchanged and self.trusted is not False


def verify(pdf: bytes, trust: list[Path]) -> list[Checked]:
    """Every signature of ``pdf``, checked; trust only against the roots in ``trust``.

    Nothing is fetched: no revocation checks, no network.
    """
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # our lines say what failed
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    try:
        roots = [load_cert_from_pemder(str(p)) for p in trust]
    except (OSError, ValueError) as error:
        raise MinutebookError(say("sign.cannot_read_roots", error=error)) from None
    context = ValidationContext(trust_roots=roots, allow_fetching=False) if roots else None
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        found = list(reader.embedded_signatures)
    except PdfReadError as error:
        raise MinutebookError(say("sign.pdf_unreadable", error=error)) from None
    out = []
    for embedded in found:
        status = validate_pdf_signature(embedded, context or ValidationContext(trust_roots=[]))
        level = status.modification_level
        unchanged = (
            status.coverage == SignatureCoverageLevel.ENTIRE_FILE
            or (level is not None and level <= ModificationLevel.FORM_FILLING)
        ) and status.docmdp_ok is not False
        out.append(
            Checked(
                field=embedded.field_name,
                signer=str(status.signing_cert.subject.native.get("common_name", "")),
                time=status.signer_reported_dt,
                intact=bool(status.intact and status.valid),
                trusted=bool(status.trusted) if roots else None,
                unchanged=unchanged,
            )
        )
    return out
