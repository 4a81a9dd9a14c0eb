"""A small HTTP server on 127.0.0.1 for the fetch, feed and watch tests: no internet needed.

Each path is a ``Route``: a body with its status and headers, optionally behind an ETag
or Last-Modified (a matching conditional request gets 304), slow, failing its first
requests with 500, or redirecting. Every request is logged, so tests can count what was
fetched. Routes can be changed while the server runs (a feed gaining an item).
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    fail_first: int = 0  # answer 500 to this many requests first
    redirect: str | None = None  # a Location, with status 301 unless ``status`` says otherwise
    chunked: bool = False  # no Content-Length: the body is sent in chunks


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]


class LoopbackServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._served: dict[str, int] = {}
        self._server: ThreadingHTTPServer | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for r in self.requests if r.path == path)

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.requests.append(Request(path, {k.lower(): v for k, v in handler.headers.items()}))
            route = self.routes.get(path)
            count = self._served.get(path, 0)
            self._served[path] = count + 1
        if route is None:
            _send(handler, 404, {"Content-Type": "text/plain"}, b"not found")
            return
        if route.delay:
            time.sleep(route.delay)
        if count < route.fail_first:
            _send(handler, 500, {"Content-Type": "text/plain"}, b"server error")
            return
        if route.redirect is not None:
            _send(handler, route.status if route.status != 200 else 301, {"Location": route.redirect}, b"")
            return
        headers = dict(route.headers)
        if route.content_type:
            headers["Content-Type"] = route.content_type
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        asked_etag = handler.headers.get("If-None-Match")
        asked_since = handler.headers.get("If-Modified-Since")
        if (route.etag and asked_etag == route.etag) or (
            route.last_modified and asked_since == route.last_modified and not asked_etag
        ):
            _send(handler, 304, headers, b"")
            return
        _send(handler, route.status, headers, route.body, chunked=route.chunked)


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    headers: dict[str, str],
    body: bytes,
    *,
    chunked: bool = False,
) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    if chunked:
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(body), 4096):
            piece = body[start : start + 4096]
            handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")
        return
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if status != 304:
        handler.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that drops its connection (a size cap, a timeout) is part of the tests.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def serve() -> Iterator[LoopbackServer]:
    """A running server on 127.0.0.1 (a free port), stopped afterwards."""
    state = LoopbackServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            # The client may give up (a timeout test): then there is no one to answer.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                state._answer(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = _QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False
    state._server = server
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
