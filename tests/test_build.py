"""The build: ``pip install .`` compiles the extractor with mypyc (setup.py); an editable
install runs the ``.py`` files, and nothing compiled in the source tree hides them."""

from __future__ import annotations

import importlib
import os
import pkgutil
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import sepakat

SOURCE_TREE = Path(__file__).resolve().parents[1] / "src" / "sepakat"
COMPILED_PACKAGES = ("sepakat.clean", "sepakat.extract")  # as setup.py compiles them


def _modules(package: str) -> list[str]:
    found = importlib.import_module(package)
    return [package] + [info.name for info in pkgutil.iter_modules(found.__path__, package + ".")]


def test_an_installed_sepakat_runs_its_extractor_compiled() -> None:
    if Path(sepakat.__file__).resolve().parent == SOURCE_TREE:
        pytest.skip("sepakat runs from its source tree (an editable install): nothing is compiled")
    if os.environ.get("SEPAKAT_PURE_PYTHON"):
        pytest.skip("SEPAKAT_PURE_PYTHON is set: sepakat was installed as plain Python")
    plain = [
        name
        for package in COMPILED_PACKAGES
        for name in _modules(package)
        if not str(importlib.import_module(name).__file__).endswith(tuple(EXTENSION_SUFFIXES))
    ]
    assert plain == [], "installed without compiling them (setup.py)"


def test_nothing_compiled_in_the_source_tree_hides_a_module() -> None:
    """A compiled module beside its ``.py`` file is loaded instead of it: an edit to the
    file would change nothing. setup.py never compiles for an editable install."""
    assert sorted(str(p.relative_to(SOURCE_TREE)) for p in SOURCE_TREE.rglob("*.so")) == []
