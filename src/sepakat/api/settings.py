"""What one server runs with; built once by ``sepakat serve`` (or a test) and never changed."""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, field

READ_TOKEN_ENV = "SEPAKAT_READ_TOKEN"
SECRET_ENV = "SEPAKAT_SECRET"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def read_token_default(host: str) -> bool:
    """Reading needs a token when ``SEPAKAT_READ_TOKEN`` says so, or when serving beyond loopback."""
    value = os.environ.get(READ_TOKEN_ENV, "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    return not is_loopback(host)


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """``db`` is a registry URL or SQLite path (None: ``SEPAKAT_DB`` or ./sepakat.db)."""

    db: str | None = None
    read_needs_token: bool = False
    max_body_bytes: int = 2 * 1024 * 1024  # one request; an article is far smaller
    max_batch: int = 100  # articles per ingest request
    query_seconds: float = 5.0  # a query running longer is stopped (503)
    page_cap: int = 200  # rows per page of any listing
    secure_cookies: bool = False  # set behind HTTPS
    # Signs page sessions and CSRF tokens; a new one per process unless SEPAKAT_SECRET is set.
    secret: bytes = field(
        default_factory=lambda: (os.environ.get(SECRET_ENV) or "").encode() or secrets.token_bytes(32)
    )
    summary_seconds: float = 30.0  # how long dashboard-style aggregates are kept (api.cache)
    today: str | None = None  # the date the dashboard counts back from (None: the real today)
