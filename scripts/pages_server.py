"""A local stand-in for GitHub Pages: serves a built site under a sub-path such as /<repo>/.

Like GitHub Pages it answers a missing path with the site's 404.html (status 404), redirects a
folder without its slash, and sends text gzip-compressed. The browser tests and scripts/lighthouse
use it so that they see the site the way a reader does.
"""

from __future__ import annotations

import gzip
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# GitHub Pages serves a project site at https://<owner>.github.io/<repo>/: every link must work below that folder.
SUBPATH = "/north-korean-refugees-factcheck/"
COMPRESSED = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
              "application/xml", "text/xml", "image/svg+xml"}


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, subpath: str, **kwargs):
        self.subpath = subpath
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # one line per request would bury a test's own output
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and (path / "index.html").is_file():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = path / "index.html"
        if not path.is_file():
            return self._send_file(Path(self.directory) / self.subpath.strip("/") / "404.html", HTTPStatus.NOT_FOUND)
        return self._send_file(path, HTTPStatus.OK)

    def _send_file(self, path: Path, status: HTTPStatus):
        body = path.read_bytes()
        ctype = self.guess_type(str(path))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.split(";")[0] in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection early is normal, not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class PagesServer:
    """Serves ``root`` (which holds the site in ``root/<subpath>``) on 127.0.0.1 in a background thread."""

    def __init__(self, root: Path, subpath: str, port: int = 0):
        self.subpath = "/" + subpath.strip("/") + "/"
        handler = partial(_Handler, directory=str(root), subpath=self.subpath)
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """The site's address, e.g. http://127.0.0.1:40123/repo/."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{self.subpath}"

    def __enter__(self) -> PagesServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
