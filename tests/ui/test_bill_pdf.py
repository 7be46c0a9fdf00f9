"""A bill as a PDF statement (issue 5 item 6), from the Bills tab against the real backend.

The statement is saved to tmp_path without the file dialog (a path argument), then checked as a
PDF (header, pages, trailer) and by its text: the bill's total, minimum and every line amount,
formatted as the API gives them. Customer 35 is this file's (read only)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from console.api import ApiClient
from console.formatting import format_date, format_fen
from console.models import BillDetail, BillLine
from ui.printing.statement import StatementData, save_statement_pdf, statement_document
from ui.workspace.bills import BillsTab

CUSTOMER = 35

PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF: QtPdf's QPdfDocument when installed, else the page objects counted."""
    try:
        from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found]
    except ImportError:
        return len(PAGE_OBJECT.findall(data))
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
        handle.write(data)
    document = QPdfDocument()
    document.load(handle.name)
    return int(document.pageCount())


@pytest.fixture
def bills_tab(qtbot: QtBot, api_client: ApiClient) -> BillsTab:
    tab = BillsTab(api_client)
    qtbot.addWidget(tab)
    tab.set_profile(api_client.get_customer(CUSTOMER))
    tab.resize(1280, 800)
    tab.show()
    with qtbot.waitSignals([tab.bills_loaded, tab.lines_loaded], timeout=10_000):
        tab.activate()
    return tab


def test_a_bill_saves_as_a_pdf_statement_with_its_figures(
    qtbot: QtBot, bills_tab: BillsTab, api_client: ApiClient, tmp_path: Path
) -> None:
    tab = bills_tab
    assert tab.save_pdf_button.isEnabled() and tab.print_button.isEnabled()
    shown = tab.shown_bill
    assert shown is not None
    bill = api_client.get_bill(shown.account_id, shown.id)  # the API's own answer
    assert bill.lines, "customer 35's latest bill has lines"

    target = tmp_path / "statement.pdf"
    with qtbot.waitSignal(tab.statement_saved, timeout=10_000) as saved:
        task = tab.save_pdf(target)
    assert task is not None and saved.args == [str(target)]

    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert pdf_page_count(data) >= 1
    assert "Statement saved to" in tab.banner.text() and str(target) in tab.banner.text()

    # What the statement says: the bill's figures and each line, as the API gives them.
    text = tab.last_statement_html
    document = QTextDocument()
    document.setHtml(text)
    plain = document.toPlainText()
    profile = api_client.get_customer(CUSTOMER)
    for expected in (
        format_fen(bill.total_fen),
        format_fen(bill.minimum_payment_fen),
        format_fen(bill.paid_fen),
        format_fen(bill.outstanding_fen),
        format_date(bill.statement_date),
        format_date(bill.due_date),
        profile.name,
        profile.phone_masked,
        profile.national_id_masked,
        "CreditDesk",
    ):
        assert expected in plain, expected
    for line in bill.lines:
        assert format_fen(line.amount_fen) in plain
        assert line.description in plain
    assert format_fen(sum(line.amount_fen for line in bill.lines)) in plain
    # Masked, never revealed: no 11-digit phone number and no 18-character ID appear.
    assert not re.search(r"\b1\d{10}\b", plain)
    assert tab.last_render_ms is not None


def test_a_long_statement_runs_over_pages_with_page_numbers(
    qtbot: QtBot, bills_tab: BillsTab, tmp_path: Path
) -> None:
    shown = tab_bill = bills_tab.shown_bill
    assert tab_bill is not None
    template = shown.lines[0]
    lines = tuple(
        BillLine(line_no=i + 1, transaction_id=i + 1, posted_at=template.posted_at, type="purchase",
                 description=f"<b>Shop {i}</b> & co", amount_fen=100 + i)
        for i in range(300)
    )
    fields = {name: getattr(shown, name) for name in BillDetail.__dataclass_fields__ if name != "lines"}
    long_bill = BillDetail(**{**fields, "lines": lines, "total_fen": sum(line.amount_fen for line in lines)})
    document = statement_document(StatementData(bill=long_bill))
    plain = document.toPlainText()
    assert "<b>Shop 7</b> & co" in plain  # escaped: shown as typed, not as markup
    target = tmp_path / "long.pdf"
    pages = save_statement_pdf(document, target)
    assert pages >= 3
    assert pdf_page_count(target.read_bytes()) == pages


def test_no_bill_selected_saves_nothing(qtbot: QtBot, api_client: ApiClient, tmp_path: Path) -> None:
    tab = BillsTab(api_client)
    qtbot.addWidget(tab)
    assert not tab.save_pdf_button.isEnabled()
    assert tab.save_pdf(tmp_path / "none.pdf") is None
    assert not (tmp_path / "none.pdf").exists()
