"""The console application: command line, settings, theme, language, login → main window.

``python main.py`` starts the embedded demo backend (a SQLite file in the user's data directory) in
a child process of its own while the login dialog is already on screen (``ui.demo``); the child
ends with the console, even a killed one (``console.backend_process``). ``--server URL`` connects
to a deployed backend.
``--screenshots DIR`` walks the main screens in English and Chinese and writes a PNG per screen
(``ui.screenshots``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QApplication

from console import session
from ui import i18n, theme
from ui.demo import DemoBackend
from ui.garbage import GuiThreadGarbageCollector
from ui.login import LoginDialog, SignedIn
from ui.tasks import Task

if TYPE_CHECKING:
    from console.outbox import Outbox
    from ui.main_window import MainWindow, OpenTab

log = logging.getLogger(__name__)

ORGANIZATION = "CreditDesk"
APPLICATION = "CreditDesk"
DEMO_CUSTOMERS = 2000  # the first start of a demo backend (README); screenshots use fewer
SCREENSHOT_DEMO_CUSTOMERS = 200


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="creditdesk", description="CreditDesk customer service console")
    parser.add_argument("--server", metavar="URL", help="a deployed backend (default: the embedded demo)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="the language (default: the system's)")
    parser.add_argument("--theme", choices=theme.THEMES, help="light or dark (default: the last choice)")
    parser.add_argument("--screenshots", metavar="DIR", help="write a PNG of each main screen to DIR and exit")
    parser.add_argument(
        "--demo-customers",
        type=int,
        default=None,
        metavar="N",
        help=f"customers in a new demo database (default {DEMO_CUSTOMERS}; {SCREENSHOT_DEMO_CUSTOMERS} for screenshots)",
    )
    return parser.parse_args(list(argv) if argv is not None else None)


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    # Cyclic garbage is collected on this thread only: see ui/garbage.py.
    GuiThreadGarbageCollector(app).start()
    return app


def choose_language(requested: str | None, settings: QSettings) -> str:
    """``--lang``, else the user's last choice, else the system's language."""
    return (
        i18n.normalize(requested)
        or i18n.normalize(str(settings.value("appearance/language", "") or ""))
        or i18n.system_language()
    )


class Console(QObject):
    """Runs the console: the login dialog, then the main window; back to login after logging out.

    ``demo`` is the embedded backend (None with ``--server``). Switching language rebuilds the
    main window in the new language and reopens the same customer and case tabs.
    """

    def __init__(
        self,
        app: QApplication,
        settings: QSettings,
        *,
        demo: DemoBackend | None,
        server_url: str | None,
        use_keyring: bool = True,
    ) -> None:
        super().__init__()
        self.app = app
        self.settings = settings
        self.demo = demo
        self.server_url = server_url
        self.use_keyring = use_keyring
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.signed_in: SignedIn | None = None
        self.outbox: Outbox | None = None  # the signed-in user's outbox (closed at log out and quit)
        app.aboutToQuit.connect(self.shutdown)

    def show_login(self) -> LoginDialog:
        dialog = LoginDialog(self.settings, demo=self.demo, server_url=self.server_url, use_keyring=self.use_keyring)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signedIn.connect(self._signed_in)
        dialog.rejected.connect(self._login_cancelled)
        self.login_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        if "ui.main_window" not in sys.modules or "ui.outbox" not in sys.modules:
            # Load the main window's code while the user types, not on the GUI thread at sign-in.
            Task(
                lambda: [importlib.import_module(name) for name in ("ui.main_window", "ui.outbox")],
                parent=self,
                label="load the main window",
            ).run()
        return dialog

    def _login_cancelled(self) -> None:
        if self.window is None:
            self.app.quit()

    def _signed_in(self, outcome: SignedIn) -> None:
        self.signed_in = outcome
        self.login_dialog = None
        self.outbox = self.make_outbox(outcome)
        self.show_main_window(outcome)

    def server_identity(self, outcome: SignedIn) -> str:
        """The server's stable name: the embedded backend's port changes at each start, so it is
        named by its database file (as remembered logins are), a deployed one by its URL."""
        if outcome.demo and self.demo is not None:
            return self.demo.server_key
        return session.server_key(outcome.server_url)

    def make_outbox(self, outcome: SignedIn) -> Outbox:
        """The signed-in user's outbox (no disk I/O until first used, on a pool thread)."""
        from console import paths
        from console.outbox import Outbox

        return Outbox(paths.outbox_path(), server_url=self.server_identity(outcome), username=outcome.user.username)

    def close_outbox(self) -> None:
        outbox, self.outbox = self.outbox, None
        if outbox is not None:
            outbox.close()

    def server_label(self, outcome: SignedIn) -> str:
        if outcome.demo:
            return self.tr("Demo data on this computer (%1)").replace("%1", outcome.server_url)
        return outcome.server_url

    def show_main_window(self, outcome: SignedIn, reopen: Sequence[OpenTab] = ()) -> MainWindow:
        from ui.main_window import MainWindow  # after the login dialog is up: it pulls in the workspace

        window = MainWindow(
            outcome.client,
            outcome.user,
            settings=self.settings,
            server_label=self.server_label(outcome),
            remember_key=(self.demo.server_key if outcome.demo and self.demo else outcome.server_url)
            if self.use_keyring
            else None,
            outbox=self.outbox,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.loggedOut.connect(self._logged_out)
        window.languageChangeRequested.connect(self.switch_language)
        self.window = window
        window.reopen_tabs(reopen)
        window.show()
        return window

    def _logged_out(self) -> None:
        if self.window is not None and self.window.outbox_status is not None:
            self.window.outbox_status.stop()  # before the outbox closes under it
        self.window = None
        self.signed_in = None
        self.close_outbox()  # the window (and its drainer) closed first; the next user gets their own
        self.show_login()

    def switch_language(self, language: str) -> None:
        """Install ``language`` and rebuild the main window in it, with the same tabs open, the
        same view of the side list and the same tab in front."""
        i18n.install_language(language)
        self.settings.setValue("appearance/language", i18n.current_language())
        old, outcome = self.window, self.signed_in
        if old is None or outcome is None:
            return
        reopen = old.open_tabs()
        view, tab_index, filters = old.current_view(), old.tabs.currentIndex(), old.view_filters()
        geometry = old.saveGeometry()
        old.loggedOut.disconnect(self._logged_out)
        old.save_state()
        # The new window first: closing the last visible window would quit the application.
        window = self.show_main_window(outcome, reopen)
        window.restore_place(view, tab_index, filters)
        window.restoreGeometry(geometry)
        old.close()

    def shutdown(self) -> None:
        """At quit: stop the embedded backend (waits for its process to end; nothing else runs then)."""
        if self.window is not None and self.window.outbox_status is not None:
            self.window.outbox_status.stop()
        self.close_outbox()
        if self.demo is not None:
            self.demo.stop()


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.screenshots:
        # Screenshots need no display: render off screen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    if args.screenshots:
        from ui.screenshots import run_screenshots

        return run_screenshots(app, args)

    from console import paths
    from console.logs import configure_file_logging

    log.info("logging to %s", configure_file_logging(paths.log_dir()))
    settings = QSettings()
    i18n.install_language(choose_language(args.lang, settings))
    theme.apply_theme(app, args.theme or str(settings.value("appearance/theme", theme.DEFAULT_THEME)))
    demo = (
        None
        if args.server
        else DemoBackend(paths.database_path(), demo_customers=args.demo_customers or DEMO_CUSTOMERS)
    )
    console = Console(app, settings, demo=demo, server_url=args.server)
    console.show_login()
    log.info("login dialog after %.0f ms", (time.perf_counter() - started) * 1000)
    return int(app.exec())
