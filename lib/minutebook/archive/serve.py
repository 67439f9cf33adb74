"""``minutebook serve``: the archive on a local web server, for a preview.

Search needs it: browsers refuse to load Pagefind's modules from ``file://``. It binds to
127.0.0.1 by default, serves only ``reports/`` and nothing in it whose name starts with a
dot (as a public web server should be set up: docs/open-data.md), and logs nothing but errors.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..errors import MinutebookError
from ..i18n import reason, say


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class declares it so
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def send_head(self) -> Any:
        """Nothing whose name starts with a dot: the build's stamps, a half-written folder."""
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if any(part.startswith(".") for part in unquote(path).split("/")):
            self.send_error(404)
            return None
        return super().send_head()

    def log_message(self, format: str, *args: Any) -> None:
        if len(args) > 1 and str(args[1]).startswith(("4", "5")) and args[1] != "404":
            super().log_message(format, *args)


def make_server(folder: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.HTTPServer:
    """A server for ``folder`` (not yet serving); ``port=0`` picks a free port."""
    handler = functools.partial(_Quiet, directory=str(folder))
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve(folder: Path, host: str, port: int) -> None:
    """Serve ``folder`` until interrupted.

    Raises:
        MinutebookError: the address cannot be used (a port taken, say).
    """
    try:
        server = make_server(folder, host, port)
    except OSError as error:
        why = reason(error)
        raise MinutebookError(say("serve.cannot", host=host, port=port, error=why)) from None
    bound_host, bound_port = server.server_address[:2]
    address = f"http://{bound_host!s}:{bound_port}/"
    print(say("serve.serving", folder=folder, address=address), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(say("serve.stopped"), file=sys.stderr)
    finally:
        server.server_close()


def command(args: argparse.Namespace) -> int:
    """``minutebook serve [--port N] [--bind ADDRESS]``: the project's ``reports/``."""
    from ..paths import INDEX, Project

    project = Project.find()
    reports = project.reports
    if not (reports / INDEX).is_file():
        print(say("serve.nothing", folder=project.relative(reports)), file=sys.stderr)
        return 2
    serve(reports, args.bind, args.port)
    return 0
