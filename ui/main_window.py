"""The main window: search always at hand, a tab per open customer or case, views by role."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from console import session
from console.api import ApiClient
from console.errors import Unauthorized
from console.models import User
from ui import i18n, tasks, theme
from ui.admin.policy import PolicyView
from ui.admin.users import UsersView
from ui.audit.trail import AuditTrailView
from ui.cases.case_page import CasePage
from ui.cases.queue import CaseListView
from ui.changes import ChangeBus
from ui.export import export_view, find_export_view, show_header_menu
from ui.failures import is_known_failure
from ui.icons import icon
from ui.login import ReloginDialog
from ui.roles import AVAILABLE_VIEWS, landing_view, role_text, views_for
from ui.search import SearchPage
from ui.supervisor.approvals import ApprovalsView
from ui.supervisor.dashboard import DashboardView
from ui.tasks import Task
from ui.turns import TurnByTurn
from ui.widgets import BusyIndicator, ErrorBanner
from ui.workspace import CustomerWorkspace

if TYPE_CHECKING:
    from console.outbox import Outbox

log = logging.getLogger(__name__)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
SETTINGS_THEME = "appearance/theme"
SETTINGS_LANGUAGE = "appearance/language"


def view_title(view: str) -> str:
    titles = {
        "search": QApplication.translate("MainWindow", "Search"),
        "my_cases": QApplication.translate("MainWindow", "My cases"),
        "queues": QApplication.translate("MainWindow", "Queues"),
        "approvals": QApplication.translate("MainWindow", "Approvals"),
        "dashboard": QApplication.translate("MainWindow", "Dashboard"),
        "audit": QApplication.translate("MainWindow", "Audit trail"),
        "users": QApplication.translate("MainWindow", "Users"),
        "policy": QApplication.translate("MainWindow", "Policy"),
    }
    return titles.get(view, view)


def view_description(view: str) -> str:
    texts = {
        "my_cases": QApplication.translate(
            "MainWindow", "The disputes, fraud reports and arrangements assigned to you, by deadline."
        ),
        "queues": QApplication.translate(
            "MainWindow", "The dispute and fraud queues with their SLA state, and “take next”."
        ),
        "approvals": QApplication.translate(
            "MainWindow", "Arrangements and large dispute outcomes waiting for a supervisor's approval."
        ),
        "dashboard": QApplication.translate(
            "MainWindow", "Queue depth, cases at risk or breached, ageing and approvals waiting."
        ),
        "audit": QApplication.translate("MainWindow", "Who changed or revealed what, and when."),
        "users": QApplication.translate("MainWindow", "Users, roles and passwords."),
        "policy": QApplication.translate("MainWindow", "Policy limits with four eyes, and their history."),
    }
    return texts.get(view, "")


def view_icon(view: str) -> str:
    return {
        "search": "search",
        "my_cases": "cases",
        "queues": "queue",
        "approvals": "approvals",
        "dashboard": "dashboard",
        "audit": "lock",
        "users": "customer",
        "policy": "approvals",
    }.get(view, "info")


class LaterReleasePage(QWidget):
    """An honest page for a view this release does not have yet: what it will hold, no fake data."""

    def __init__(self, view: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        frame = QFrame()
        frame.setObjectName("Placeholder")
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(28, 24, 28, 28)
        heading = QLabel(view_title(view))
        heading.setObjectName("pageHeading")
        inner.addWidget(heading)
        soon = QLabel(self.tr("Coming in a later release."))
        soon.setProperty("role", "secondary")
        inner.addWidget(soon)
        inner.addSpacing(8)
        what = QLabel(view_description(view))
        what.setWordWrap(True)
        inner.addWidget(what)
        inner.addStretch(1)
        layout.addWidget(frame, 1)


class SearchBox(QLineEdit):
    """The search field: Down moves into the results, Escape clears it.

    After a full phone number found its customers the box shows it masked (`show_masked`), as
    the results and the header do; the search behind it keeps the number. Typing into the
    masked text starts a new entry (the mask is never searched for)."""

    downPressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.masked = False
        self.textChanged.connect(self._typed)

    def show_masked(self, masked: str) -> None:
        """Show `masked` in place of the number typed, without searching again."""
        if self.text() == masked:
            return
        self.blockSignals(True)
        self.setText(masked)
        self.blockSignals(False)
        self.masked = True

    def _typed(self, _text: str) -> None:
        self.masked = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.downPressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        deletes = event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        types = bool(event.text()) and event.text().isprintable()
        if self.masked and (types or deletes or event.matches(QKeySequence.StandardKey.Paste)):
            self.clear()  # a new entry: the masked number is never part of it
            if deletes:
                return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class OpenTab:
    """A customer's or a case's tab: what to reopen after a language switch."""

    kind: str  # "customer" | "case"
    id: int
    title: str


class MainWindow(QMainWindow):
    """The console after sign-in.

    ``client`` is signed in as ``user``; ``server_label`` is what the status bar says about the
    server. While the window lives it is the one place failures go
    (``tasks.set_unhandled_failure_handler``) and the one that asks for the password again when a
    session ends (``tasks.set_reauthentication_handler``), then re-runs what failed.

    Signals: ``loggedOut()`` after "Log out"; ``languageChangeRequested(str)`` when the user picks
    a language (the app rebuilds the window in it); ``customerOpened(int)`` when a tab is added;
    ``caseOpened(int)`` when a case tab is added.

    ``outbox`` (made by the app after sign-in) is where writes that cannot reach the server are
    kept; it is passed on to every customer workspace and case page.

    The window is built over several turns of the event loop, so that no turn holds the GUI
    thread long (DESIGN.md §6): the constructor makes the frame (menus, search box, side list,
    tabs, status bar), the next turns the first view's page and its selection. ``is_built`` says
    when that is done; ``search_page`` and ``view_page()`` build their page at once if asked
    before.
    """

    loggedOut = Signal()
    languageChangeRequested = Signal(str)
    customerOpened = Signal(int)
    caseOpened = Signal(int)

    def __init__(
        self,
        client: ApiClient,
        user: User,
        *,
        settings: QSettings,
        server_label: str,
        remember_key: str | None = None,
        outbox: Outbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.client = client
        self.user = user
        self.outbox = outbox
        self._settings = settings
        self._remember_key = remember_key
        self._relogin: ReloginDialog | None = None
        self._waiting_for_login: list[tuple[Task[Any], Unauthorized]] = []
        self._closing = False
        self._server_label = server_label
        # Ends with the application's display name, so Qt (X11, Wayland) does not append it again.
        self.setWindowTitle(self.tr("%1 — CreditDesk").replace("%1", user.display_name or user.username))
        self.setWindowIcon(icon("customer"))
        self.resize(1280, 800)

        self._search_page: SearchPage | None = None
        # What a delivered write changed, for the open views that show it (ui/changes.py).
        self.changes = ChangeBus(client, self)
        self._build_actions()
        self._build_central()
        self._build_status_bar()
        self._restore_geometry()
        self._building = TurnByTurn(self)
        self._building.run([lambda: self.search_page, self._select_first_view])

        tasks.set_unhandled_failure_handler(self.show_unhandled_failure)
        tasks.set_reauthentication_handler(self.reauthenticate)

    # -- building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.export_action = QAction(icon("export"), self.tr("&Export CSV…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip(self.tr("Save the table in front of you as a CSV file"))
        self.export_action.triggered.connect(lambda: self.export_csv())
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.log_out_action = QAction(icon("logout"), self.tr("Log &out"), self)
        self.log_out_action.triggered.connect(self.log_out)
        file_menu.addAction(self.log_out_action)
        file_menu.addSeparator()
        self.quit_action = QAction(icon("quit"), self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self._quit)
        file_menu.addAction(self.quit_action)

        view_menu = menu.addMenu(self.tr("&View"))
        self.search_action = QAction(icon("search"), self.tr("Find customer"), self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.search_action)
        self.close_tab_action = QAction(icon("close"), self.tr("Close tab"), self)
        self.close_tab_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_tab_action.triggered.connect(self.close_current_customer)
        view_menu.addAction(self.close_tab_action)
        view_menu.addSeparator()

        theme_menu = view_menu.addMenu(icon("theme"), self.tr("Theme"))
        self._theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            action = QAction(text, self, checkable=True)
            action.setData(name)
            action.setChecked(theme.current_theme() == name)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))
            self._theme_group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[name] = action

        language_menu = view_menu.addMenu(icon("language"), self.tr("Language"))
        self._language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in i18n.LANGUAGES:
            action = QAction(i18n.LANGUAGE_NAMES[code], self, checkable=True)
            action.setChecked(i18n.current_language() == code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self._language_group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = menu.addMenu(self.tr("&Help"))
        about = QAction(self.tr("About CreditDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_central(self) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        top = QFrame()
        top.setObjectName("TopBar")
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 10, 12, 10)
        top_row.setSpacing(10)
        title = QLabel(self.tr("CreditDesk"))
        title.setObjectName("appTitle")
        title.setFixedWidth(176)
        top_row.addWidget(title)
        self.search_box = SearchBox()
        self.search_box.setObjectName("SearchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search: phone number, account number, name or ID last 4  (Ctrl+K)")
        )
        self.search_box.setAccessibleName(self.tr("Search customers"))
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        top_row.addWidget(self.search_box, 1)
        self.busy = BusyIndicator(self)
        top_row.addWidget(self.busy)
        outer.addWidget(top)

        self.banner = ErrorBanner(self)
        banner_row = QHBoxLayout()
        banner_row.setContentsMargins(12, 0, 12, 6)
        banner_row.addWidget(self.banner)
        outer.addLayout(banner_row)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.view_list = QListWidget()
        self.view_list.setObjectName("ViewList")
        self.view_list.setFixedWidth(200)
        self.view_list.setAccessibleName(self.tr("Views"))
        body.addWidget(self.view_list)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(10, 8, 10, 10)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("CustomerTabs")
        self.tabs.setDocumentMode(False)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        content_layout.addWidget(self.tabs)
        body.addWidget(content, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        # The first tab holds the side list's views; customer tabs follow it.
        self.views = QStackedWidget()
        # The role's views; a later release's placeholder page is built when first opened.
        self._views: tuple[str, ...] = tuple(views_for(self.user.role))
        self._view_pages: dict[str, QWidget] = {}
        # The page of each view this release has, built when first opened; one line per view.
        self._view_factories: dict[str, Callable[[], QWidget]] = {
            "my_cases": lambda: self._case_list("mine"),
            "queues": lambda: self._case_list("queues"),
            "approvals": self._approvals,
            "dashboard": self._dashboard,
            "audit": lambda: AuditTrailView(self.client, can_verify=self.user.role == "admin"),
            "users": lambda: UsersView(self.client, user=self.user),
            "policy": lambda: PolicyView(self.client, user=self.user),
        }
        for view in self._views:
            item = QListWidgetItem(icon(view_icon(view)), view_title(view))
            item.setData(Qt.ItemDataRole.UserRole, view)
            if view not in AVAILABLE_VIEWS:
                item.setText(view_title(view))
                item.setToolTip(self.tr("Coming in a later release"))
                item.setForeground(self.palette().placeholderText())
            self.view_list.addItem(item)
        if "search" not in self._views:
            self.search_box.setEnabled(False)
            self.search_box.setPlaceholderText(self.tr("Customer search is not part of the %1 role").replace(
                "%1", role_text(self.user.role)
            ))
        landing = landing_view(self.user.role)  # handlers and supervisors land on their queue
        first = (landing if landing in self._views else self._views[0]) if self._views else "search"
        self.tabs.addTab(self.views, icon(view_icon(first)), view_title(first))
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(0, QTabBar.ButtonPosition.LeftSide, None)
        self.view_list.currentItemChanged.connect(self._view_selected)

        self.search_box.textChanged.connect(self._search_text_changed)
        self.search_box.returnPressed.connect(self._search_entered)
        self.search_box.downPressed.connect(self._into_results)

    @property
    def search_page(self) -> SearchPage:
        """The customer search's page (built on first use; hidden for a role without search)."""
        if self._search_page is None:
            page = SearchPage(self.client, self)
            self._search_page = page
            page.customerActivated.connect(self.open_customer)
            page.phoneMasked.connect(self.search_box.show_masked)
            page.table.backToSearch.connect(self.focus_search)
            if "search" in self._views:
                self._view_pages["search"] = page
                self.views.addWidget(page)
            else:
                page.hide()
        return self._search_page

    @property
    def is_built(self) -> bool:
        """True once the turns that build the window have all run."""
        return not self._building.is_running

    def _select_first_view(self) -> None:
        """The last building turn: the role's landing view in front (`ui.roles.landing_view`),
        unless one was asked for meanwhile; a customer or case tab opened meanwhile stays current."""
        if self.view_list.currentRow() >= 0 or not self.view_list.count():
            return
        tab = self.tabs.currentIndex()
        landing = landing_view(self.user.role)
        rows = [self.view_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.view_list.count())]
        self.view_list.setCurrentRow(rows.index(landing) if landing in rows else 0)
        self.tabs.setCurrentIndex(tab)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.server_status = QLabel()
        self.user_status = QLabel()
        # The outbox count (hidden while empty); it drains the outbox until this window closes.
        from ui.outbox import OutboxStatus

        self.outbox_status: OutboxStatus | None = (
            OutboxStatus(self.outbox, self.client) if self.outbox is not None else None
        )
        if self.outbox_status is not None:
            bar.addPermanentWidget(self.outbox_status)
            self.outbox_status.watch(self)
            # A delivered write refreshes the open workspaces that show it (no F5 needed).
            self.outbox_status.drainer.delivered.connect(
                lambda records: [w.outbox_delivered(records) for w in self.customer_tabs()])
        bar.addPermanentWidget(self.server_status)
        bar.addPermanentWidget(self.user_status)
        self.set_server_label(self._server_label)
        self.user_status.setText(
            self.tr("%1 · %2").replace("%1", self.user.display_name or self.user.username).replace(
                "%2", role_text(self.user.role)
            )
        )
        self.user_status.setToolTip(self.tr("Signed in as %1").replace("%1", self.user.username))

    def set_server_label(self, text: str) -> None:
        self._server_label = text
        self.server_status.setText(text)

    # -- search and tabs ----------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+K: the search box, its text selected, with the Search view in front."""
        if not self.search_box.isEnabled():
            return
        self._show_view("search")
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_text_changed(self, text: str) -> None:
        if text.strip():
            self._show_view("search")
        self.search_page.set_query(text)

    def _search_entered(self) -> None:
        self._show_view("search")
        self.search_page.enter_pressed()

    def _into_results(self) -> None:
        self._show_view("search")
        self.search_page.focus_results()

    def _view_page(self, view: str) -> QWidget | None:
        """The page of one of the role's views (None for a view the role does not have)."""
        if view not in self._views:
            return None
        if view == "search":
            return self.search_page
        page = self._view_pages.get(view)
        if page is None:
            factory = self._view_factories.get(view)
            page = factory() if factory is not None and view in AVAILABLE_VIEWS else LaterReleasePage(view)
            self._view_pages[view] = page
            self.views.addWidget(page)
        return page

    def _approvals(self) -> ApprovalsView:
        view = ApprovalsView(self.client, user=self.user, outbox=self.outbox, changes=self.changes)
        view.case_requested.connect(self.open_case)
        return view

    def _dashboard(self) -> DashboardView:
        view = DashboardView(self.client)
        view.tile_activated.connect(self.open_dashboard_list)
        return view

    def open_dashboard_list(self, key: str) -> QWidget | None:
        """The list a dashboard tile counts (`ui.supervisor.dashboard.KPI_KEYS`): the approvals
        inbox, or the queues with only the tile's filter (the same open cases the server counted)."""
        if key == "approvals":
            return self.show_view("approvals")
        page = self.show_view("queues")
        if isinstance(page, CaseListView):
            filters = {"at_risk": {"sla_state": "at_risk"}, "breached": {"sla_state": "breached"},
                       "unassigned": {"assignee": "none"}}
            page.show_matching(**filters.get(key, {}))
        return page

    def _case_list(self, mode: str) -> CaseListView:
        view = CaseListView(self.client, user=self.user, mode=mode, changes=self.changes)
        view.case_requested.connect(self.open_case)
        return view

    def view_page(self, view: str) -> QWidget | None:
        """The page of one of the role's views, built if it was not yet (None: not the role's)."""
        return self._view_page(view)

    def show_view(self, view: str) -> QWidget | None:
        """Bring one of the role's views to the front; returns its page."""
        self._show_view(view)
        return self._view_pages.get(view)

    def _show_view(self, view: str) -> None:
        page = self._view_page(view)
        if page is None:
            return
        for row in range(self.view_list.count()):
            if self.view_list.item(row).data(Qt.ItemDataRole.UserRole) == view:
                if self.view_list.currentRow() != row:
                    self.view_list.setCurrentRow(row)
                break
        self.views.setCurrentWidget(page)
        self.tabs.setCurrentIndex(0)

    def _view_selected(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        view = str(current.data(Qt.ItemDataRole.UserRole))
        page = self._view_page(view)
        if page is not None:
            self.views.setCurrentWidget(page)
            self.tabs.setTabText(0, view_title(view))
            self.tabs.setTabIcon(0, icon(view_icon(view)))
            self.tabs.setCurrentIndex(0)

    def open_customer(self, customer_id: int, name: str = "") -> CustomerWorkspace:
        """Open the customer's tab, or bring it to the front when it is already open."""
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, CustomerWorkspace) and widget.customer_id == customer_id:
                self.tabs.setCurrentIndex(index)
                return widget
        workspace = CustomerWorkspace(
            self.client, customer_id, role=self.user.role, outbox=self.outbox, changes=self.changes,
            parent=self.tabs,
        )
        workspace.case_requested.connect(self.open_case)
        title = name or workspace.title
        self._add_tab(workspace, "customer", title, self.tr("Close customer tab"))
        workspace.title_changed.connect(lambda text, w=workspace: self._retitle(w, text))
        self.customerOpened.emit(customer_id)
        return workspace

    def open_case(self, case_id: int) -> CasePage:
        """Open the case's tab, or bring it to the front when it is already open."""
        for page in self.case_tabs():
            if page.case_id == case_id:
                self.tabs.setCurrentWidget(page)
                return page
        page = CasePage(self.client, case_id, user=self.user, outbox=self.outbox, changes=self.changes,
                        parent=self.tabs)
        page.customer_requested.connect(lambda customer_id: self.open_customer(customer_id))
        self._add_tab(page, "cases", self.tr("Case %1").replace("%1", str(case_id)), self.tr("Close case tab"))
        page.title_changed.connect(lambda text, p=page: self._retitle(p, text))
        self.caseOpened.emit(case_id)
        return page

    def _add_tab(self, widget: QWidget, icon_name: str, title: str, close_name: str) -> int:
        widget.setProperty("tabIcon", icon_name)
        index = self.tabs.addTab(widget, icon(icon_name), title)
        self.tabs.setTabToolTip(index, title)
        close = QToolButton()
        close.setObjectName("tabClose")
        close.setIcon(icon("close"))
        close.setAutoRaise(True)
        close.setFixedSize(20, 20)
        close.setToolTip(self.tr("Close (Ctrl+W)"))
        close.setAccessibleName(close_name)
        close.clicked.connect(lambda _checked=False, w=widget: self.close_tab(self.tabs.indexOf(w)))
        self.tabs.tabBar().setTabButton(index, QTabBar.ButtonPosition.RightSide, close)
        self.tabs.setCurrentIndex(index)
        return index

    def _retitle(self, workspace: QWidget, title: str) -> None:
        index = self.tabs.indexOf(workspace)
        if index > 0:
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, title)

    def customer_tabs(self) -> list[CustomerWorkspace]:
        """The open customer workspaces, in tab order."""
        return [w for i in range(1, self.tabs.count()) if isinstance(w := self.tabs.widget(i), CustomerWorkspace)]

    def case_tabs(self) -> list[CasePage]:
        """The open case pages, in tab order."""
        return [w for i in range(1, self.tabs.count()) if isinstance(w := self.tabs.widget(i), CasePage)]

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if isinstance(widget, CustomerWorkspace):
            widget.close_workspace()
        if isinstance(widget, CasePage):
            widget.close_page()
        if widget is not None:
            widget.deleteLater()

    def close_current_customer(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # -- CSV export ------------------------------------------------------------------------------

    def export_target(self) -> QAbstractItemView | None:
        """The table an export is about: the one with focus, else the main table of the tab in front."""
        current = self.tabs.currentWidget()
        root = self.views.currentWidget() if current is self.views else current
        return find_export_view(root)

    def export_csv(self, path: str | None = None) -> tasks.Task[int] | None:
        """File ▸ Export CSV… (Ctrl+Shift+E): the table in front as CSV (asks where unless `path`)."""
        view = self.export_target()
        if view is None:
            self.statusBar().showMessage(self.tr("There is no table here to export."), 5000)
            return None
        return export_view(view, parent=self, path=path, done=self._exported, failed=self.banner.show_failure)

    def _exported(self, path: str, rows: int) -> None:
        self.statusBar().showMessage(
            self.tr("%1 rows exported to %2").replace("%1", str(rows)).replace("%2", path), 8000
        )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """A right-click on any table's header that nobody else handled offers "Export CSV…"."""
        widget = QApplication.widgetAt(event.globalPos())
        while widget is not None and not isinstance(widget, QHeaderView):
            widget = widget.parentWidget()
        if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            view = widget.parentWidget()
            if isinstance(view, QTableView | QTreeView):
                show_header_menu(view, event.globalPos(), parent=self, done=self._exported,
                                 failed=self.banner.show_failure)
                event.accept()
                return
        super().contextMenuEvent(event)

    # -- failures and sessions ---------------------------------------------------------------

    def show_unhandled_failure(self, exc: BaseException, task: Task[Any]) -> None:
        """The one place for failures nobody handled: a sentence, or "Something went wrong"."""
        if self._closing:
            return
        retry = task.rerun if shiboken6.isValid(task) and is_known_failure(exc) else None
        self.banner.show_failure(exc, retry=retry)
        if is_known_failure(exc):
            self.statusBar().showMessage(self.banner.text(), 8000)

    def reauthenticate(self, task: Task[Any], exc: Unauthorized) -> None:
        """A session ended under a task: ask for the password (once for all such tasks), then
        re-run each of them; the tabs and what is on screen stay as they are."""
        self._waiting_for_login.append((task, exc))
        if self._relogin is not None:
            return
        dialog = ReloginDialog(self.client, self.user.username, self)
        self._relogin = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(self._relogin_finished)
        dialog.open()

    @property
    def relogin_dialog(self) -> ReloginDialog | None:
        """The "sign in again" dialog while it is open."""
        return self._relogin

    def _relogin_finished(self, result: int) -> None:
        dialog, self._relogin = self._relogin, None
        waiting, self._waiting_for_login = self._waiting_for_login, []
        if dialog is not None:
            dialog.deleteLater()
        if result == ReloginDialog.DialogCode.Accepted:
            if self._remember_key is not None and self.client.token is not None:
                key, username, token = self._remember_key, self.user.username, self.client.token
                Task(lambda: session.recall(key) and session.remember(key, username, token), parent=self).run()
            for task, _exc in waiting:
                if shiboken6.isValid(task):
                    task.rerun()
            return
        for task, exc in waiting:
            if shiboken6.isValid(task):
                task.fail_with(exc)
        self.log_out()

    def log_out(self) -> None:
        """Revoke the session on the server, forget it here, and go back to the login dialog."""
        if self._closing:
            return
        client, key = self.client, self._remember_key

        def revoke() -> None:
            try:
                client.logout()
            finally:
                if key is not None:
                    session.forget(key)

        task = Task(revoke, parent=self, label="log out")
        task.on_success(lambda _: self._logged_out()).on_failure(lambda exc: self._logged_out()).run()

    def _logged_out(self) -> None:
        self._closing = True
        self.loggedOut.emit()
        self.close()

    # -- preferences -----------------------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        applied = theme.apply_theme(app, name)
        self._settings.setValue(SETTINGS_THEME, applied)
        for key, action in self.theme_actions.items():
            action.setChecked(key == applied)
        self._refresh_icons()

    def set_language(self, code: str) -> None:
        self._settings.setValue(SETTINGS_LANGUAGE, code)
        for key, action in self.language_actions.items():
            action.setChecked(key == code)
        if code != i18n.current_language():
            self.languageChangeRequested.emit(code)

    def _refresh_icons(self) -> None:
        for row in range(self.view_list.count()):
            item = self.view_list.item(row)
            item.setIcon(icon(view_icon(str(item.data(Qt.ItemDataRole.UserRole)))))
        for index in range(self.tabs.count()):
            name = self.tabs.widget(index).property("tabIcon") if index else None
            self.tabs.setTabIcon(index, icon(str(name or "customer") if index else view_icon(self.current_view())))

    def current_view(self) -> str:
        item = self.view_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "search"

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CreditDesk"),
            self.tr("CreditDesk — customer service console for consumer credit.\nAll data in the demo is fictional."),
        )

    def _quit(self) -> None:
        self.close()
        QApplication.quit()

    # -- window state ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def save_state(self) -> None:
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_STATE, self.saveState())

    def open_tabs(self) -> list[OpenTab]:
        """The customer and case tabs, in tab order, to reopen them after a language switch."""
        found: list[OpenTab] = []
        for index in range(1, self.tabs.count()):
            widget = self.tabs.widget(index)
            if isinstance(widget, CustomerWorkspace):
                found.append(OpenTab("customer", widget.customer_id, self.tabs.tabText(index)))
            elif isinstance(widget, CasePage):
                found.append(OpenTab("case", widget.case_id, self.tabs.tabText(index)))
        return found

    def view_filters(self) -> dict[str, dict[str, str]]:
        """The filters of each case list built so far (My cases, Queues), by view."""
        return {view: page.filters() for view, page in self._view_pages.items() if isinstance(page, CaseListView)}

    def restore_place(self, view: str, tab_index: int, filters: dict[str, dict[str, str]] | None = None) -> None:
        """After a language switch: the same view in the side list (a Queues view stays open, with
        the filters it had) and the same tab in front."""
        for name, chosen in (filters or {}).items():
            page = self._view_page(name)
            if isinstance(page, CaseListView):
                page.restore_filters(chosen)
        if view in self._views:
            self._show_view(view)
        if 0 <= tab_index < self.tabs.count():
            self.tabs.setCurrentIndex(tab_index)

    def reopen_tabs(self, tabs: Sequence[OpenTab]) -> None:
        for tab in tabs:
            if tab.kind == "customer":
                self.open_customer(tab.id, tab.title)
            elif tab.kind == "case":
                self.open_case(tab.id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._closing = True
        self.save_state()
        self._building.stop()
        if self._search_page is not None:
            self._search_page.stop()
        for page in self._view_pages.values():
            if isinstance(page, (CaseListView, ApprovalsView, DashboardView, AuditTrailView, UsersView, PolicyView)):
                page.close_view()
        for case_page in self.case_tabs():
            case_page.close_page()
        if self.outbox_status is not None:
            self.outbox_status.stop()
        self.changes.close()
        # Only our own handlers: after a language switch the new window has installed its own.
        if tasks.unhandled_failure_handler() == self.show_unhandled_failure:
            tasks.set_unhandled_failure_handler(None)
        if tasks.reauthentication_handler() == self.reauthenticate:
            tasks.set_reauthentication_handler(None)
        super().closeEvent(event)
