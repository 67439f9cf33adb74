"""`make bench`: every figure side by side in one run, as one table.

Rows: a single meeting built cold, against the plain chain (papermill CLI → nbconvert CLI →
Chromium's print); a batch of 40 meetings per meeting, against the same chain; a rebuild of
100 meetings (those 40 and 60 more) with nothing changed; the reference meeting's HTML
against nbconvert's default (lab) template; printing a PDF with a browser that is already
running; and in `minutebook preview`, the time from a save to the page showing it (median
of 10 saves).

Usage: python bench/run.py [BATCH] [REPEAT]   (defaults: 40 meetings, 3 runs)
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import generate
from preview import save_to_page
from single import BIN, MEETING, compare, fresh_project, timed

ARCHIVE = 100  # meetings the no-op rebuild looks at


def html_sizes() -> tuple[int, int]:
    """The reference minutes: ours, and nbconvert's lab template without input."""
    project = fresh_project()
    try:
        timed([[str(BIN / "minutebook"), "build", "--no-pdf", MEETING]], project)
        folder = project / "reports/umebra/2022-06-14"
        subprocess.run(
            [
                str(BIN / "jupyter"),
                "nbconvert",
                "--to",
                "html",
                "--no-input",
                "--output",
                "lab.html",
                str(folder / "minutes.ipynb"),
            ],
            check=True,
            capture_output=True,
        )
        return (folder / "minutes.html").stat().st_size, (folder / "lab.html").stat().st_size
    finally:
        shutil.rmtree(project)


def warm_pdf(prints: int = 10) -> float:
    """Seconds per PDF once the browser runs (the reference minutes, printed again)."""
    import nbformat

    from minutebook.build.browser import Printer
    from minutebook.build.render import render_html

    project = fresh_project()
    try:
        timed([[str(BIN / "minutebook"), "build", "--no-pdf", MEETING]], project)
        nb = nbformat.read(project / "reports/umebra/2022-06-14/minutes.ipynb", as_version=4)
        html, setup = render_html(nb)
        with Printer() as printer:
            printer.pdf(html, setup)  # the first one starts the browser
            started = time.perf_counter()
            for _ in range(prints):
                printer.pdf(html, setup)
            return (time.perf_counter() - started) / prints
    finally:
        shutil.rmtree(project)


def word_and_signature(repeat: int = 5) -> tuple[float, float]:
    """Seconds for the Word copy of the reference minutes, and for one PAdES signature."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from minutebook.build import signing, word

    project = fresh_project()
    try:
        timed([[str(BIN / "minutebook"), "build", MEETING]], project)
        folder = project / "reports/umebra/2022-06-14"
        html = (folder / "minutes.html").read_text("utf-8")
        started = time.perf_counter()
        for _ in range(repeat):
            word.docx(html, title="Mötesanteckningar", language="sv", day="2022-06-14")
        docx = (time.perf_counter() - started) / repeat
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Bench Signer")])
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(1)
            .not_valid_before(now)
            .not_valid_after(now + dt.timedelta(days=1))
            .sign(key, hashes.SHA256())
        )
        p12 = project / "signer.p12"
        p12.write_bytes(
            pkcs12.serialize_key_and_certificates(
                b"b", key, cert, None, serialization.NoEncryption()
            )
        )
        pdf = (folder / "minutes.pdf").read_bytes()
        started = time.perf_counter()
        signer = signing.load_signer(p12, None)
        for n in range(repeat):
            signing.sign(pdf, signer, name="Bench Signer", reason="Justering", number=n + 1)
        return docx, (time.perf_counter() - started) / repeat
    finally:
        shutil.rmtree(project)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    ours, plain = compare(repeat)
    single, chain = statistics.median(ours), statistics.median(plain)

    project = fresh_project()
    try:
        made = generate(project, max(count, ARCHIVE))
        batch = [str(path.relative_to(project)) for path in made[:count]]
        full = timed([[str(BIN / "minutebook"), "build", "--force", *batch]], project)
        timed([[str(BIN / "minutebook"), "build"]], project)  # the others
        noop = timed([[str(BIN / "minutebook"), "build"]], project)
    finally:
        shutil.rmtree(project)
    ours_html, lab_html = html_sizes()
    pdf = warm_pdf()
    docx, signature = word_and_signature()
    look_plain = statistics.median(save_to_page("example-board"))
    look_data = statistics.median(save_to_page("umebra"))

    rows = [
        (
            "single meeting, cold",
            f"{single:.2f} s",
            f"{chain:.2f} s",
            f"{single / chain:.2f}",
            "≤ 0.35",
        ),
        (
            f"batch of {count}, per meeting",
            f"{full / count:.2f} s",
            f"{chain:.2f} s",
            f"{full / count / chain:.2f}",
            "≤ 0.40 s",
        ),
        (f"no-op rebuild of {max(count, ARCHIVE)}", f"{noop:.2f} s", "", "", "< 0.30 s"),
        (
            "HTML of the reference meeting",
            f"{ours_html / 1024:.1f} KB",
            f"{lab_html / 1024:.1f} KB",
            f"{ours_html / lab_html:.2f}",
            "≤ 60 KB",
        ),
        ("PDF per meeting, warm browser", f"{pdf:.2f} s", "", "", ""),
        ("Word copy per page (pandoc)", f"{docx:.2f} s", "", "", "< 0.50 s"),
        ("one PAdES signature (pyHanko)", f"{signature:.2f} s", "", "", "< 0.50 s"),
        ("preview, save to page", f"{look_plain:.2f} s", "", "", "≤ 1.00 s"),
        ("preview with a data section", f"{look_data:.2f} s", "", "", "≤ 1.50 s"),
    ]
    head = ("measure", "minutebook", "plain chain / lab", "ratio", "target")
    widths = [max(len(str(r[i])) for r in (head, *rows)) for i in range(5)]
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    print(
        f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; medians of {repeat} runs"
    )
    for row in (head, tuple("-" * w for w in widths), *rows):
        print(" | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main()
