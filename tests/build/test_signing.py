"""Digital justering: PAdES signatures on the published PDF, kept as a record beside the
meeting file, checked by `minutebook verify`, and never dropped silently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pypdf import PdfReader

from conftest import correct, make_project, minutebook

pytestmark = pytest.mark.e2e

MEETING = "params/kommunstyrelsen/2024-03-12.yaml"
SIGNED = "params/kommunstyrelsen/2024-03-12.signed.pdf"
PUBLISHED = "reports/kommunstyrelsen/2024-03-12/minutes.pdf"


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _usage(ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


class Authority:
    """A test CA of our own, and signers' PKCS#12 files it issues (nothing from outside)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name("Norrbacka test-CA"))
            .issuer_name(_name("Norrbacka test-CA"))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(_usage(ca=True), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.pem = folder / "ca.pem"
        self.pem.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))

    def signer(self, common: str, passphrase: str = "hemligt") -> Path:
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(common))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(_usage(ca=False), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        path = self.folder / f"{common.replace(' ', '_').replace(',', '')}.p12"
        encryption = serialization.BestAvailableEncryption(passphrase.encode())
        path.write_bytes(
            pkcs12.serialize_key_and_certificates(b"k", key, cert, [self.cert], encryption)
        )
        return path


def sign(root: Path, authority: Authority, signer: str, *more: str):
    """`minutebook sign` with a key the test CA issued to ``signer``."""
    key = str(authority.signer(signer))
    phrase = str(authority.folder / "passphrase.txt")
    return minutebook("sign", MEETING, "--key", key, "--passphrase-file", phrase, *more, cwd=root)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Authority]:
    """The example protokoll, built, then signed by its chair and its adjuster."""
    root = make_project(tmp_path_factory.mktemp("signed"), series=("kommunstyrelsen",))
    keys = tmp_path_factory.mktemp("keys")
    authority = Authority(keys)
    phrase = keys / "passphrase.txt"
    phrase.write_text("hemligt\n", "utf-8")
    assert minutebook("build", MEETING, cwd=root).status == 0
    unsigned = (root / PUBLISHED).read_bytes()
    (keys / "unsigned.pdf").write_bytes(unsigned)
    chair = sign(root, authority, "Karin Holm")
    assert chair.status == 0, chair.err
    assert "signed params/kommunstyrelsen/2024-03-12.signed.pdf as Karin Holm (chair)" in chair.out
    assert "still to sign: Erik Sandberg" in chair.out
    adjuster = sign(root, authority, "SANDBERG, ERIK", "--as", "Erik Sandberg")
    assert adjuster.status == 0, adjuster.err
    assert "justerat: everyone has signed" in adjuster.out
    return root, authority


def test_both_signatures_are_intact_and_trusted(signed):
    root, authority = signed
    assert (root / PUBLISHED).read_bytes() == (root / SIGNED).read_bytes()
    run = minutebook("verify", MEETING, "--trust", str(authority.pem), cwd=root)
    assert run.status == 0, run.out
    lines = run.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("Justering 1: Karin Holm, signed ")
    assert lines[1].startswith("Justering 2: SANDBERG, ERIK, signed ")
    for line in lines:
        assert line.endswith(": intact, unchanged since, trusted"), line
    # the page and the archive say so, once the chair and every adjuster have signed
    page = (root / "reports/kommunstyrelsen/2024-03-12/minutes.html").read_text("utf-8")
    assert '<p class="mb-signed" role="note"><strong>Justerat digitalt:</strong> Karin Holm' in page
    assert "Erik Sandberg (justerare, " in page
    series = (root / "reports/kommunstyrelsen/index.html").read_text("utf-8")
    assert '<strong class="mb-tag mb-tag-signed">Justerat digitalt</strong>' in series


def test_signing_keeps_what_makes_the_pdf_accessible(signed):
    root, authority = signed
    before = PdfReader(authority.folder / "unsigned.pdf")
    after = PdfReader(root / SIGNED)
    root_object = after.trailer["/Root"]
    assert "/StructTreeRoot" in root_object and root_object["/Lang"] == "sv"
    assert after.metadata["/Title"] == before.metadata["/Title"]
    assert len(after.outline) == len(before.outline) and len(after.pages) == len(before.pages)
    # an incremental update: the unsigned bytes are the start of the signed ones
    assert (root / SIGNED).read_bytes().startswith((authority.folder / "unsigned.pdf").read_bytes())


def test_a_flipped_byte_or_an_unknown_root_fails_verify(signed, tmp_path):
    root, authority = signed
    data = bytearray((root / SIGNED).read_bytes())
    data[len(data) // 3] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert minutebook("verify", str(broken), "--trust", str(authority.pem), cwd=root).status == 1
    other = Authority(tmp_path)
    untrusted = minutebook("verify", MEETING, "--trust", str(other.pem), cwd=root)
    assert untrusted.status == 1 and "NOT TRUSTED" in untrusted.out
    unchecked = minutebook("verify", MEETING, cwd=root)
    assert unchecked.status == 0 and "trust not checked" in unchecked.out


def test_someone_who_does_not_sign_minutes_is_refused(signed):
    root, authority = signed
    member = sign(root, authority, "Lena Berglund")
    assert member.status == 1
    assert "Lena Berglund is neither the chair nor an adjuster" in member.err
    stranger = sign(root, authority, "Okänd Person")
    assert stranger.status == 1 and "say who signs with --as NAME" in stranger.err


def test_a_rebuild_keeps_the_signatures_and_a_change_is_refused(signed, tmp_path):
    import shutil

    root = tmp_path / "p"
    shutil.copytree(signed[0], root)
    kept = (root / SIGNED).read_bytes()
    assert "0 built, 1 up to date" in minutebook("build", MEETING, cwd=root).out
    assert minutebook("build", "--force", MEETING, cwd=root).status == 0
    assert (root / PUBLISHED).read_bytes() == kept  # layout rebuilt, the record published
    correct(root / MEETING, "att utse Erik Sandberg", "att utse Erik Sandberg (S)")
    run = minutebook("build", MEETING, cwd=root)
    assert run.status == 1
    assert "signed by Karin Holm (chair, " in run.err and "Erik Sandberg (adjuster, " in run.err
    assert "--resign" in run.err
    assert (root / PUBLISHED).read_bytes() == kept
    assert minutebook("build", "--resign", MEETING, cwd=root).status == 0
    assert (root / PUBLISHED).read_bytes() != kept and not (root / SIGNED).exists()
