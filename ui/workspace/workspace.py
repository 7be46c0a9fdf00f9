"""The customer workspace: one tab of the main window per customer on the line (DESIGN §5).

Opening it makes one round trip (`get_customer` with `include=accounts,current_bills,plans`)
that fills the header and the Overview at once; the other tabs load on first show. Every call
runs on a background task (`ui.tasks`); a failure shows in a banner with Retry, where it happened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.api import ApiClient
from console.models import CustomerProfile
from ui.icons import icon
from ui.tasks import LatestOnly, Task
from ui.turns import TurnByTurn
from ui.widgets import BusyIndicator, ErrorBanner
from ui.workspace.bills import BillsTab
from ui.workspace.header import CustomerHeader
from ui.workspace.installments import InstallmentsTab
from ui.workspace.notes import NotesTab
from ui.workspace.overview import OverviewTab
from ui.workspace.reveal import RevealDialog
from ui.workspace.transactions import TransactionsTab

LazyTab = BillsTab | InstallmentsTab | TransactionsTab | NotesTab

OPEN_INCLUDES = ("accounts", "current_bills", "plans")
# Roles that may read and reveal customer data (DESIGN §3 roles); admin may not.
CUSTOMER_ROLES = frozenset({"agent", "dispute_handler", "supervisor"})


class CustomerWorkspace(QWidget):
    """Header and tabs for one customer.

    Signals:
        loaded: the header and the Overview are filled (after each successful load).
        load_failed(exc): opening (or refreshing) failed; the banner shows it with Retry.
        title_changed(str): the tab's title (the customer's name) is known.
        revealed(field, value): a masked field was revealed (audited server-side).
    """

    loaded = Signal()
    load_failed = Signal(object)
    title_changed = Signal(str)
    revealed = Signal(str, object)

    def __init__(self, client: ApiClient, customer_id: int, *, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerWorkspace")
        self.client = client
        self.customer_id = customer_id
        self.role = role
        self.profile: CustomerProfile | None = None
        self.load_task: Task[CustomerProfile] | None = None
        self.reveal_dialog: RevealDialog | None = None
        self._loader = LatestOnly()
        self._filling = TurnByTurn(self)
        self._title = self.tr("Customer %1").replace("%1", str(customer_id))
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

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.overview_tab = OverviewTab()
        self.tabs.addTab(self.overview_tab, icon("overview"), self.tr("Overview"))
        # The other tabs are built on first show: a workspace opens with what a call needs first.
        for name, icon_name, title in (
            ("bills", "bill", self.tr("Bills")),
            ("installments", "installments", self.tr("Installments")),
            ("transactions", "transactions", self.tr("Transactions")),
            ("notes", "note", self.tr("Notes")),
        ):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            self._pages[name] = page
            self.tabs.addTab(page, icon(icon_name), title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.setVisible(False)
        layout.addWidget(self.tabs, 1)
        self.refresh_button.setEnabled(False)

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
    def notes_tab(self) -> NotesTab:
        return self._tab("notes")  # type: ignore[return-value]

    def built_tabs(self) -> list[LazyTab]:
        """The tabs built so far (the lazy ones are built on first show)."""
        return list(self._built.values())

    def _tab(self, name: str) -> LazyTab:
        tab = self._built.get(name)
        if tab is None:
            self._build_parts()
            client, page = self.client, self._pages[name]
            # Made inside its page (not reparented into it): see BillsTab on why that matters.
            factories: dict[str, Callable[[], LazyTab]] = {
                "bills": lambda: BillsTab(client, page),
                "installments": lambda: InstallmentsTab(page),
                "transactions": lambda: TransactionsTab(client, page),
                "notes": lambda: NotesTab(client, page),
            }
            tab = factories[name]()
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

    def show_tab(self, name: str) -> QWidget:
        """Switch to a tab by name (`overview`, `bills`, `installments`, `transactions`, `notes`)."""
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
        for tab in self._built.values():
            tab.stop()

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
        self.tabs.setVisible(True)
        if self._title != profile.name:
            self._title = profile.name
            self.title_changed.emit(profile.name)
        self._filling.add([*self.overview_tab.fill_steps(profile), lambda: self._filled(profile)])

    def _filled(self, profile: CustomerProfile) -> None:
        self.profile = profile
        self.refresh_button.setEnabled(True)
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
        if self.profile is not None and name is not None:
            self._tab(name).activate()

    # -- reveal ----------------------------------------------------------------------------

    def _show_revealed(self, field: str, value: object) -> None:
        self._build_parts()
        target = {"phone": self.header.phone, "national_id": self.header.national_id}.get(field)
        if target is not None:
            target.show_revealed(None if value is None else str(value))
        self.revealed.emit(field, value)
