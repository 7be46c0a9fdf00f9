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


# A domain reads another domain's tables only where the pair is listed here, with the reason;
# everywhere else it asks a function the other domain exports (`backend/<domain>/queries.py`,
# e.g. `backend.fraud.queries.report_holding`), so disputes and fraud, and the claims above them,
# never read each other's tables.
SHARED_TABLES = {
    "accounts": "the account and its transactions are the ledger every money movement posts to, "
                "under the one account lock (backend.common.locking)",
    "auth": "the user acting (id, role) is part of every domain's request context",
}
CROSS_DOMAIN_TABLES = {
    ("accounts", "customers"): "the ORM relationship Account.customer",
    ("customers", "accounts"): "the ORM relationship Customer.accounts; the profile lists them",
    ("accounts", "billing"): "the account overview shows the current bill in the same read (DESIGN §4)",
    ("accounts", "installments"): "the overview's next due amount includes the plan periods due",
    ("customers", "audit"): "the reveal limit counts the user's reveal records of the last hour",
    ("customers", "cases"): "the profile's open_case_count",
    ("customers", "billing"): "the customer open reads each account's latest bill in its one statement (docs/load.md)",
    ("cases", "customers"): "a queue row shows the customer's name (one joined query per page)",
    ("disputes", "cases"): "filing a dispute opens its case in the same database transaction",
    ("fraud", "cases"): "filing a fraud report opens its case in the same database transaction",
    ("arrangements", "cases"): "an arrangement awaiting approval is a case in the approvals queue",
    ("arrangements", "billing"): "arrangements move a bill's due date and convert bills (the money engine)",
    ("billing", "arrangements"): "reconcile checks the arrangements in force against their plans, bills and promises (invariants 12–14)",
    ("arrangements", "installments"): "hardship plans and payoffs are installment plans (the money engine)",
    ("billing", "installments"): "the cut bills plan periods; billing and plans are one money engine",
    ("installments", "billing"): "a credit on a billed plan period comes off that bill at once",
    ("history", "arrangements"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("history", "audit"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("history", "cases"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("history", "customers"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("history", "disputes"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("history", "notes"): "the contact history is one keyset-paged SQL union over the kinds it shows",
    ("seed", "billing"): "the demo generator writes bills in bulk for speed (the engine computes them)",
    ("seed", "cases"): "the demo generator reads the cases it opened through the services to age them",
    ("seed", "customers"): "the demo generator writes customers in bulk",
    ("seed", "installments"): "the demo generator writes plans in bulk (the engine computes them)",
}


def domain_of(path: Path) -> str | None:
    """`billing` for backend/billing/x.py; None for modules directly under backend/."""
    return path.parts[1] if len(path.parts) > 2 and path.parts[0] == "backend" else None


def tables_imported(path: Path) -> list[tuple[int, str]]:
    """(line, domain) for every import of another domain's models in the file."""
    own = domain_of(path)
    found: list[tuple[int, str]] = []
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        for name in names:
            parts = name.split(".")
            if len(parts) >= 3 and parts[0] == "backend" and parts[2] == "models" and parts[1] != own:
                found.append((node.lineno, parts[1]))
                break
    return found


def cross_domain_allowed(importer: str | None, domain: str) -> bool:
    return importer is None or domain in SHARED_TABLES or (importer, domain) in CROSS_DOMAIN_TABLES


def test_a_domain_reads_another_domains_tables_only_where_listed() -> None:
    offences = [
        f"{path}:{line}: reads {domain}'s tables"
        for path in python_files("backend")
        for line, domain in tables_imported(path)
        if not cross_domain_allowed(domain_of(path), domain)
    ]
    assert not offences, (
        "ask the other domain through a function it exports (its queries.py), or list the pair "
        "with its reason in CROSS_DOMAIN_TABLES:\n" + "\n".join(offences)
    )


def test_every_listed_pair_is_still_needed() -> None:
    """An allow-list that outlives its reason hides the next offence: each pair is in use."""
    used = {
        (domain_of(path), domain)
        for path in python_files("backend")
        for _line, domain in tables_imported(path)
    }
    assert set(CROSS_DOMAIN_TABLES) - used == set()


@pytest.mark.parametrize(("importer", "domain", "allowed"), [
    ("disputes", "fraud", False), ("fraud", "disputes", False), ("claims", "disputes", False),
    ("claims", "fraud", False), ("billing", "disputes", False), ("disputes", "accounts", True),
    ("disputes", "cases", True), ("history", "disputes", True),
])
def test_the_cross_domain_rule_tells_the_pairs_apart(importer: str, domain: str, allowed: bool) -> None:
    assert cross_domain_allowed(importer, domain) is allowed


# The casework kernel (backend.common.casework and its neighbours) defines each of these once.
KERNEL_NAMES = {
    "InvalidTransition": "backend/common/casework.py",
    "FourEyes": "backend/common/casework.py",
    "lock_account": "backend/common/locking.py",
    "etag_for": "backend/common/concurrency.py",
    "etag_of": "backend/common/casework.py",
}


def test_the_casework_kernel_is_defined_once() -> None:
    defined: dict[str, set[str]] = {name: set() for name in KERNEL_NAMES}
    etag_helpers: list[str] = []
    for path in python_files("backend"):
        tree = ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name in defined:
                defined[node.name].add(path.as_posix())
            elif isinstance(node, ast.FunctionDef) and "etag" in node.name.lower():
                etag_helpers.append(f"{path}:{node.lineno}: {node.name}")
    for name, home in KERNEL_NAMES.items():
        copies = defined[name]
        assert copies == {home}, f"{name} is defined in {sorted(copies)}; it belongs in {home} alone"
    assert not [h for h in etag_helpers if not h.startswith(("backend/common/",))], etag_helpers


def test_every_table_is_declared_in_a_models_module() -> None:
    """So the rule above sees every table: a table declared beside FastAPI dependencies (as the
    idempotency keys once were) would escape it."""
    offences = [
        f"{path}:{node.lineno}: {node.name}"
        for path in python_files("backend")
        if path.name != "models.py"
        for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any(isinstance(s, ast.Assign) and any(getattr(t, "id", "") == "__tablename__" for t in s.targets)
                for s in node.body)
    ]
    assert not offences, "tables declared outside a models.py:\n" + "\n".join(offences)
