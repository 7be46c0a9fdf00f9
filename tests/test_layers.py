"""The layering rules of DESIGN.md §2, checked on the source and on a real import.

- `console/` and `backend/` never import Qt (PySide6, shiboken6); `ui/` is the only place Qt lives.
- `console/` never imports `backend/`, except the embedded launcher `console/embedded.py`.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
QT_FREE_PACKAGES = ("console", "backend")
EMBEDDED_LAUNCHER = Path("console/embedded.py")
# Modules that run something when imported: `__main__` starts the CLI, Alembic's env.py needs
# Alembic's context. They are still checked on the source.
NOT_IMPORTABLE = {"__main__.py", "env.py"}


def python_files(package: str) -> list[Path]:
    return sorted(p.relative_to(ROOT) for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def module_name(path: Path) -> str:
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import statement in the file, wherever it stands."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def top_level(module: str) -> str:
    return module.split(".", 1)[0]


def test_there_is_something_to_check() -> None:
    for package in QT_FREE_PACKAGES:
        assert python_files(package), f"{package}/ has no Python files"


@pytest.mark.parametrize("package", QT_FREE_PACKAGES)
def test_source_never_imports_qt(package: str) -> None:
    offences = [
        f"{path}:{line}: import {module}"
        for path in python_files(package)
        for line, module in imported_modules(path)
        if top_level(module) in QT_PACKAGES
    ]
    assert not offences, "Qt is imported outside ui/:\n" + "\n".join(offences)


def test_console_imports_backend_only_in_the_embedded_launcher() -> None:
    offences = [
        f"{path}:{line}: import {module}"
        for path in python_files("console")
        if path != EMBEDDED_LAUNCHER
        for line, module in imported_modules(path)
        if top_level(module) == "backend"
    ]
    assert not offences, "console/ talks to the backend over HTTP only:\n" + "\n".join(offences)


IMPORT_ALL = """
import importlib, json, sys
failures = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
    except Exception as exc:
        failures[name] = f"{type(exc).__name__}: {exc}"
qt = sorted(m for m in sys.modules if m.split(".")[0] in json.loads(sys.argv[2]))
print(json.dumps({"failures": failures, "qt": qt}))
"""


def test_importing_console_and_backend_loads_no_qt() -> None:
    modules = [
        module_name(path)
        for package in QT_FREE_PACKAGES
        for path in python_files(package)
        if path.name not in NOT_IMPORTABLE
    ]
    # A fresh interpreter: this test process may already have Qt loaded by pytest-qt.
    completed = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, json.dumps(modules), json.dumps(QT_PACKAGES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    assert not result["failures"], "modules that fail to import:\n" + json.dumps(result["failures"], indent=2)
    assert not result["qt"], f"importing console/ and backend/ loaded Qt: {result['qt']}"


# Models sit at the bottom, just above the database layer: a models.py may import the standard
# library, SQLAlchemy, `backend.db`, `backend.common.types` and other models, never a service,
# a route or FastAPI.
MODEL_IMPORTS_ALLOWED = ("backend.db", "backend.common.types")


def _model_import_allowed(module: str) -> bool:
    if top_level(module) != "backend":
        return top_level(module) not in ("fastapi", "starlette", "pydantic", *QT_PACKAGES)
    return module in MODEL_IMPORTS_ALLOWED or module.endswith(".models")


def test_models_import_nothing_above_the_database_layer() -> None:
    models = [p for p in python_files("backend") if p.name == "models.py"]
    assert len(models) >= 10
    offences = [
        f"{path}:{line}: import {module}"
        for path in models
        for line, module in imported_modules(path)
        if not _model_import_allowed(module)
    ]
    assert not offences, "models.py imports above the database layer:\n" + "\n".join(offences)


@pytest.mark.parametrize(("module", "allowed"), [
    ("backend.db", True), ("backend.audit.models", True), ("sqlalchemy.orm", True),
    ("backend.deps", False), ("backend.disputes.service", False), ("fastapi", False),
])
def test_the_models_rule_tells_the_layers_apart(module: str, allowed: bool) -> None:
    assert _model_import_allowed(module) is allowed
