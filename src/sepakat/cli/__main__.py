"""``python -m sepakat.cli``: the same as the ``sepakat`` command."""

from sepakat.cli import main

main()
