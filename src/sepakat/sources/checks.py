"""What every reader checks before bytes become a document: size, binary, UTF-8.

Each check raises ``InputRefused`` with a reason a person can act on; the reader that
called it turns that into a ``Refusal`` and the batch goes on.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Protocol

from sepakat.errors import InputRefused, UsageError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "BOM",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "ByteStream",
    "ReadLimits",
    "check_not_binary",
    "content_id",
    "decode_utf8",
    "oversize_reason",
    "read_bounded",
    "replay_head",
]

BOM = b"\xef\xbb\xbf"
DEFAULT_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# How much of an input is looked at to tell its format and whether it is text.
HEAD_BYTES = 8192
# Large reads keep the number of Python-level calls per gigabyte small.
_BUFFER_BYTES = 1 << 18


class ByteStream(Protocol):
    """Anything bytes can be read from: a file, standard input, a gzip stream."""

    def read(self, size: int, /) -> bytes: ...


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Limits on what one input may hold.

    ``max_document_bytes`` bounds one article: one plain-text or HTML file, or one line
    of a JSON Lines file (which is one article). The CLI exposes it as ``--max-bytes``.
    """

    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES

    def __post_init__(self) -> None:
        if self.max_document_bytes <= 0:
            raise UsageError(f"the document size limit must be positive, not {self.max_document_bytes}")


DEFAULT_LIMITS = ReadLimits()


def oversize_reason(size: int | None, limits: ReadLimits) -> str:
    """The refusal reason of a document over the limit; ``size`` None when unknown."""
    limit = f"the size limit of {limits.max_document_bytes:,} bytes"
    stated = f"document is {size:,} bytes, over {limit}" if size is not None else f"document is over {limit}"
    return f"{stated}; raise the limit with --max-bytes"


def check_not_binary(origin: str, data: bytes) -> None:
    """Refuse bytes that are not text: a NUL byte, or UTF-16 with its byte order mark."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputRefused(origin, "UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputRefused(origin, f"binary data, not text (a NUL byte at byte offset {nul})")


def decode_utf8(origin: str, data: bytes, base_offset: int = 0) -> str:
    """``data`` as text, without a leading BOM; refuses invalid UTF-8 with where it is.

    ``base_offset`` is where ``data`` starts in its file, so that the offset in the
    message is the file's.
    """
    if data.startswith(BOM):
        data = data[len(BOM) :]
        base_offset += len(BOM)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 4]
        raise InputRefused(
            origin,
            f"invalid UTF-8 at byte offset {base_offset + error.start} (bytes {bad!r}); save it as UTF-8",
        ) from None


def content_id(text: str) -> str:
    """A stable id for a document that brings none: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def read_bounded(origin: str, stream: ByteStream, limits: ReadLimits, size: int | None = None) -> bytes:
    """All of ``stream``, refused when over the limit (``size``: the file's, when known)."""
    data = stream.read(limits.max_document_bytes + 1)
    if len(data) > limits.max_document_bytes:
        raise InputRefused(origin, oversize_reason(size, limits))
    return data


class _ReplayHead(io.RawIOBase):
    """A stream that gives ``head`` again, then the rest of ``rest``: sniffing without seeking."""

    def __init__(self, head: bytes, rest: ByteStream) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def replay_head(stream: ByteStream) -> tuple[bytes, IO[bytes]]:
    """The first bytes of ``stream`` and a buffered stream that starts from the beginning again.

    Works on pipes (standard input) and decompressing streams, which cannot seek.
    """
    head = stream.read(HEAD_BYTES)
    return head, io.BufferedReader(_ReplayHead(head, stream), buffer_size=_BUFFER_BYTES)
