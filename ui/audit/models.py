"""Table models of the audit trail: records a page at a time from the API's cursor, and one
record's fields before → after."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from console.audit import AuditQuery, AuditRecord
from console.models import Page
from ui.audit.words import action_words, entity_words, money_or_none
from ui.export import EXPORT_ROLE
from ui.roles import role_text
from ui.widgets.paged_model import CursorPagedModel
from ui.widgets.table_model import Column, ModelIndex, RecordTableModel

__all__ = ["AuditChangesModel", "AuditRecordsModel", "change_summary", "value_text"]

# (query, cursor, limit) -> a page of records; runs on a pool thread.
FetchAuditPage = Callable[[AuditQuery, str | None, int], Page[AuditRecord]]


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditModels", text)


def value_text(value: Any) -> str:
    """A field's value as the trail shows it: "—" for none, JSON for lists and objects."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def field_text(record: AuditRecord, name: str, value: Any) -> str:
    """A field's value of `record`: money for fields in fen (5000 is ¥50.00), else `value_text`."""
    money = money_or_none(record, name, value)
    return money if money is not None else value_text(value)


def change_summary(record: AuditRecord) -> str:
    """Every changed field on one line: "role: agent → supervisor; active: true → false"."""
    parts = []
    for name, before, after in record.changes():
        if record.before is None:
            parts.append(f"{name}: {field_text(record, name, after)}")
        else:
            parts.append(f"{name}: {field_text(record, name, before)} → {field_text(record, name, after)}")
    return "; ".join(parts)


def actor_text(record: AuditRecord) -> str:
    return record.actor_name or (QCoreApplication.translate("AuditModels", "System") if record.actor_id is None else f"#{record.actor_id}")


class AuditRecordsModel(CursorPagedModel[AuditRecord, AuditQuery]):
    """The trail, newest first, fetched a page at a time from the API's cursor
    (`ui.widgets.paged_model.CursorPagedModel`, as the transactions are); `load_all` for an export."""

    TASK_LABEL = "audit page"

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "When"), lambda r: r.at, "datetime"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Who"), actor_text),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Role"), lambda r: r.actor_role,
               words=lambda role: QCoreApplication.translate("AuditModels", "System") if role == "system" else role_text(role)),
        # In words on screen ("Case opened", "Case 15"); the codes in the tooltip and the CSV.
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "What"), lambda r: action_words(r.action), tooltip=lambda r: r.action),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Entity"), lambda r: entity_words(r.entity_type, r.entity_id),
               tooltip=lambda r: f"{r.entity_type} #{r.entity_id}"),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Before → after"), change_summary, tooltip=change_summary),
    )
    WHAT_COLUMN, ENTITY_COLUMN = 3, 4

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == EXPORT_ROLE and index.isValid() and 0 <= index.row() < len(self._records):
            record = self._records[index.row()]
            if index.column() == self.WHAT_COLUMN:
                return record.action  # a CSV is searched by code ("case.open")
            if index.column() == self.ENTITY_COLUMN:
                return f"{record.entity_type} #{record.entity_id}"
        return super().data(index, role)


class FieldChange:
    """One row of a record's detail: a field, its value before and after (as shown)."""

    def __init__(self, record: AuditRecord, name: str, before: Any, after: Any) -> None:
        self.name, self.before, self.after = name, before, after
        self.before_text = field_text(record, name, before)
        self.after_text = field_text(record, name, after)


class AuditChangesModel(RecordTableModel[FieldChange]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Field"), lambda c: c.name),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "Before"), lambda c: c.before_text),
        Column(QT_TRANSLATE_NOOP("WorkspaceModels", "After"), lambda c: c.after_text),
    )

    def show_record(self, record: AuditRecord | None) -> None:
        self.set_records([] if record is None else [FieldChange(record, *change) for change in record.changes()])
