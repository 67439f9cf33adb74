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
from ..build.warm import Spare
from ..errors import MinutebookError
from ..i18n import reason, say, user_language
from ..paths import SITE_FILE, Project

RELOAD = """<script nonce="{nonce}">
new EventSource("/events").onmessage = () => location.reload();
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
        self.spare = Spare(path.parent, project.template_for(path.parent.name)) if warm else None
        self._render_lock = threading.Lock()
        self._printer: Any = None

    def render(self) -> Look:
        """Render the meeting again, then tell every open page."""
        with self._render_lock:
            shown = look(self.path, self.project, self.spare)
        with self.changed:
            self.shown = shown
            self.version += 1
            self.changed.notify_all()
        return shown

    def page(self) -> bytes:
        """The page to show: the minutes, or the errors, with the script that reloads it."""
        shown = self.shown
        script = RELOAD.format(nonce=self.nonce)
        policy = (
            f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src 'nonce-{self.nonce}'; connect-src 'self'; base-uri 'none'"
        )
        if shown.errors:
            return _errors_page(self.project.relative(self.path), shown.errors, script, policy)
        page = CSP.sub(
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">', shown.html, count=1
        )
        return page.replace("</body>", f"{script}\n</body>", 1).encode()

    def pdf(self) -> bytes | None:
        """The page printed to PDF now, or None while there are only errors."""
        shown = self.shown
        if shown.errors or shown.setup is None:
            return None
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
    return (
        f'<!DOCTYPE html>\n<html lang="{user_language()}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<title>{title}</title><link rel="icon" href="data:,"></head><body><main id="main">'
        f'<h1>{title}</h1><ul class="mb-errors">{items}</ul>'
        f"<p>{html.escape(say('preview.fix'))}</p></main>{script}</body></html>"
    ).encode()


def _handler(preview: Preview) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            route = self.path.split("?", 1)[0]
            if route == "/":
                self._send(200, "text/html; charset=utf-8", preview.page())
            elif route == "/events":
                self._events()
            elif route == "/minutes.pdf":
                data = preview.pdf()
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

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = preview.version
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

    return Handler


stopping = threading.Event()


def watched(project: Project, path: Path) -> list[Path]:
    """What a change in re-renders the meeting: its series folder, the template, the site."""
    template = project.template_for(path.parent.name)
    return [path.parent, template.parent, project.params / SITE_FILE]


def _watch(preview: Preview, paths: list[Path]) -> None:
    import watchfiles

    template = preview.project.template_for(preview.path.parent.name)
    roots = [p for p in paths if p.exists()]
    for changes in watchfiles.watch(*roots, stop_event=stopping, debounce=50, step=20):
        relevant = any(
            Path(name).is_relative_to(preview.path.parent)  # its data may be in a subfolder
            or Path(name) in (template, preview.project.params / SITE_FILE)
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
    path = Path(args.file).absolute()
    if not path.is_file():
        print(say("preview.no_file", file=args.file), file=sys.stderr)
        return 2
    stopping.clear()
    preview = Preview(project, path)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), _handler(preview))
    except OSError as error:
        preview.close()
        why = reason(error)
        raise MinutebookError(
            say("serve.cannot", host="127.0.0.1", port=args.port, error=why)
        ) from None
    server.daemon_threads = True
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    preview.render()
    watcher = threading.Thread(target=_watch, args=(preview, watched(project, path)), daemon=True)
    watcher.start()
    print(say("preview.serving", file=project.relative(path), address=address), flush=True)
    if not args.no_browser and _has_display():
        webbrowser.open(address)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(say("serve.stopped"), file=sys.stderr)
    finally:
        stopping.set()
        server.server_close()
        watcher.join(timeout=5)
        preview.close()
    return 0
