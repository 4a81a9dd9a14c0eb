"""Build sepakat with the extractor's modules compiled to C by mypyc.

The modules of ``sepakat.clean`` and ``sepakat.extract`` are plain Python, strictly
typed (``mypy --strict``). mypyc compiles them into C extension modules that give the
same records, byte for byte, 1.2-1.5 times as fast (``benchmarks/extract_speed.py``). The
``.py`` files ship beside them; Python loads the compiled module where there is one.

- ``pip install .`` compiles them (two minutes or so; needs a C compiler and Python's
  headers).
- ``pip install -e .`` does not: an editable install runs the ``.py`` files, so that an
  edit takes effect at once (a compiled module in ``src/`` would hide it).
- ``SEPAKAT_PURE_PYTHON=1 pip install .`` installs plain Python, where there is no
  compiler.

Everything else (metadata, dependencies, package data) is in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import Extension, setup

HERE = Path(__file__).parent
COMPILED_PACKAGES = ("clean", "extract")
# The setup.py commands that build modules. Metadata queries (egg_info, dist_info) and
# editable installs (editable_wheel) do not, so they skip mypyc's minute of work.
BUILDING = {"bdist_wheel", "build", "build_ext", "install"}


def compiled_modules() -> list[Extension]:
    if os.environ.get("SEPAKAT_PURE_PYTHON") or not BUILDING & set(sys.argv[1:]):
        return []
    from mypyc.build import mypycify

    paths = sorted(
        str(path.relative_to(HERE))
        for package in COMPILED_PACKAGES
        for path in (HERE / "src" / "sepakat" / package).glob("*.py")
    )
    # mypyc type-checks what it compiles. The build never sees the dependencies (pip
    # installs them after building), so their modules are unknown (Any) to it, the same
    # on every machine; only the compiled modules' own errors stop the build.
    options = ["--no-site-packages", "--ignore-missing-imports", "--follow-imports=silent"]
    return mypycify([*options, *paths], group_name="sepakat", multi_file=True)


setup(ext_modules=compiled_modules())
