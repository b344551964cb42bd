"""A local HTTP server for the fetching tests: routes the test sets, a log of every request.

Started on a free port in a thread by the `web` fixture and shut down by it. A route is
a list of responses served in turn (the last one repeats); a response may carry an ETag,
which the server honours with 304 on a matching If-None-Match, a delay, or a redirect.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    etag: str = ""
    delay_s: float = 0.0
    location: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.served: dict[str, int] = {}
        self.log: list[tuple[str, str, dict[str, str]]] = []  # (method, path, headers)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.log.append(("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
                replies = server.routes.get(self.path)
                if not replies:
                    self.send_response(404)
                    self.end_headers()
                    return
                n = server.served.get(self.path, 0)
                server.served[self.path] = n + 1
                r = replies[min(n, len(replies) - 1)]
                if r.delay_s:
                    time.sleep(r.delay_s)
                if r.etag and self.headers.get("If-None-Match") == r.etag:
                    self.send_response(304)
                    self.send_header("ETag", r.etag)
                    self.end_headers()
                    return
                body = r.body.encode("utf-8") if isinstance(r.body, str) else r.body
                self.send_response(r.status)
                if r.location:
                    self.send_header("Location", r.location)
                if r.etag:
                    self.send_header("ETag", r.etag)
                for k, v in r.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", r.content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that gave up (the timeout test) is expected, not an error to print

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.url + path

    def paths(self, since: int = 0) -> list[str]:
        """Paths requested (from the `since`-th request on), robots.txt left out."""
        return [p for _, p, _ in self.log[since:] if p != "/robots.txt"]

    def start(self) -> WebServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)
