"""The customer workspace: one tab of the main window per customer on the line (DESIGN §5).

An action bar under the header files a dispute, reports fraud, opens the arrangement wizard or
adds a note; what was filed shows at once (a line saying where the case went, the header's chips
and open cases, the Cases tab). Every write goes through the outbox (`console.outbox.send`).

Opening it makes one round trip (`get_customer` with `include=accounts,current_bills,plans`)
that fills the header, the alert strip under it (`alerts`: live and waiting arrangements, open
disputes and fraud reports, freezes, last contact; docs/contact-history.md) and the Overview at
once; the other tabs load on first show. Every call
runs on a background task (`ui.tasks`); a failure shows in a banner with Retry, where it happened.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.arrangements import Arrangement
from console.changes import Change
from console.disputes import Dispute
from console.formatting import format_datetime
from console.fraud import FraudReport
from console.models import CustomerProfile, InstallmentPlan, Transaction
from console.outbox import Outbox, Queued
from ui.casework.labels import QUEUE_TEXTS, text_of
from ui.changes import ChangeBus, RefreshOnChange
from ui.icons import icon
from ui.tasks import LatestOnly, Task
from ui.turns import TurnByTurn
from ui.widgets import BusyIndicator, ErrorBanner
from ui.workspace.alerts import AlertStrip
from ui.workspace.arrangements import ArrangementsTab
from ui.workspace.audit import add_audit_tab
from ui.workspace.bills import BillsTab
from ui.workspace.cases import CasesTab
from ui.workspace.header import CustomerHeader, primary_account
from ui.workspace.history import HistoryTab
from ui.workspace.installments import InstallmentsTab
from ui.workspace.notes import NotesTab
from ui.workspace.overview import OverviewTab
from ui.workspace.reveal import RevealDialog
from ui.workspace.transactions import TransactionsTab

LazyTab = BillsTab | InstallmentsTab | TransactionsTab | CasesTab | NotesTab | ArrangementsTab | HistoryTab

OPEN_INCLUDES = ("accounts", "current_bills", "plans", "alerts")
# Roles that may read and reveal customer data (DESIGN §3 roles); admin may not.
CUSTOMER_ROLES = frozenset({"agent", "dispute_handler", "supervisor"})
# Roles that may file disputes and fraud reports, propose arrangements and write notes.
FILING_ROLES = frozenset({"agent", "dispute_handler", "supervisor"})


class CustomerWorkspace(QWidget):
    """Header and tabs for one customer.

    Signals:
        loaded: the header and the Overview are filled (after each successful load).
        load_failed(exc): opening (or refreshing) failed; the banner shows it with Retry.
        title_changed(str): the tab's title (the customer's name) is known.
        revealed(field, value): a masked field was revealed (audited server-side).
        case_requested(int): open this case (the Cases tab's double-click or Enter).
        filed(object): a dispute, fraud report or arrangement was filed: the `Dispute`,
            `FraudReport` or `Arrangement`, or a `console.outbox.Queued`; the notice line says
            what happened.
    """

    loaded = Signal()
    load_failed = Signal(object)
    title_changed = Signal(str)
    revealed = Signal(str, object)
    case_requested = Signal(int)
    filed = Signal(object)

    def __init__(self, client: ApiClient, customer_id: int, *, role: str, outbox: Outbox | None = None,
                 changes: ChangeBus | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerWorkspace")
        self.client = client
        self.customer_id = customer_id
        self.role = role
        self.outbox = outbox
        self.dialog: QDialog | None = None  # the dispute, fraud or arrangement dialog open now
        self.profile: CustomerProfile | None = None
        self.load_task: Task[CustomerProfile] | None = None
        self.reveal_dialog: RevealDialog | None = None
        self._loader = LatestOnly()
        self._filling = TurnByTurn(self)
        self._opening = TurnByTurn(self)  # a lazy tab clicked for the first time, built turn by turn
        self._title = self.tr("Customer %1").replace("%1", str(customer_id))
        # Another view's write on this customer's accounts (or one delivered from the outbox)
        # refreshes the workspace: now if it is on screen, else when it is next shown.
        self.refresh_on_change = (
            RefreshOnChange(self, changes, shows=self.shows_change, refresh=self.reload) if changes is not None else None
        )
        # The round trip starts first and runs while the widgets are built.
        self.busy = BusyIndicator(keep_space=False)
        self._request_profile()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)

        self.loading_row = QWidget()
        loading_layout = QHBoxLayout(self.loading_row)
        loading_layout.setContentsMargins(0, 0, 0, 0)
        loading_layout.addWidget(self.busy)
        self.loading_label = QLabel(self.tr("Opening customer %1…").replace("%1", str(customer_id)))
        self.loading_label.setProperty("role", "secondary")
        loading_layout.addWidget(self.loading_label)
        loading_layout.addStretch(1)
        layout.addWidget(self.loading_row)

        self._pages: dict[str, QWidget] = {}
        self._built: dict[str, LazyTab] = {}
        # The header and the tabs are built in the next turn, while the round trip runs: the
        # turn that opens the tab stays short (the fill follows, turn by turn, once it answers).
        self._parts_built = False
        self._filling.run([self._build_parts])

    def _build_parts(self) -> None:
        """Build the header and the tabs (hidden until the first answer fills them), once."""
        if self._parts_built:
            return
        self._parts_built = True
        self.header = CustomerHeader(self)
        self.header.connect_reveal(self.request_reveal)
        self.header.set_can_reveal(self.role in CUSTOMER_ROLES)
        self.refresh_button = QToolButton()
        self.refresh_button.setIcon(icon("refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh (F5)"))
        self.refresh_button.setAccessibleName(self.tr("Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.clicked.connect(self.reload)
        self.header.add_action(self.refresh_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.header)
        self.alert_strip = AlertStrip(self)
        layout.addWidget(self.alert_strip)
        self._build_action_bar(layout)
        self.notice = ErrorBanner(self)
        self.notice.setAccessibleName(self.tr("What was just filed"))
        layout.addWidget(self.notice)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("WorkspaceTabs")  # the theme's narrower tabs: all of them fit at 1280
        self.tabs.setDocumentMode(True)
        self.overview_tab = OverviewTab()
        self.tabs.addTab(self.overview_tab, icon("overview"), self.tr("Overview"))
        # The other tabs are built on first show: a workspace opens with what a call needs first.
        for name, icon_name, title in (
            ("bills", "bill", self.tr("Bills")),
            ("installments", "installments", self.tr("Installments")),
            ("transactions", "transactions", self.tr("Transactions")),
            ("cases", "cases", self.tr("Cases")),
            ("notes", "note", self.tr("Notes")),
            ("arrangements", "check", self.tr("Arrangements")),
            ("history", "clock", self.tr("History")),
        ):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
            self.tabs.addTab(page, icon(icon_name), title)
        self.audit_tab = add_audit_tab(self.tabs, self.client, self.customer_id, self.role)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setVisible(False)
        layout.addWidget(self.tabs, 1)
        self.refresh_button.setEnabled(False)
        self._update_actions()

    def _build_action_bar(self, layout: QVBoxLayout) -> None:
        """Dispute…, Report fraud…, Arrangement…, Add note: what an agent does on a call."""
        self.action_bar = QWidget(self)
        self.action_bar.setObjectName("workspaceActions")
        bar = QHBoxLayout(self.action_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)

        def button(name: str, icon_name: str, text: str, tip: str, slot: Callable[[], object]) -> QToolButton:
            tool = QToolButton(self.action_bar)
            tool.setObjectName(name)
            tool.setIcon(icon(icon_name))
            tool.setText(text)
            tool.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            tool.setProperty("help", tip)
            tool.setToolTip(tip)
            tool.clicked.connect(lambda: slot())
            bar.addWidget(tool)
            return tool

        self.dispute_button = button(
            "disputeButton", "warning", self.tr("Dispute…"),
            self.tr("Dispute a charge: the one selected in Transactions, or pick one"), self.open_dispute)
        self.fraud_button = button(
            "fraudButton", "lock", self.tr("Report fraud…"),
            self.tr("Report fraud and freeze the account; selected purchases are linked"), self.open_fraud)
        self.arrangement_button = button(
            "arrangementButton", "installments", self.tr("Arrangement…"),
            self.tr("Installments, a later due date, a hardship plan, a waiver or a promise to pay"),
            self.open_arrangement)
        self.note_button = button(
            "noteButton", "note", self.tr("Add note"), self.tr("Write a contact note (Notes tab)"), self.add_note)
        bar.addStretch(1)
        layout.addWidget(self.action_bar)

    def _update_actions(self) -> None:
        """Enable what makes sense now; a disabled button's tooltip says why."""
        profile = self.profile
        if self.role not in FILING_ROLES:
            why: str | None = self.tr("Your role cannot file casework or notes.")
        elif profile is None:
            why = self.tr("Opening the customer…")
        elif not profile.accounts:
            why = self.tr("The customer has no account.")
        else:
            why = None
        for tool in (self.dispute_button, self.fraud_button, self.arrangement_button, self.note_button):
            allowed = why is None or (tool is self.note_button and profile is not None
                                      and self.role in FILING_ROLES and bool(profile.accounts))
            tool.setEnabled(allowed)
            tool.setToolTip(str(tool.property("help")) if allowed else (why or ""))

    # -- public ----------------------------------------------------------------------------

    @property
    def title(self) -> str:
        """The tab's title: the customer's name once loaded."""
        return self._title

    @property
    def bills_tab(self) -> BillsTab:
        return self._tab("bills")  # type: ignore[return-value]

    @property
    def installments_tab(self) -> InstallmentsTab:
        return self._tab("installments")  # type: ignore[return-value]

    @property
    def transactions_tab(self) -> TransactionsTab:
        return self._tab("transactions")  # type: ignore[return-value]

    @property
    def cases_tab(self) -> CasesTab:
        return self._tab("cases")  # type: ignore[return-value]

    @property
    def notes_tab(self) -> NotesTab:
        return self._tab("notes")  # type: ignore[return-value]

    def outbox_delivered(self, records: list[Any]) -> None:
        """The outbox delivered `records` (console.outbox.OutboxRecord): the tabs showing what they
        wrote refresh themselves (the notes, for now)."""
        tab = self._built.get("notes")
        if isinstance(tab, NotesTab):
            tab.outbox_delivered(records)

    @property
    def arrangements_tab(self) -> ArrangementsTab:
        return self._tab("arrangements")  # type: ignore[return-value]

    @property
    def history_tab(self) -> HistoryTab:
        return self._tab("history")  # type: ignore[return-value]

    def shows_change(self, change: Change) -> bool:
        """Whether a delivered write touched this customer or one of their accounts."""
        if self.customer_id in change.customer_ids:
            return True
        profile = self.profile
        return profile is not None and change.touches_account({account.id for account in profile.accounts})

    def built_tabs(self) -> list[LazyTab]:
        """The tabs built so far (the lazy ones are built on first show)."""
        return list(self._built.values())

    def _tab(self, name: str) -> LazyTab:
        tab = self._built.get(name)
        if tab is None:
            self._build_parts()
            client, page, role = self.client, self._pages[name], self.role
            # Made inside its page (not reparented into it): see BillsTab on why that matters.
            factories: dict[str, Callable[[], LazyTab]] = {
                "bills": lambda: BillsTab(client, page),
                "installments": lambda: InstallmentsTab(page),
                "transactions": lambda: TransactionsTab(client, page),
                "cases": lambda: CasesTab(client, role, page),
                "notes": lambda: NotesTab(client, page),
                "arrangements": lambda: ArrangementsTab(client, self.outbox, page),
                "history": lambda: HistoryTab(client, page),
            }
            tab = factories[name]()
            self._connect_tab(tab)
            self._pages[name].layout().addWidget(tab)
            self._built[name] = tab
            if self.profile is not None:
                tab.set_profile(self.profile)
        return tab

    def reload(self) -> None:
        """Open (or refresh) the customer: one round trip for the header and the Overview."""
        self._build_parts()
        self.loading_row.setVisible(self.profile is None)
        self.refresh_button.setEnabled(False)
        self._request_profile()

    def _request_profile(self) -> None:
        client, customer_id = self.client, self.customer_id
        task: Task[CustomerProfile] = Task(
            lambda: client.get_customer(customer_id, include=OPEN_INCLUDES), parent=self, label="open customer"
        )
        task.on_success(self._show_profile).on_failure(self._load_failed).with_busy(self.busy)
        self.load_task = task
        self._loader.run(task)

    def _connect_tab(self, tab: LazyTab) -> None:
        if isinstance(tab, TransactionsTab):
            tab.can_file = self.role in FILING_ROLES
            tab.dispute_requested.connect(self.open_dispute)
            tab.fraud_requested.connect(self.open_fraud)
        elif isinstance(tab, CasesTab):
            tab.case_requested.connect(self.case_requested)
        elif isinstance(tab, NotesTab):
            tab.set_outbox(self.outbox)  # notes go through the outbox too
        elif isinstance(tab, ArrangementsTab):
            tab.cancelled.connect(lambda _result: self.reload())
        elif isinstance(tab, InstallmentsTab):
            tab.payoff_button.setVisible(self.role in FILING_ROLES)  # who may propose an arrangement
            tab.payoff_requested.connect(self.open_payoff)

    def show_tab(self, name: str) -> QWidget:
        """Switch to a tab by name (`overview`, `bills`, `installments`, `transactions`, `cases`,
        `notes`, `arrangements`, `history`)."""
        self._build_parts()
        if name == "overview":
            self.tabs.setCurrentWidget(self.overview_tab)
            return self.overview_tab
        tab = self._tab(name)
        self.tabs.setCurrentWidget(self._pages[name])
        return tab

    def request_reveal(self, field: str) -> RevealDialog:
        """Open the reveal dialog for `field` (it asks for the reason; not blocking)."""
        if self.reveal_dialog is not None:
            self.reveal_dialog.close()
            self.reveal_dialog.deleteLater()
        name = self.profile.name if self.profile is not None else self._title
        dialog = RevealDialog(self.client, self.customer_id, field, name, self)
        dialog.revealed.connect(self._show_revealed)
        self.reveal_dialog = dialog
        dialog.open()
        return dialog

    def close_workspace(self) -> None:
        """Drop answers still on their way (the tab is closing)."""
        self._loader.discard()
        self._filling.stop()
        self._opening.stop()
        for tab in self._built.values():
            tab.stop()
        if (audit_tab := getattr(self, "audit_tab", None)) is not None:  # built with the tabs
            audit_tab.close_view()
        if self.dialog is not None:
            self.dialog.reject()

    # -- casework --------------------------------------------------------------------------

    def _current_account_id(self) -> int | None:
        """The account the agent is looking at: the Transactions tab's, else the credit line."""
        transactions = self._built.get("transactions")
        if isinstance(transactions, TransactionsTab) and transactions.account_picker.account_id() is not None:
            return transactions.account_picker.account_id()
        if self.profile is not None:
            account = primary_account(self.profile)
            return account.id if account is not None else None
        return None

    def _selected_transactions(self) -> list[Transaction]:
        transactions = self._built.get("transactions")
        if not isinstance(transactions, TransactionsTab):
            return []
        return [transactions.model.record(row) for row in transactions.selected_rows()]

    def _replace_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def open_dispute(self, transaction: Transaction | None = None) -> QDialog | None:
        """Open the dispute dialog on `transaction`; without one, on the transaction selected in
        the Transactions tab, else with the account's recent charges to pick from."""
        if self.profile is None:
            return None
        from ui.casework.dispute_dialog import DisputeDialog  # the dialogs import this package
        from ui.workspace.transactions import is_disputable

        if transaction is None:
            selected = self._selected_transactions()
            if len(selected) == 1 and is_disputable(selected[0]):
                transaction = selected[0]
        dialog = DisputeDialog(self.client, transaction, profile=self.profile, account_id=self._current_account_id(),
                               outbox=self.outbox, parent=self)
        dialog.filed.connect(self._dispute_filed)
        self._replace_dialog(dialog)
        return dialog

    def open_fraud(self, transactions: Sequence[Transaction] | None = None) -> QDialog | None:
        """Open the fraud dialog with `transactions` ticked (default: the Transactions tab's selection)."""
        if self.profile is None:
            return None
        from ui.casework.fraud_dialog import FraudDialog

        chosen = list(transactions) if transactions is not None else self._selected_transactions()
        account_id = chosen[0].account_id if chosen else self._current_account_id()
        dialog = FraudDialog(self.client, self.profile, account_id=account_id, preselected=chosen,
                             outbox=self.outbox, parent=self)
        dialog.filed.connect(self._fraud_filed)
        self._replace_dialog(dialog)
        return dialog

    def open_arrangement(self) -> QDialog | None:
        """Open the arrangement wizard on the account in view."""
        if self.profile is None:
            return None
        try:  # imported when used: the wizard is a large module most calls never open
            wizard_module: Any = importlib.import_module("ui.arrangements.wizard")
        except ImportError:
            self.notice.show_message(self.tr("The arrangement wizard is not available in this version."),
                                     kind="warning")
            return None
        wizard = wizard_module.ArrangementWizard(
            self.client, self.profile, account_id=self._current_account_id(), outbox=self.outbox, parent=self
        )
        wizard.arrangement_submitted.connect(self._arrangement_submitted)
        self._replace_dialog(wizard)
        return wizard  # type: ignore[no-any-return]

    def open_payoff(self, plan: InstallmentPlan) -> QDialog | None:
        """Open *Pay off early…* on `plan`: the quote first, then the `plan_payoff` arrangement."""
        if self.profile is None:
            return None
        from ui.arrangements.payoff import PayoffDialog  # it imports ui.workspace's labels

        dialog = PayoffDialog(self.client, plan, customer_name=self.profile.name, outbox=self.outbox, parent=self)
        dialog.payoff_set_up.connect(self._arrangement_submitted)
        self._replace_dialog(dialog)
        return dialog

    def add_note(self) -> QWidget:
        """Show the Notes tab with the cursor in its editor."""
        tab = self.show_tab("notes")
        if isinstance(tab, NotesTab):
            tab.editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return tab

    def _dispute_filed(self, result: object) -> None:
        if isinstance(result, Dispute):
            text = (self.tr("Dispute filed: case %1, in the %2 queue; acknowledge due %3.")
                    .replace("%1", str(result.case_id))
                    .replace("%2", text_of(QUEUE_TEXTS, "disputes"))
                    .replace("%3", format_datetime(result.sla.acknowledge_due_at)))
            self._show_filed(text, result)
        else:
            self._show_filed(self._queued_text(result), result)

    def _fraud_filed(self, result: object) -> None:
        if isinstance(result, FraudReport):
            text = (self.tr("Fraud report filed: case %1, in the %2 queue; first review due %3.")
                    .replace("%1", "" if result.case_id is None else str(result.case_id))
                    .replace("%2", text_of(QUEUE_TEXTS, "fraud"))
                    .replace("%3", format_datetime(result.first_review_due_at)))
            if result.account_status == "frozen":
                text += " " + self.tr("The account is frozen.")
            elif not result.freeze_requested:
                text += " " + self.tr("The account stays open.")
            self._show_filed(text, result)
        else:
            self._show_filed(self._queued_text(result), result)

    def _arrangement_submitted(self, result: object) -> None:
        if isinstance(result, Arrangement):
            if result.status == "pending_approval":
                text = self.tr("Arrangement sent for approval: case %1 is in the %2 queue.").replace(
                    "%1", "" if result.case_id is None else str(result.case_id)).replace(
                    "%2", text_of(QUEUE_TEXTS, "approvals"))
            else:
                text = self.tr("Arrangement set up: it is live now.")
            self._show_filed(text, result)
        else:
            self._show_filed(self._queued_text(result), result)

    def _queued_text(self, result: object) -> str:
        label = result.label if isinstance(result, Queued) else ""
        return self.tr("The server cannot be reached: “%1” is kept in the outbox and will be sent when it is "
                       "reachable. Nothing is lost.").replace("%1", label)

    def _show_filed(self, text: str, result: object) -> None:
        """Say what was filed, then show it: the header (chips, open cases) and the Cases tab."""
        self.notice.show_message(text, kind="warning" if isinstance(result, Queued) else "info")
        self.reload()  # the new profile marks the tabs stale; the one on screen reloads at once
        self.filed.emit(result)

    # -- loading ---------------------------------------------------------------------------

    def _show_profile(self, profile: CustomerProfile) -> None:
        # Filled turn by turn (header, then each Overview card), so that opening a customer
        # never holds the GUI thread for long; `profile` is set and `loaded` emitted at the end.
        self.banner.clear()
        self._filling.run([
            self._build_parts,  # if the answer came before the turn that builds them
            lambda: self._fill_header(profile),
        ])

    def _fill_header(self, profile: CustomerProfile) -> None:
        self.loading_row.setVisible(False)
        self.header.show_profile(profile)
        if profile.alerts is not None:
            self.alert_strip.show_alerts(profile.alerts)
        self.tabs.setVisible(True)
        if self._title != profile.name:
            self._title = profile.name
            self.title_changed.emit(profile.name)
        self._filling.add([*self.overview_tab.fill_steps(profile), lambda: self._filled(profile)])

    def _filled(self, profile: CustomerProfile) -> None:
        self.profile = profile
        self.refresh_button.setEnabled(True)
        self._update_actions()
        for tab in self._built.values():
            tab.set_profile(profile)
        self.loaded.emit()
        self._tab_changed(self.tabs.currentIndex())  # a lazy tab on screen reloads now

    def _load_failed(self, exc: BaseException) -> None:
        self._build_parts()
        self.refresh_button.setEnabled(True)
        self.loading_row.setVisible(False)
        self.banner.show_failure(exc, retry=self.reload)
        self.load_failed.emit(exc)

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        name = next((n for n, p in self._pages.items() if p is page), None)
        if self.profile is None or name is None:
            return
        if name in self._built:
            self._tab(name).activate()
            return
        # Clicked for the first time: the switch is painted in this turn, the tab is built in the
        # next and asks for its rows in the one after, so no turn does it all (DESIGN.md §6).
        self._opening.run([lambda: self._tab(name), lambda: self._activate_if_current(name)])

    @property
    def is_opening_tab(self) -> bool:
        """True while a tab clicked for the first time is still being built."""
        return self._opening.is_running

    def _activate_if_current(self, name: str) -> None:
        if self.tabs.currentWidget() is self._pages.get(name):
            self._tab(name).activate()

    # -- reveal ----------------------------------------------------------------------------

    def _show_revealed(self, field: str, value: object) -> None:
        self._build_parts()
        target = {"phone": self.header.phone, "national_id": self.header.national_id}.get(field)
        if target is not None:
            target.show_revealed(None if value is None else str(value))
        self.revealed.emit(field, value)
