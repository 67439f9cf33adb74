"""``minutebook preview``: the minutes as the secretary writes them, new on every save.

A local web server (127.0.0.1) shows the meeting's page as the build would make it
(:func:`minutebook.build.look.look`); watchfiles watches the meeting's series folder (its
file, ``series.yaml``, data files, the other meetings its numbers follow), the archive's
settings and the template, and each save renders the page again and tells the open page to
reload, by server-sent events. A kernel is kept started ahead, its template's imports done,
so a save shows within about a second. A file that does not validate shows the lines
``check`` would print, in place of the minutes, and the preview goes on. The PDF is printed
when asked for (``/minutes.pdf``). Nothing is written to ``reports/`` or ``internal/``; Ctrl-C
stops the server, the watcher, the spare kernel and Chromium.

The page is the minutes' own HTML with one addition: a small script, allowed by a nonce in
its Content-Security-Policy, that reloads it when told to.
"""

from __future__ import annotations

import argparse
import html
import http.server
import os
import re
import secrets
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Any

from ..build.look import Look, look
from ..build.warm import Spare, likely_template
from ..errors import MinutebookError
from ..i18n import reason, say, user_language
from ..paths import HOUSE_CSS, SITE_FILE, Project

RELOAD = """<script nonce="{nonce}">
new EventSource("/events?since={version}").onmessage = () => location.reload();
</script>"""
CSP = re.compile(r'<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>')


class Preview:
    """The meeting's latest page (or errors), and who is waiting for the next one."""

    def __init__(self, project: Project, path: Path, *, warm: bool = True) -> None:
        self.project = project
        self.path = path
        self.nonce = secrets.token_urlsafe(12)
        self.version = 0
        self.shown = Look()
        self.changed = threading.Condition()
        self.spare = Spare(path.parent, likely_template(path, project)) if warm else None
        self._render_lock = threading.Lock()
        self._printer: Any = None

    def render(self) -> Look:
        """Render the meeting again, then tell every open page."""
        with self._render_lock:
            try:
                shown = look(self.path, self.project, self.spare)
            except Exception as error:  # an editor replacing the file as it saves, say
                shown = Look(errors=[f"{self.project.relative(self.path)}: {error}"])
        with self.changed:
            self.shown = shown
            self.version += 1
            self.changed.notify_all()
        return shown

    def page(self) -> bytes:
        """The page to show: the minutes, or the errors, with the script that reloads it."""
        with self.changed:
            shown, version = self.shown, self.version
        # a render finished after this page was made still reloads it
        script = RELOAD.format(nonce=self.nonce, version=version)
        policy = (
            f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'nonce-{self.nonce}'; connect-src 'self'; base-uri 'none'"
        )
        if shown.errors:
            return _errors_page(self.project.relative(self.path), shown.errors, script, policy)
        page = CSP.sub(
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">', shown.html, count=1
        )
        before, body, after = page.rpartition("</body>")
        return (f"{before}{script}\n{body}{after}" if body else page + script).encode()

    def pdf(self) -> bytes | None:
        """The page printed to PDF now, or None while there are only errors."""
        shown = self.shown
        if shown.errors or shown.setup is None:
            return None
        with self._render_lock:  # one Chromium, however many asked at once
            if self._printer is None:
                from ..build.browser import Printer

                self._printer = Printer()
        data: bytes = self._printer.pdf(shown.html, shown.setup)
        return data

    def wait(self, seen: int, timeout: float) -> int:
        """The version after ``seen``, once there is one (or ``seen`` after ``timeout``)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version > seen, timeout=timeout)
            return self.version

    def close(self) -> None:
        """Stop the spare kernel and Chromium."""
        if self.spare is not None:
            self.spare.close()
        if self._printer is not None:
            self._printer.close()


def _errors_page(file: str, errors: list[str], script: str, policy: str) -> bytes:
    """The lines ``check`` would print, in the user's language, in place of the minutes."""
    items = "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in errors)
    title = html.escape(say("preview.errors", file=file))
    style = HOUSE_CSS.read_text(encoding="utf-8")  # the minutes' look, on a phone too
    return (
        f'<!DOCTYPE html>\n<html lang="{user_language()}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<title>{title}</title><link rel="icon" href="data:,"><style>{style}</style></head>'
        f'<body><main id="main"><header class="mb-header"><h1>{title}</h1></header>'
        f'<ul class="mb-errors">{items}</ul>'
        f"<p>{html.escape(say('preview.fix'))}</p></main>{script}</body></html>"
    ).encode()


class _Server(http.server.ThreadingHTTPServer):
    """The preview's server: its handlers find the preview on it (set once bound)."""

    daemon_threads = True
    preview: Preview


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        if self.headers.get("Host") not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            # a page of another site reaching 127.0.0.1 by a name of its own (DNS
            # rebinding) must not read the minutes, internal ones included
            self._send(403, "text/plain; charset=utf-8", b"forbidden")
            return
        preview = self.server.preview
        route, _, query = self.path.partition("?")
        if route == "/":
            self._send(200, "text/html; charset=utf-8", preview.page())
        elif route == "/events":
            since = query.removeprefix("since=")
            self._events(preview, int(since) if since.isdigit() else preview.version)
        elif route == "/minutes.pdf":
            try:
                data = preview.pdf()
            except (MinutebookError, TimeoutError) as error:  # no Chromium, say
                self._send(500, "text/plain; charset=utf-8", str(error).encode())
                return
            if data is None:
                self._send(409, "text/plain; charset=utf-8", say("preview.no_pdf").encode())
            else:
                self._send(200, "application/pdf", data)
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, preview: Preview, seen: int) -> None:
        """Server-sent events: one when a render newer than ``seen`` is ready."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            while not stopping.is_set():
                now = preview.wait(seen, timeout=1.0)
                if now != seen:
                    seen = now
                    self.wfile.write(f"data: {now}\n\n".encode())
                else:
                    self.wfile.write(b": still here\n\n")  # a closed page ends the loop
                self.wfile.flush()
        except OSError:
            return

    def log_message(self, format: str, *args: Any) -> None:
        return


stopping = threading.Event()


def watched(project: Project, path: Path) -> list[Path]:
    """What a change in re-renders the meeting: its series folder, the templates, the site."""
    return [path.parent, project.root / "notebooks", project.params / SITE_FILE]


def _watch(preview: Preview, paths: list[Path]) -> None:
    import watchfiles

    roots = [p for p in paths if p.exists()]
    site = (preview.project.params / SITE_FILE).resolve()
    for changes in watchfiles.watch(*roots, stop_event=stopping, debounce=50, step=20):
        # the template the last render ran (series.yaml may choose another)
        shown = preview.shown.template
        template = (shown or preview.project.template_for(preview.path.parent.name)).resolve()
        relevant = any(
            Path(name).resolve().is_relative_to(preview.path.parent)  # data in a subfolder too
            or Path(name).resolve() in (template, site)
            for _, name in changes
        )
        if relevant:
            preview.render()


def _has_display() -> bool:
    """Whether a browser window can open (not a terminal browser taking the console)."""
    return sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )


def command(args: argparse.Namespace) -> int:
    """``minutebook preview FILE [--port N] [--no-browser]``."""
    project = Project.find()
    path = Path(args.file).resolve()
    if not path.is_file():
        print(say("preview.no_file", file=args.file), file=sys.stderr)
        return 2
    stopping.clear()
    try:  # the port first: a taken one is said at once, before a kernel starts
        server = _Server(("127.0.0.1", args.port), _Handler)
    except OSError as error:
        why = reason(error)
        raise MinutebookError(
            say("serve.cannot", host="127.0.0.1", port=args.port, error=why)
        ) from None
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    preview = server.preview = Preview(project, path)
    watcher = threading.Thread(target=_watch, args=(preview, watched(project, path)), daemon=True)
    try:
        preview.render()
        watcher.start()
        print(say("preview.serving", file=project.relative(path), address=address), flush=True)
        if not args.no_browser and _has_display():
            webbrowser.open(address)
        server.serve_forever()
    except KeyboardInterrupt:
        print(say("serve.stopped"), file=sys.stderr)
    finally:
        stopping.set()
        server.server_close()
        if watcher.is_alive():
            watcher.join()  # it ends within a step of being told (a render under way first)
        preview.close()
    return 0
