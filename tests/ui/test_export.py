"""CSV export of any table: header from headerData, DisplayRole texts or EXPORT_ROLE values,
UTF-8 with a BOM, Chinese intact, formulas defused, the view's visible columns in its order."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.export import EXPORT_ROLE, export_model_csv, export_view, find_export_view, suggested_name, yuan_text
from ui.widgets.table_model import Column, RecordTableModel


def model() -> QStandardItemModel:
    m = QStandardItemModel(0, 3)
    m.setHorizontalHeaderLabels(["客户", "Amount", "Note"])
    for name, fen, note in (("王小明", 123_456, "=1+1"), ("李雷", -5, "plain")):
        amount = QStandardItem(f"¥{fen / 100:,.2f}")
        amount.setData(yuan_text(fen), EXPORT_ROLE)
        m.appendRow([QStandardItem(name), amount, QStandardItem(note)])
    return m


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_export_model_writes_header_rows_bom_chinese_and_yuan(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"

    written = export_model_csv(model(), target)

    assert written == 2
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read(target) == [
        ["客户", "Amount", "Note"],
        ["王小明", "1234.56", "'=1+1"],
        ["李雷", "-0.05", "plain"],
    ]


def test_export_view_writes_visible_columns_in_view_order_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    small, big = QTableView(), QTableView()
    small.setFixedHeight(40)
    for view in (small, big):
        view.setModel(model())
        layout.addWidget(view)
    qtbot.addWidget(root)
    root.resize(600, 500)
    root.show()
    big.setColumnHidden(2, True)
    big.horizontalHeader().moveSection(1, 0)

    assert find_export_view(root) is big
    task = export_view(big, parent=root, path=tmp_path / "v.csv")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass

    assert read(tmp_path / "v.csv") == [["Amount", "客户"], ["1234.56", "王小明"], ["-0.05", "李雷"]]


@dataclass(frozen=True)
class _Movement:
    description: str
    amount_fen: int


class _MovementsModel(RecordTableModel[_Movement]):
    COLUMNS = (
        Column("Description", lambda m: m.description),
        Column("Amount", lambda m: m.amount_fen, "money"),
    )


def test_workspace_tables_export_amounts_as_numbers_a_spreadsheet_sums(tmp_path: Path) -> None:
    """Every table of the workspace, cases and approvals is a RecordTableModel: its money columns
    go out as "-4800.50", not as the screen's "-¥4,800.50" (which a spreadsheet reads as text)."""
    model = _MovementsModel()
    model.set_records([_Movement("Refund", -4800_50), _Movement("Purchase", 1_234_567_89), _Movement("Fee", 5)])
    assert model.data(model.index(0, 1)) == "-¥4,800.50"  # the screen keeps its format

    export_model_csv(model, tmp_path / "m.csv")

    assert read(tmp_path / "m.csv") == [
        ["Description", "Amount"],
        ["Refund", "-4800.50"],
        ["Purchase", "1234567.89"],
        ["Fee", "0.05"],
    ]


def test_the_default_file_name_carries_the_date_the_console_shows(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setProperty("exportName", "transactions")
    # 23:30 UTC on 3 December is already 4 December at 07:30 in Beijing (the console's time).
    assert suggested_name(view, now=datetime(2026, 12, 3, 23, 30, tzinfo=UTC)) == "transactions-2026-12-04.csv"
    assert suggested_name(view, now=datetime(2026, 12, 3, 15, 59, tzinfo=UTC)) == "transactions-2026-12-03.csv"
    assert suggested_name(view, now=datetime(2026, 12, 3, 16, 0, tzinfo=UTC)) == "transactions-2026-12-04.csv"
