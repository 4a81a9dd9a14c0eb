"""``python -m sepakat``: the same as the ``sepakat`` command."""

from sepakat.cli import main

main()
