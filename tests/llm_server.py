"""A real OpenAI-compatible HTTP server on loopback, with scripted behaviour per request.

Implements POST /v1/chat/completions (JSON and server-sent-event streaming). By default
it answers like a careful model: the first sentence of source [1], cited [1]. A test
pushes behaviours onto `script` to inject faults: ``("status", 429, {"Retry-After": "1"})``,
``("status", 500, {})``, ``("sleep", seconds)``, ``("cut",)`` (a stream that stops midway),
``("reply", text)`` (a scripted answer), ``("garbage",)`` (200 with a body that is not JSON). Every request body is kept in `requests`.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeLLMServer:
    def __init__(self) -> None:
        self.script: deque[tuple] = deque()
        self.requests: list[dict[str, Any]] = []
        self.auth_headers: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                server.requests.append(body)
                server.auth_headers.append(self.headers.get("Authorization", ""))
                action = server.script.popleft() if server.script else ("default",)
                server.handle(self, body, action)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                import sys

                if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
                    super().handle_error(request, client_address)  # a client that gave up is no error

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FakeLLMServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @staticmethod
    def default_reply(body: dict[str, Any]) -> str:
        user = body["messages"][-1]["content"]
        m = re.search(r'<source n="1"[^>]*>\n(.*?)\n</source>', user, re.S)
        first = re.split(r"(?<=[.!?])\s", m.group(1).strip())[0] if m else "The archive does not say."
        return f"{first} [1]"

    def handle(self, h: BaseHTTPRequestHandler, body: dict[str, Any], action: tuple) -> None:
        kind = action[0]
        if kind == "status":
            _, code, headers = action
            payload = json.dumps({"error": {"message": f"injected {code}", "type": "test"}}).encode()
            h.send_response(code)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
            return
        if kind == "garbage":  # 200 OK with a body that is not what the API promises
            payload = b"data: {not json at all\n\n" if body.get("stream") else b"<html>proxy error</html>"
            h.send_response(200)
            h.send_header("Content-Type", "text/event-stream" if body.get("stream") else "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)
            return
        if kind == "sleep":
            time.sleep(action[1])
            text = self.default_reply(body)
        elif kind == "reply":
            text = action[1]
        else:
            text = self.default_reply(body)
        if body.get("stream"):
            self._stream(h, body, text, cut=kind == "cut")
        else:
            payload = json.dumps({
                "id": "x", "object": "chat.completion", "created": 0, "model": body.get("model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}).encode()
            h.send_response(200)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            h.wfile.write(payload)

    @staticmethod
    def _stream(h: BaseHTTPRequestHandler, body: dict[str, Any], text: str, cut: bool) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()

        def send(obj: Any) -> None:
            data = f"data: {obj if isinstance(obj, str) else json.dumps(obj)}\n\n".encode()
            h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            h.wfile.flush()

        pieces = re.findall(r"\S+\s*", text) or [text]
        for i, piece in enumerate(pieces):
            if cut and i == len(pieces) // 2:
                h.wfile.write(b"5\r\ndata:")  # a chunk that never completes, then hang up
                h.wfile.flush()
                h.close_connection = True
                return
            send({"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body.get("model"),
                  "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
        send({"id": "x", "object": "chat.completion.chunk", "created": 0, "model": body.get("model"),
              "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        send("[DONE]")
        h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()
