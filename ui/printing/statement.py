"""A bill as a printed statement (DESIGN.md §5 "a bill prints to PDF").

    document = statement_document(StatementData(bill=detail, customer=profile))
    pages = save_statement_pdf(document, "/tmp/statement.pdf")     # or print_statement(document, printer)

The statement is escaped HTML laid out by a QTextDocument and painted page by page with a
"Page n of m" footer. Painting happens on the GUI thread (Qt requires it for text layout); the
bill's lines are fetched beforehand, in a task. Personal data stays masked, as on screen.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from console.formatting import format_date, format_datetime, format_fen
from console.models import AccountBrief, BillDetail, CustomerProfile
from ui.widgets.chips import bill_status_text, product_text

CONTEXT = "Statement"
PDF_RESOLUTION = 300  # dots per inch of the PDF's layout: sharp text, small files
BODY_POINTS = 9.5
FOOTER_MM = 10.0


# Words used inside the statement's f-strings, marked here so lupdate collects them.
_WORDS = (
    QT_TRANSLATE_NOOP("Statement", "Date"),
    QT_TRANSLATE_NOOP("Statement", "Type"),
    QT_TRANSLATE_NOOP("Statement", "Description"),
    QT_TRANSLATE_NOOP("Statement", "Amount"),
    QT_TRANSLATE_NOOP("Statement", "No lines on this bill."),
    QT_TRANSLATE_NOOP("Statement", "Statement"),
    QT_TRANSLATE_NOOP("Statement", "Lines"),
    QT_TRANSLATE_NOOP("Statement", "Sum of the lines"),
    QT_TRANSLATE_NOOP("Statement", "Printed %1. Phone and ID are masked."),
)


def _t(text: str) -> str:
    return str(QCoreApplication.translate(CONTEXT, text))


@dataclass(frozen=True)
class StatementData:
    """What a statement shows: the bill with its lines, and whose it is (masked)."""

    bill: BillDetail
    customer: CustomerProfile | None = None
    account: AccountBrief | None = None
    printed_at: datetime | None = None


def account_text(account: AccountBrief | None, account_id: int) -> str:
    if account is None:
        return str(account_id)
    return f"{product_text(account.product)} · {account.account_number}"


def statement_html(data: StatementData) -> str:
    """The statement as HTML: every text from the API is escaped."""
    from ui.workspace import labels  # here: ui.workspace's Bills tab imports this module

    bill = data.bill
    esc = html.escape
    printed = data.printed_at or datetime.now(timezone.utc)
    customer = data.customer
    who_rows = []
    if customer is not None:
        who_rows.extend([
            (QCoreApplication.translate("Statement", "Customer"), customer.name),
            (QCoreApplication.translate("Statement", "Phone"), customer.phone_masked),
            (QCoreApplication.translate("Statement", "ID number"), customer.national_id_masked),
        ])
    who_rows.extend([
        (QCoreApplication.translate("Statement", "Account"), account_text(data.account, bill.account_id)),
        (QCoreApplication.translate("Statement", "Statement date"), format_date(bill.statement_date)),
        (QCoreApplication.translate("Statement", "Due date"), format_date(bill.due_date)),
        (QCoreApplication.translate("Statement", "Status"), bill_status_text(bill.status)),
    ])
    money_rows = [
        (QCoreApplication.translate("Statement", "Previous balance"), bill.previous_balance_fen),
        (QCoreApplication.translate("Statement", "Total of this bill"), bill.total_fen),
        (QCoreApplication.translate("Statement", "Minimum payment"), bill.minimum_payment_fen),
        (QCoreApplication.translate("Statement", "Paid"), bill.paid_fen),
        (QCoreApplication.translate("Statement", "Outstanding"), bill.outstanding_fen),
    ]
    cell = "padding:3px 8px; border-bottom:1px solid #d5dbe3;"
    who = "".join(
        f"<tr><td style='padding:2px 16px 2px 0; color:#5f6b7a'>{esc(label)}</td><td style='padding:2px 0'>{esc(value)}</td></tr>"
        for label, value in who_rows
    )
    money = "".join(
        f"<tr><td style='padding:2px 16px 2px 0; color:#5f6b7a'>{esc(label)}</td>"
        f"<td align='right' style='padding:2px 0'><b>{esc(format_fen(fen))}</b></td></tr>"
        for label, fen in money_rows
    )
    # Plain cells (the table's cellpadding, no style per cell): a few hundred lines lay out fast.
    lines = "".join(
        f"<tr><td>{esc(format_datetime(line.posted_at))}</td>"
        f"<td>{esc(labels.label(labels.TRANSACTION_TYPES, line.type))}</td>"
        f"<td>{esc(line.description)}</td>"
        f"<td align='right'>{esc(format_fen(line.amount_fen))}</td></tr>"
        for line in bill.lines
    )
    lines_sum = sum(line.amount_fen for line in bill.lines)
    head = (
        f"<th align='left' style='{cell}'>{esc(_t('Date'))}</th>"
        f"<th align='left' style='{cell}'>{esc(_t('Type'))}</th>"
        f"<th align='left' style='{cell}'>{esc(_t('Description'))}</th>"
        f"<th align='right' style='{cell}'>{esc(_t('Amount'))}</th>"
    )
    no_lines = (
        f"<tr><td colspan='4' style='{cell}'>{esc(_t('No lines on this bill.'))}</td></tr>" if not bill.lines else ""
    )
    line_count = str(len(bill.lines))  # "Lines (12)": a number reads the same in every language
    return (
        "<html><body>"
        f"<p style='font-size:16pt; margin:0'><b>CreditDesk</b></p>"
        f"<p style='font-size:13pt; margin:0 0 10px 0'>{esc(_t('Statement'))} · {esc(format_date(bill.statement_date))}</p>"
        "<table width='100%' cellspacing='0'><tr>"
        f"<td valign='top' width='55%'><table cellspacing='0'>{who}</table></td>"
        f"<td valign='top' width='45%'><table cellspacing='0' align='right'>{money}</table></td>"
        "</tr></table>"
        f"<p style='margin:14px 0 4px 0'><b>{esc(_t('Lines'))}</b> "
        f"({esc(line_count)})</p>"
        f"<table width='100%' cellspacing='0' cellpadding='3'><thead><tr>{head}</tr></thead><tbody>{lines}{no_lines}"
        f"<tr><td colspan='3' style='padding:4px 8px'><b>{esc(_t('Sum of the lines'))}</b></td>"
        f"<td align='right' style='padding:4px 8px'><b>{esc(format_fen(lines_sum))}</b></td></tr>"
        "</tbody></table>"
        f"<p style='margin-top:14px; color:#5f6b7a; font-size:8pt'>"
        f"{esc(_t('Printed %1. Phone and ID are masked.').replace('%1', format_datetime(printed)))}</p>"
        "</body></html>"
    )


def statement_document(data: StatementData, *, font: QFont | None = None) -> QTextDocument:
    """The statement laid out as a text document in `font` (default: the application's, read on
    the GUI thread; a pool thread passes a copy it was given)."""
    document = QTextDocument()
    font = QFont(font if font is not None else QGuiApplication.font())
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(statement_html(data))
    return document


def render_statement(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Paint `document` onto `device` (a QPdfWriter or a QPrinter), page by page, with
    "Page n of m" at the foot of each page; returns the number of pages."""
    resolution = device.logicalDpiY()
    paint_rect = device.pageLayout().paintRectPixels(resolution)
    footer = FOOTER_MM / 25.4 * resolution
    width, height = float(paint_rect.width()), float(paint_rect.height()) - footer
    layout = document.documentLayout()
    layout.setPaintDevice(device)
    document.setPageSize(QSizeF(width, height))
    pages = max(1, document.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("Statement", "The statement could not be written: the printer or file is not available."))
    try:
        footer_font = QFont(document.defaultFont())
        footer_font.setPointSizeF(BODY_POINTS - 1.5)
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * height)
            document.drawContents(painter, QRectF(0, page * height, width, height))
            painter.restore()
            painter.setFont(footer_font)
            text = QCoreApplication.translate("Statement", "Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(pages))
            painter.drawText(QRectF(0, height, width, footer), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), text)
    finally:
        painter.end()
    return pages


def save_statement_pdf(document: QTextDocument, path: str | Path) -> int:
    """Write `document` as an A4 PDF at `path`; returns the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(QCoreApplication.translate("Statement", "Statement"))
    writer.setCreator("CreditDesk")
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 12), QPageLayout.Unit.Millimeter)
    )
    return render_statement(document, writer)


def default_file_name(data: StatementData) -> str:
    """`statement-HB0000000043-2026-11-01.pdf`"""
    number = data.account.account_number if data.account is not None else str(data.bill.account_id)
    return f"statement-{number}-{data.bill.statement_date.isoformat()}.pdf"
