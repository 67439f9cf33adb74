"""Chromium, found and started once, printing many PDFs.

Stock nbconvert's WebPDFExporter starts a browser for every notebook and only finds one that
Playwright downloaded; neither suits us. A :class:`Printer` owns one Chromium on an event
loop of its own thread, so that (a) it can start while the kernel runs, (b) every PDF of a
run shares it, and (c) any thread can print, whatever event loop that thread has (nbclient
runs one of its own).

Which Chromium, and how it is started, is :mod:`.chromium`'s. Pages are printed offline
with JavaScript disabled: a published page must not need the network, and must not be able
to reach it.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from ..errors import ChromiumNotFound, MinutebookError
from ..i18n import say
from ..meeting.markdown import escape
from ..paths import HTML
from .chromium import QUIET_ARGS, find_chromium, sandboxed, yield_to_kernels
from .pdf import PRINT_BASE, finish

# The address a page is printed from: it never reaches a network (see _new_page), and
# the links in the PDF that start with it are made relative again afterwards.
PRINT_URL = PRINT_BASE + HTML


@dataclass(frozen=True)
class PageSetup:
    """What goes around the printed minutes: title, language and the page footer."""

    title: str
    language: str
    footer: str
    page_of: str  # "Sida {page} av {pages}"


def footer_template(setup: PageSetup) -> str:
    """Chromium's footer: body and date on the left, "Sida X av Y" on the right."""
    page_of = escape(setup.page_of).format(
        page='<span class="pageNumber"></span>', pages='<span class="totalPages"></span>'
    )
    return (
        '<div style="width:100%;margin:0 20mm;font-size:8pt;color:#4a5360;display:flex;'
        "justify-content:space-between;font-family:'Liberation Sans','Noto Naskh Arabic',"
        "'WenQuanYi Micro Hei','DejaVu Sans',"
        f'sans-serif" lang="{escape(setup.language)}"><span>{escape(setup.footer)}</span>'
        f"<span>{page_of}</span></div>"
    )


class Printer:
    """One headless Chromium that prints HTML to A4 PDFs; safe to use from any thread."""

    def __init__(self, executable: str | None = None, timeout: float = 60.0) -> None:
        self.configured = executable
        self.timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready: Future[Any] | None = None
        self._lock = threading.Lock()
        self._idle: list[Any] = []  # pages ready to print; touched only on the loop's thread
        self._content: dict[Any, str] = {}  # page -> the HTML it is printing
        self.executable: str | None = None
        self.printing = threading.Event()  # set by the first page asked for

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Start Chromium in the background; returns at once. Errors surface in :meth:`pdf`."""
        with self._lock:
            if self._ready is not None:
                return
            loop = asyncio.new_event_loop()
            self._thread = threading.Thread(
                target=loop.run_forever, name="minutebook-chromium", daemon=True
            )
            self._thread.start()
            self._loop = loop
            self._ready = asyncio.run_coroutine_threadsafe(self._launch(), loop)

    async def _launch(self) -> tuple[Any, Any]:
        from playwright.async_api import async_playwright

        yield_to_kernels()
        playwright = await async_playwright().start()
        try:
            self.executable = find_chromium(self.configured, playwright.chromium.executable_path)
            browser = await playwright.chromium.launch(
                executable_path=self.executable,
                args=QUIET_ARGS,
                chromium_sandbox=sandboxed(),
                handle_sigint=False,
                handle_sigterm=False,
                handle_sighup=False,
                timeout=self.timeout * 1000,
            )
        except ChromiumNotFound:
            await playwright.stop()
            raise
        except Exception as error:
            await playwright.stop()
            why = first_line(error)
            how = say("pdf.how_to_get")
            raise ChromiumNotFound(
                say("pdf.cannot_start", path=self.executable, error=why, how=how)
            ) from None
        # Opening a page costs as much as printing one: have one ready before it is needed.
        self._idle.append(await self._new_page(browser))
        return playwright, browser

    async def _new_page(self, browser: Any) -> Any:
        context = await browser.new_context(offline=True, java_script_enabled=False)
        page = await context.new_page()
        content = self._content

        async def serve(route: Any) -> None:
            """The page being printed comes from memory; nothing else comes at all."""
            if route.request.url == PRINT_URL:
                await route.fulfill(body=content[page], content_type="text/html; charset=utf-8")
            else:
                await _refuse_network(route)

        await page.route("**/*", serve)
        await page.emulate_media(media="print")
        return page

    def pdf(self, html: str, setup: PageSetup) -> bytes:
        """Print one self-contained HTML page to PDF bytes.

        Raises:
            ChromiumNotFound: no Chromium could be started.
            MinutebookError: Chromium failed while printing.

        """
        self.start()
        self.printing.set()
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(self._print(html, setup), self._loop)
        return finish(future.result(timeout=self.timeout * 2), html)

    async def _print(self, html: str, setup: PageSetup) -> bytes:
        assert self._ready is not None
        _, browser = await asyncio.wrap_future(self._ready)
        try:
            page = self._idle.pop() if self._idle else await self._new_page(browser)
            # Loaded from an address rather than set_content's about:blank, so that relative
            # links (attached files) stay links in the PDF; pdf.finish makes them relative.
            self._content[page] = html
            await page.goto(PRINT_URL, wait_until="load", timeout=self.timeout * 1000)
            pdf = await page.pdf(
                format="A4",
                margin={"top": "18mm", "bottom": "20mm", "left": "20mm", "right": "20mm"},
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer_template(setup),
                tagged=True,
                outline=True,
            )
        except Exception as error:
            raise MinutebookError(say("pdf.print_failed", error=first_line(error))) from None
        self._idle.append(page)  # a page is reused: set_content replaces all of it
        return bytes(pdf)

    def close(self) -> None:
        """Stop Chromium and the printer's thread."""
        with self._lock:
            loop, ready = self._loop, self._ready
            self._loop = self._ready = None
        if loop is None or ready is None:
            return

        async def stop() -> None:
            try:
                playwright, browser = await asyncio.wrap_future(ready)
            except Exception:
                return
            await browser.close()
            await playwright.stop()

        try:
            asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=30)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if self._thread:
                self._thread.join(timeout=10)
            loop.close()


def first_line(error: BaseException) -> str:
    """An error's first line, for a message of one line."""
    text = str(error).strip()
    return text.splitlines()[0] if text else repr(error)


async def _refuse_network(route: Any) -> None:
    """Nothing a page asks for may come from elsewhere: the print must work offline."""
    url = route.request.url
    if url.startswith(("data:", "about:")):
        await route.continue_()
    else:
        await route.abort()
