"""sepakat's errors: one tree, each carrying its context and what to do about it.

    SepakatError                  anything sepakat raises on purpose
    ├── InputRefused              one input (file, line, article, URL) was refused;
    │   │                         the batch goes on and the exit code says so
    │   └── FetchFailed           a URL could not be fetched; ``transient`` when a later
    │                             try may work (timeouts, 5xx), so followers try again
    ├── UsageError                a command was called wrongly (exit code 2)
    └── StoreError                the registry could not be read or written

A bug is none of these: it raises whatever Python raises, with its traceback.
"""

from __future__ import annotations


class SepakatError(Exception):
    """Base of every error sepakat raises on purpose."""


class InputRefused(SepakatError):  # noqa: N818 - named for the record it becomes, a refusal
    """An input that cannot become an article: names where it is and what is wrong."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class FetchFailed(InputRefused):
    """A URL that could not be fetched; ``transient`` says whether trying later may succeed."""

    def __init__(self, origin: str, reason: str, *, transient: bool = False) -> None:
        super().__init__(origin, reason)
        self.transient = transient


class UsageError(SepakatError):
    """A command called with arguments that cannot work; the message says which."""


class StoreError(SepakatError):
    """The registry could not be opened, migrated, read or written."""
