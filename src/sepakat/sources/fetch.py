"""Fetching pages and feeds over HTTP(S): polite, bounded, and never inward.

    Fetcher(policy).fetch(url, etag=..., last_modified=...) -> Fetched
    ├── address guard   a connection goes only to public addresses: loopback, private,
    │                   link-local (cloud metadata at 169.254.169.254), shared (CGNAT),
    │                   multicast and reserved ranges are refused unless
    │                   ``policy.allow_networks`` holds them. It is checked where the socket
    │                   is opened, on the address connected to, for the first hop and every
    │                   redirect, so a DNS answer cannot slip past it
    ├── robots.txt      per origin (RFC 9309: a 4xx means no rules, a 5xx or no answer
    │                   means stay out); its Crawl-delay stretches the per-host interval
    ├── politeness      one request per host every ``policy.min_interval`` seconds
    ├── retries         connection errors, timeouts, 429 and 5xx: ``policy.retries`` more
    │                   tries with doubling back-off, Retry-After honoured up to a cap
    ├── redirects       followed by hand, at most ``policy.max_redirects``, http(s) only
    ├── conditional     If-None-Match / If-Modified-Since; a 304 is ``Fetched.not_modified``
    └── size cap        Content-Length, then the decoded body counted as it streams

Every failure is a ``FetchFailed(url, reason, transient=...)`` (an ``InputRefused``): the
caller records it and goes on; ``transient`` (retries used up, robots.txt unreadable)
means a later try may work.
A ``Fetcher`` is used from one thread; it holds one httpx client (keep-alive per host).
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import os
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from httpcore._backends.sync import SyncStream  # the stream type SyncBackend itself returns

from sepakat.errors import FetchFailed, InputRefused, UsageError

__all__ = [
    "ALLOW_NETWORKS_ENV",
    "FETCH_DELAY_ENV",
    "FetchPolicy",
    "Fetched",
    "Fetcher",
    "address_allowed",
    "parse_networks",
]

log = logging.getLogger(__name__)

ALLOW_NETWORKS_ENV = "SEPAKAT_ALLOW_NETWORKS"
FETCH_DELAY_ENV = "SEPAKAT_FETCH_DELAY"
USER_AGENT = "sepakat/0.1 (news registry of cooperation agreements; honours robots.txt)"
ROBOTS_AGENT = "sepakat"
ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_TTL_SECONDS = 24 * 3600
ROBOTS_RETRY_SECONDS = 600
MAX_CRAWL_DELAY = 30.0
# Host names that name a cloud metadata service whatever they resolve to.
METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata", "instance-data", "instance-data.ec2.internal"}
)

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(value: str | Iterable[str]) -> tuple[Network, ...]:
    """Networks from "127.0.0.0/8,::1" (or a list of such strings); a bad one is a usage error."""
    items = value.split(",") if isinstance(value, str) else list(value)
    networks: list[Network] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise UsageError(f"not a network address: {item!r} (give e.g. 127.0.0.0/8 or ::1)") from None
    return tuple(networks)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How the fetcher behaves; the defaults suit following news sites from one machine."""

    timeout: float = 20.0  # seconds for connecting, and between two reads of the body
    total_timeout: float = 60.0  # seconds for one response, however slowly it trickles
    retries: int = 2
    backoff: float = 1.0  # seconds before the first retry, doubling after
    max_backoff: float = 30.0
    min_interval: float = 1.0  # seconds between two requests to one host
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    allow_networks: tuple[Network, ...] = ()

    @classmethod
    def from_env(cls, **overrides: Any) -> FetchPolicy:
        """The defaults, with SEPAKAT_ALLOW_NETWORKS and SEPAKAT_FETCH_DELAY applied, then ``overrides``."""
        values: dict[str, Any] = {}
        if os.environ.get(ALLOW_NETWORKS_ENV):
            values["allow_networks"] = parse_networks(os.environ[ALLOW_NETWORKS_ENV])
        if os.environ.get(FETCH_DELAY_ENV):
            try:
                values["min_interval"] = float(os.environ[FETCH_DELAY_ENV])
            except ValueError:
                raise UsageError(f"{FETCH_DELAY_ENV} must be a number of seconds") from None
        return cls(**(values | overrides))


@dataclass(frozen=True, slots=True)
class Fetched:
    """One response: the body when it changed, or ``not_modified`` for a 304."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    not_modified: bool = False


class BlockedAddressError(Exception):
    """A connection to an address the policy does not allow (raised where the socket opens)."""


def address_allowed(address: str, allow: tuple[Network, ...] = ()) -> bool:
    """Whether ``address`` (an IP literal) may be connected to: public, or explicitly allowed."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if any(ip.version == net.version and ip in net for net in allow):
        return True
    return ip.is_global and not ip.is_multicast


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only to an allowed address (pinned: no rebinding)."""

    def __init__(self, allow: tuple[Network, ...]) -> None:
        self.allow = allow

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as error:
            raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from error
        allowed = [info for info in infos if address_allowed(str(info[4][0]), self.allow)]
        if not allowed:
            found = ", ".join(sorted({str(info[4][0]) for info in infos}))
            raise BlockedAddressError(
                f"{host} is at {found}, a loopback, private, link-local or reserved address; "
                f"set {ALLOW_NETWORKS_ENV} (or --allow-network) to fetch from it"
            )
        last_error: OSError | None = None
        for family, kind, proto, _name, address in allowed:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(timeout)
                sock.connect(address)
            except OSError as error:
                sock.close()
                last_error = error
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return SyncStream(sock)
        if isinstance(last_error, TimeoutError):
            raise httpcore.ConnectTimeout(str(last_error)) from last_error
        raise httpcore.ConnectError(f"cannot connect to {host}:{port}: {last_error}") from last_error


def _guarded_transport(allow: tuple[Network, ...]) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx takes no network backend; the pool it builds is swapped for one that has ours.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=20,
        network_backend=_GuardedBackend(allow),
    )
    return transport


class _RetryableError(Exception):
    """A failure worth another try, after ``delay`` seconds (None: the back-off decides)."""

    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


class Fetcher:
    """Fetches URLs under one ``FetchPolicy``; close it (or use ``with``) when done."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy.from_env()
        self._sleep = sleep
        self._client = httpx.Client(
            transport=transport or _guarded_transport(self.policy.allow_networks),
            timeout=httpx.Timeout(self.policy.timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.policy.user_agent, "Accept": ACCEPT},
        )
        self._next_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """GET ``url`` (conditionally when ``etag`` or ``last_modified`` is given)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            _check_scheme(url, current)
            if self.policy.respect_robots:
                self._check_robots(url, current)
            status, response_headers, body = self._with_retries(url, current, headers)
            if status in REDIRECT_STATUSES and response_headers.get("location"):
                current = urljoin(current, response_headers["location"])
                continue
            if status == 304:
                return Fetched(
                    url, current, status, etag=etag, last_modified=last_modified, not_modified=True
                )
            if status != 200:
                raise FetchFailed(url, f"HTTP {status} from {current}")
            return Fetched(
                url,
                current,
                status,
                content_type=response_headers.get("content-type"),
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                body=body,
            )
        raise FetchFailed(url, f"more than {self.policy.max_redirects} redirects")

    def _with_retries(
        self, url: str, current: str, headers: dict[str, str], max_bytes: int | None = None
    ) -> tuple[int, httpx.Headers, bytes]:
        delay = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            try:
                return self._get(url, current, headers, max_bytes or self.policy.max_bytes)
            except _RetryableError as retry:
                if attempt == self.policy.retries:
                    raise FetchFailed(
                        url, f"{retry.reason} (after {attempt + 1} tries)", transient=True
                    ) from None
                wait = min(retry.delay if retry.delay is not None else delay, self.policy.max_backoff)
                log.info("%s: %s; trying again in %.1f s", current, retry.reason, wait)
                self._sleep(wait)
                delay *= 2
        raise AssertionError("unreachable")

    def _get(
        self, url: str, current: str, headers: dict[str, str], max_bytes: int
    ) -> tuple[int, httpx.Headers, bytes]:
        """One request; a failure worth retrying raises ``_RetryableError``, a final one ``InputRefused``."""
        self._wait_turn(current)
        deadline = time.monotonic() + self.policy.total_timeout
        try:
            with self._client.stream("GET", current, headers=headers) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _RetryableError(f"HTTP {response.status_code}", _retry_after(response.headers))
                if response.status_code != 200:
                    return response.status_code, response.headers, b""
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchFailed(
                        url, f"{current} is {int(declared):,} bytes, over the cap of {max_bytes:,}"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchFailed(url, f"{current} is over the cap of {max_bytes:,} bytes")
                    if time.monotonic() > deadline:
                        raise _RetryableError(f"the response took over {self.policy.total_timeout:g} s")
                    chunks.append(chunk)
                return response.status_code, response.headers, b"".join(chunks)
        except BlockedAddressError as blocked:
            raise _Blocked(url, str(blocked)) from None
        except httpx.TimeoutException:
            raise _RetryableError(
                f"no answer from {_origin(current)} within {self.policy.timeout:g} s"
            ) from None
        except httpx.TransportError as error:
            raise _RetryableError(
                f"cannot reach {_origin(current)}: {error or type(error).__name__}"
            ) from None
        except httpx.HTTPError as error:  # a malformed response (bad encoding, bad chunking)
            raise FetchFailed(url, f"bad response from {current}: {error}") from None

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        now = time.monotonic()
        ready = self._next_request.get(host, now)
        if ready > now:
            self._sleep(ready - now)
        interval = max(self.policy.min_interval, self._crawl_delay(url))
        self._next_request[host] = max(ready, now) + interval

    def _crawl_delay(self, url: str) -> float:
        cached = self._robots.get(_origin(url))
        if cached is None:
            return 0.0
        delay = cached.rules.crawl_delay(ROBOTS_AGENT)
        return min(float(delay), MAX_CRAWL_DELAY) if delay else 0.0

    def _check_robots(self, url: str, current: str) -> None:
        origin = _origin(current)
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() > cached.expires:
            cached = self._load_robots(url, origin)
            self._robots[origin] = cached
        if cached.problem is not None:
            raise FetchFailed(
                url,
                f"robots.txt of {origin} could not be read ({cached.problem}); not fetched",
                transient=True,
            )
        if not cached.rules.can_fetch(ROBOTS_AGENT, current):
            raise FetchFailed(url, f"robots.txt of {origin} disallows {current}")

    def _load_robots(self, url: str, origin: str) -> _Robots:
        rules = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        current = origin + "/robots.txt"
        try:
            for _hop in range(self.policy.max_redirects + 1):
                status, headers, body = self._with_retries(url, current, {}, ROBOTS_MAX_BYTES)
                if status not in REDIRECT_STATUSES or not headers.get("location"):
                    break
                current = urljoin(current, headers["location"])
                _check_scheme(url, current)
        except _Blocked:
            raise
        except InputRefused as refused:
            # RFC 9309: unreachable means stay out; asked again sooner than a rule file.
            return _Robots(rules, time.monotonic() + ROBOTS_RETRY_SECONDS, refused.reason)
        if status == 200:
            rules.parse(body.decode("utf-8", "replace").splitlines())
        elif 400 <= status < 500 or status in REDIRECT_STATUSES:
            rules.parse([])  # no rules: everything allowed
        else:
            return _Robots(rules, time.monotonic() + ROBOTS_RETRY_SECONDS, f"HTTP {status}")
        return _Robots(rules, time.monotonic() + ROBOTS_TTL_SECONDS, None)


@dataclass(frozen=True, slots=True)
class _Robots:
    rules: urllib.robotparser.RobotFileParser
    expires: float  # time.monotonic()
    problem: str | None  # why the file could not be read: then nothing of the origin is fetched


class _Blocked(FetchFailed):
    """The address guard refused a connection; never softened into "robots.txt unreadable"."""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _check_scheme(url: str, current: str) -> None:
    parts = urlsplit(current)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchFailed(url, f"cannot fetch {current!r}: only http and https URLs are fetched")
    if parts.hostname.lower().rstrip(".") in METADATA_HOSTS:
        raise FetchFailed(url, f"{parts.hostname} is a cloud metadata service; not fetched")


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
