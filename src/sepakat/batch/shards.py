"""Shards: the pieces of a batch's inputs that workers read themselves.

    plan_shards(paths, size)        on the client: names files and ranges, reads no article
    ├── a WARC / WARC.gz file       one shard per file
    ├── a .jsonl / .ndjson file     byte ranges that start and end at line starts, found
    │                               by one scan for newlines (each range knows its first
    │                               line number, so origins read "path:LINE" as always)
    ├── a .jsonl.gz file            line ranges: a gzip stream cannot seek, so the worker
    │                               decompresses from the start and skips to its first
    │                               line (newlines counted in large blocks, no parsing);
    │                               at most MAX_GZIP_SHARDS per file bounds that cost
    ├── other files (.txt, .html,   groups of ``size`` files, each read as ``sepakat
    │   .json, directories' files)  ingest`` reads it
    └── URLs, .urls lists           one shard, fetched in order (politeness is per host)

    read_shard(shard, limits)       on a worker: the shard's documents, in input order

A shard's ``key`` names its file (path, size, modification time) and its range: the
registry remembers stored shards by it, so a rerun skips them.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, TYPE_CHECKING, Literal

from sepakat.errors import UsageError
from sepakat.models import RawDocument, Refusal
from sepakat.sources import iter_documents
from sepakat.sources.checks import DEFAULT_LIMITS, ByteStream, ReadLimits
from sepakat.sources.jsonl import iter_jsonl
from sepakat.sources.sniff import format_by_name
from sepakat.sources.urls import URL_LIST_SUFFIX, is_url
from sepakat.sources.warc import is_warc_name

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["DEFAULT_SHARD_SIZE", "MAX_GZIP_SHARDS", "Shard", "plan_shards", "read_shard"]

Item = RawDocument | Refusal
ShardKind = Literal["warc", "jsonl-bytes", "jsonl-lines", "files", "urls"]
DEFAULT_SHARD_SIZE = 500
MAX_GZIP_SHARDS = 64
_BLOCK = 1 << 22


@dataclass(frozen=True, slots=True)
class Shard:
    """One task's input: ``paths`` (one file, a group of files, or URLs) and, for JSON Lines, a range.

    ``start``/``stop`` are byte offsets for "jsonl-bytes" and line indexes (0-based,
    ``stop`` excluded) for "jsonl-lines"; ``first_line`` is the 1-based number of the
    range's first line.
    """

    kind: ShardKind
    paths: tuple[str, ...]
    start: int = 0
    stop: int = 0
    first_line: int = 1
    fingerprint: str = ""

    @property
    def key(self) -> str:
        seed = f"{self.kind}|{'|'.join(self.paths)}|{self.start}|{self.stop}|{self.fingerprint}"
        return hashlib.sha256(seed.encode()).hexdigest()

    @property
    def part(self) -> str:
        """The range in words, for messages and the registry's record."""
        if self.kind == "jsonl-bytes":
            return f"bytes {self.start}-{self.stop} (from line {self.first_line})"
        if self.kind == "jsonl-lines":
            return f"lines {self.start + 1}-{self.stop}"
        return (
            "file"
            if len(self.paths) == 1
            else f"{len(self.paths)} {'urls' if self.kind == 'urls' else 'files'}"
        )


def _fingerprint(paths: Sequence[str]) -> str:
    parts = []
    for path in paths:
        try:
            stat = os.stat(path)
            parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append("missing")
    return ",".join(parts)


def plan_shards(paths: Sequence[str], size: int = DEFAULT_SHARD_SIZE) -> list[Shard]:
    """The shards of ``paths``, in input order; ``size`` articles (lines, files) per shard."""
    if size < 1:
        raise UsageError(f"the shard size must be positive, not {size}")
    shards: list[Shard] = []
    loose: list[str] = []
    urls: list[str] = []

    def flush_loose() -> None:
        for i in range(0, len(loose), size):
            group = tuple(loose[i : i + size])
            shards.append(Shard("files", group, fingerprint=_fingerprint(group)))
        loose.clear()

    for path in _expand(paths):
        if is_url(path) or path.lower().endswith(URL_LIST_SUFFIX):
            urls.append(path)
            continue
        name = path.lower()
        if is_warc_name(name):
            flush_loose()
            shards.append(Shard("warc", (path,), fingerprint=_fingerprint([path])))
        elif name.endswith((".jsonl", ".ndjson")):
            flush_loose()
            shards.extend(_byte_ranges(path, size))
        elif name.endswith((".jsonl.gz", ".ndjson.gz")):
            flush_loose()
            shards.extend(_line_ranges(path, size))
        else:
            loose.append(path)
    flush_loose()
    if urls:
        shards.append(Shard("urls", tuple(urls)))
    return shards


def _expand(paths: Sequence[str]) -> Iterator[str]:
    """Paths made absolute (workers may run elsewhere), directories walked as the readers walk them."""
    for path in paths:
        if path == "-":
            raise UsageError("a batch reads files, not standard input: workers read their shards themselves")
        if is_url(path):
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and (format_by_name(name) is not None or is_warc_name(name)):
                        yield os.path.abspath(os.path.join(root, name))
        else:
            yield os.path.abspath(path)


def _newline_offsets(stream: ByteStream, every: int) -> Iterator[tuple[int, int]]:
    """(byte offset just after the line, lines so far) after every ``every`` lines, and at the end."""
    offset = 0
    lines = 0
    boundary = every
    last = b"\n"
    while True:
        block = stream.read(_BLOCK)
        if not block:
            break
        count = block.count(b"\n")
        position = 0
        while lines + count >= boundary:
            need = boundary - lines
            for _ in range(need):
                position = block.index(b"\n", position) + 1
            lines, count = boundary, count - need
            yield offset + position, lines
            boundary += every
        lines += count
        offset += len(block)
        last = block[-1:]
    if last != b"\n":
        lines += 1  # a last line without a newline
    yield offset, lines


def _byte_ranges(path: str, size: int) -> list[Shard]:
    fingerprint = _fingerprint([path])
    try:
        with open(path, "rb") as stream:
            marks = list(_newline_offsets(stream, size))
    except OSError:
        return [Shard("files", (path,), fingerprint=fingerprint)]  # the reader says what is wrong
    shards: list[Shard] = []
    start, first = 0, 1
    for end, lines in marks:
        if end > start:
            shards.append(Shard("jsonl-bytes", (path,), start, end, first, fingerprint))
        start, first = end, lines + 1
    return shards or [Shard("jsonl-bytes", (path,), 0, 0, 1, fingerprint)]


def _line_ranges(path: str, size: int) -> list[Shard]:
    fingerprint = _fingerprint([path])
    try:
        with gzip.open(path, "rb") as stream:
            *_, (_end, total) = _newline_offsets(stream, 1 << 62)
    except (OSError, EOFError):
        return [Shard("files", (path,), fingerprint=fingerprint)]  # corrupt: the reader keeps what it can
    size = max(size, -(-total // MAX_GZIP_SHARDS))
    return [
        Shard("jsonl-lines", (path,), start, min(start + size, total), start + 1, fingerprint)
        for start in range(0, max(total, 1), size)
    ]


def read_shard(shard: Shard, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[Item]:
    """The documents of one shard, in input order, as ``iter_documents`` would give them."""
    if shard.kind in ("warc", "files", "urls"):
        yield from iter_documents(list(shard.paths), limits=limits)
        return
    (path,) = shard.paths
    try:
        with open(path, "rb") as raw:
            if shard.kind == "jsonl-bytes":
                raw.seek(shard.start)
                window: IO[bytes] = io.BufferedReader(_Window(raw, shard.stop - shard.start), 1 << 20)
                yield from _renumbered(iter_jsonl(window, path, limits), path, shard.first_line)
            else:
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    lines = _skip_lines(unzipped, shard.start, shard.stop - shard.start)
                    yield from _renumbered(iter_jsonl(lines, path, limits), path, shard.first_line)
    except OSError as error:
        yield Refusal(path, f"cannot read: {error.strerror or error}")


def _renumbered(items: Iterator[Item], path: str, first_line: int) -> Iterator[Item]:
    """Origins "path:N" counted from the shard's start become the file's line numbers."""
    prefix = f"{path}:"
    for item in items:
        number = item.origin[len(prefix) :]
        if item.origin.startswith(prefix) and number.isdigit():
            yield replace(item, origin=f"{path}:{int(number) + first_line - 1}")
        else:
            yield item


class _Window(io.RawIOBase):
    """At most ``length`` bytes of ``stream`` from where it stands."""

    def __init__(self, stream: ByteStream, length: int) -> None:
        super().__init__()
        self._stream = stream
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self._left <= 0:
            return 0
        view = memoryview(buffer).cast("B")
        data = self._stream.read(min(len(view), self._left))
        view[: len(data)] = data
        self._left -= len(data)
        return len(data)


def _skip_lines(stream: ByteStream, skip: int, keep: int) -> IO[bytes]:
    """``stream`` past its first ``skip`` lines, ending after ``keep`` more (newlines counted in blocks)."""
    rest = b""
    skipped = 0
    while skipped < skip:
        block = stream.read(_BLOCK)
        if not block:
            return io.BytesIO(b"")
        count = block.count(b"\n")
        if skipped + count < skip:
            skipped += count
            continue
        position = 0
        for _ in range(skip - skipped):
            position = block.index(b"\n", position) + 1
        rest = block[position:]
        skipped = skip
    return io.BufferedReader(_Lines(rest, stream, keep), 1 << 20)


class _Lines(io.RawIOBase):
    """``head`` then ``stream``, ending after ``keep`` newlines."""

    def __init__(self, head: bytes, stream: ByteStream, keep: int) -> None:
        super().__init__()
        self._head = head
        self._stream = stream
        self._keep = keep

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self._keep <= 0:
            return 0
        view = memoryview(buffer).cast("B")
        data, self._head = (self._head, b"") if self._head else (self._stream.read(len(view)), b"")
        if len(data) > len(view):
            data, self._head = data[: len(view)], data[len(view) :]
        count = data.count(b"\n")
        if count >= self._keep:
            position = 0
            for _ in range(self._keep):
                position = data.index(b"\n", position) + 1
            data = data[:position]
            self._keep = 0
        else:
            self._keep -= count
        view[: len(data)] = data
        return len(data)
