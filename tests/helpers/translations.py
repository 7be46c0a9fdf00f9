"""The Chinese fill script (resources/translations/fill_zh_CN.py), loaded as a module for tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def fill_module() -> ModuleType:
    """fill_zh_CN.py, imported once (its dataclasses need it in `sys.modules`)."""
    loaded = sys.modules.get("fill_zh_CN")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location("fill_zh_CN", TRANSLATIONS / "fill_zh_CN.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["fill_zh_CN"] = module
    spec.loader.exec_module(module)
    return module
