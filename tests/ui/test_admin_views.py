"""The admin's views against the real backend (the live embedded one): Users (create, role,
disable/enable, reset, the last admin refused in words), Policy (propose, four eyes, approve by a
second admin, history), the Audit trail (filters, before → after, paging, CSV of the whole
selection, Verify chain) and the supervisors' Audit tab in the customer workspace.

The live backend is shared: users made here have names no other test uses, and a policy change
made here is changed back before the test ends.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.admin import (
    NewUser,
    approve_policy_change,
    change_own_password,
    create_user,
    get_policy,
    list_users,
    propose_policy_change,
    set_user_enabled,
)
from console.api import ApiClient
from console.audit import AuditQuery, list_audit
from console.models import User
from tests.helpers.live import LiveBackend
from tests.helpers.shots import review_shot
from ui.admin.own_password import OwnPasswordDialog
from ui.admin.policy import PolicyView
from ui.admin.users import UsersView
from ui.audit.trail import AuditTrailView
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.workspace import CustomerWorkspace

TEMPORARY = "a temporary password"
OWN = "an admin's own password"


def me(client: ApiClient) -> User:
    assert client.user is not None
    return client.user


@pytest.fixture
def admin(api_client_as: Callable[[str], ApiClient]) -> ApiClient:
    return api_client_as("admin1")


@pytest.fixture
def second_admin(admin: ApiClient, live_backend: LiveBackend) -> Iterator[ApiClient]:
    """Another enabled admin (with their own password), disabled again after the test."""
    username = f"adm-{uuid.uuid4().hex[:8]}"
    made = create_user(admin, NewUser(username, "Second Admin", "admin", TEMPORARY))
    client = live_backend.client(username, TEMPORARY)
    change_own_password(client, TEMPORARY, OWN)
    yield client
    set_user_enabled(admin, made.id, False)
    client.close()


def users_view(qtbot: QtBot, admin: ApiClient) -> UsersView:
    view = UsersView(admin, user=me(admin))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        view.show()
    return view


def test_users_are_listed_created_changed_disabled_and_reset(qtbot: QtBot, admin: ApiClient) -> None:
    view = users_view(qtbot, admin)
    assert "admin1" in [u.username for u in view.model.records()]
    username = f"ui-{uuid.uuid4().hex[:8]}"

    dialog = view.new_user()
    dialog.username.setText(username)
    dialog.display_name.setText("Li Na")
    dialog.password.setText("short")
    dialog.password_again.setText("short")
    dialog.submit()
    assert dialog.banner.text() == "The password must be at least 12 characters long."
    assert dialog.task is None  # refused before anything was sent
    dialog.password.setText(TEMPORARY)
    dialog.password_again.setText(TEMPORARY)
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        dialog.submit()
    created = next(u for u in view.model.records() if u.username == username)
    assert (created.role, created.active, created.must_change_password) == ("agent", True, True)
    assert view.select_user(username)
    assert view.model.data(view.model.index(view.model.records().index(created), 3)) == "Must choose a password"

    role_dialog = view.change_role()
    assert role_dialog is not None
    role_dialog.role.setCurrentIndex(role_dialog.role.findData("supervisor"))  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        role_dialog.submit()
    assert next(u for u in list_users(admin) if u.username == username).role == "supervisor"

    view.select_user(username)
    assert view.toggle_button.text() == "Disable"
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        view.toggle_enabled(confirm=False)
    assert next(u for u in view.model.records() if u.username == username).active is False
    view.select_user(username)
    assert view.toggle_button.text() == "Enable"
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        view.toggle_enabled()
    assert next(u for u in view.model.records() if u.username == username).active is True

    view.select_user(username)
    reset = view.reset_password()
    assert reset is not None
    reset.password.setText("another temporary one")  # type: ignore[attr-defined]
    reset.password_again.setText("another temporary one")  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.users_loaded, timeout=10_000):
        reset.submit()
    assert "Saved" in view.banner.text()
    review_shot(view, "admin-users")


def test_the_last_admin_is_refused_in_words(qtbot: QtBot, admin: ApiClient) -> None:
    for user in list_users(admin):  # admins other tests here made are gone by now; make sure
        if user.role == "admin" and user.active and user.username != "admin1":
            set_user_enabled(admin, user.id, False)
    view = users_view(qtbot, admin)
    view.select_user("admin1")

    view.toggle_enabled(confirm=False)
    assert view.toggle_task is not None
    with qtbot.waitSignal(view.toggle_task.finished, timeout=10_000):
        pass

    assert view.banner.text() == "This is the last enabled admin: make another admin first."
    assert next(u for u in list_users(admin) if u.username == "admin1").active is True


def test_policy_change_with_four_eyes(qtbot: QtBot, admin: ApiClient, second_admin: ApiClient) -> None:
    view = PolicyView(admin, user=me(admin))
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitSignal(view.policy_loaded, timeout=10_000):
        view.show()
    limits = {limit.name: limit for limit in view.limits_model.records()}
    before = limits["fraud_decide_days"].value
    assert view.limits_model.data(view.limits_model.index(0, 0)) == "Due-date extension an agent may grant alone"

    dialog = view.propose("fraud_decide_days")
    assert dialog is not None
    dialog.value.setValue(before + 1)
    dialog.reason.setPlainText("A test of four eyes.")
    with qtbot.waitSignal(view.policy_loaded, timeout=10_000):
        dialog.submit()
    pending = [c for c in view.pending_model.records() if c.name == "fraud_decide_days"]
    assert len(pending) == 1 and pending[0].new_value == before + 1
    view.pending_table.selectRow(view.pending_model.records().index(pending[0]))
    assert not view.approve_button.isEnabled()  # one's own change
    assert view.reject_button.text() == "Withdraw…"
    review_shot(view, "admin-policy")

    approve_policy_change(second_admin, pending[0].id, "Agreed.")
    with qtbot.waitSignal(view.policy_loaded, timeout=10_000):
        view.refresh()
    assert {limit.name: limit.value for limit in view.limits_model.records()}["fraud_decide_days"] == before + 1
    history = [c for c in view.history_model.records() if c.name == "fraud_decide_days"]
    assert (history[0].status, history[0].decided_by_name) == ("approved", "Second Admin")

    # Back as it was, proposed by the second admin and approved here, in the view.
    back = propose_policy_change(second_admin, "fraud_decide_days", before, "Back after the test.")
    with qtbot.waitSignal(view.policy_loaded, timeout=10_000):
        view.refresh()
    view.pending_table.selectRow([c.id for c in view.pending_model.records()].index(back.id))
    assert view.approve_button.isEnabled()
    with qtbot.waitSignal(view.policy_loaded, timeout=10_000):
        view.decide(approve=True)
    assert "Approved" in view.banner.text()
    assert {limit.name: limit.value for limit in get_policy(admin).limits}["fraud_decide_days"] == before


def test_the_audit_trail_filters_shows_changes_pages_exports_and_verifies(
    qtbot: QtBot, admin: ApiClient, tmp_path: Path
) -> None:
    username = f"aud-{uuid.uuid4().hex[:8]}"
    made = create_user(admin, NewUser(username, "Audit Subject", "agent", TEMPORARY))
    set_user_enabled(admin, made.id, False)
    view = AuditTrailView(admin, can_verify=True)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    with qtbot.waitSignal(view.records_loaded, timeout=10_000):
        view.show()
    assert view.model.rowCount() > 0

    view.entity_type_combo.setEditText("user")
    view.entity_id_edit.setText(str(made.id))
    with qtbot.waitSignal(view.records_loaded, timeout=10_000):
        view.apply_filters()
    assert [r.action for r in view.model.records()] == ["user.disabled", "user.created"]
    # In words (the screenshots showed "user.disabled", "user #7", English on a Chinese screen);
    # the codes in the tooltip and in the CSV below.
    assert view.model.data(view.model.index(0, 3)) == "User disabled"
    assert view.model.data(view.model.index(0, 3), Qt.ItemDataRole.ToolTipRole).endswith("user.disabled</p>")
    assert view.model.data(view.model.index(0, 4)) == f"User {made.id}"
    view.table.selectRow(0)
    changes = [(c.name, c.before, c.after) for c in view.changes_model.records()]
    assert ("active", True, False) in changes
    assert view.model.data(view.model.index(0, 5)).startswith("active: true → false")

    # Paging: a small page size walks the whole selection as the table asks for more.
    view.model.page_size = 1
    with qtbot.waitSignal(view.records_loaded, timeout=10_000):
        view.apply_filters()
    assert view.model.rowCount() == 1 and view.model.has_more
    path = tmp_path / "trail.csv"
    with qtbot.waitSignal(view.exported, timeout=20_000):
        view.export_csv(str(path))
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:4] == ["When", "Who", "Role", "What"]
    assert [row[3] for row in rows[1:]] == ["user.disabled", "user.created"]

    assert view.verify_button.isVisible()
    with qtbot.waitSignal(view.chain_checked, timeout=20_000) as checked:
        view.verify_chain()
    assert checked.args[0].ok is True
    assert view.banner.text().startswith("The chain holds: all ")
    view.model.page_size = 200
    with qtbot.waitSignal(view.records_loaded, timeout=10_000):
        view.clear_filters()
    review_shot(view, "admin-audit")
    view.close_view()


def test_supervisors_read_the_trail_but_do_not_verify(qtbot: QtBot, api_client_as: Callable[[str], ApiClient]) -> None:
    view = AuditTrailView(api_client_as("super1"), can_verify=False)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.records_loaded, timeout=10_000):
        view.show()
    assert not view.verify_button.isVisible()
    assert view.model.rowCount() > 0
    view.close_view()


def test_the_workspace_audit_tab_shows_this_customers_records(
    qtbot: QtBot, api_client_as: Callable[[str], ApiClient]
) -> None:
    supervisor = api_client_as("super1")
    customer_id = next(r.customer_id for r in list_audit(supervisor, AuditQuery(), limit=200).items
                       if r.customer_id is not None)
    workspace = CustomerWorkspace(supervisor, customer_id, role="supervisor")
    qtbot.addWidget(workspace)
    workspace.resize(1280, 800)
    with qtbot.waitSignal(workspace.loaded, timeout=10_000):
        workspace.show()
    tab = workspace.audit_tab
    assert tab is not None
    with qtbot.waitSignal(tab.records_loaded, timeout=10_000):
        workspace.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() > 0
    assert {r.customer_id for r in tab.model.records()} == {customer_id}
    assert workspace.tabs.tabText(workspace.tabs.indexOf(tab)) == "Audit"
    QApplication.processEvents()
    review_shot(workspace, "workspace-audit")
    workspace.close_workspace()


def test_agents_have_no_audit_tab(qtbot: QtBot, api_client: ApiClient) -> None:
    workspace = CustomerWorkspace(api_client, 1, role="agent")
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.loaded, timeout=10_000):
        workspace.show()
    assert workspace.audit_tab is None
    workspace.close_workspace()


def test_the_admins_side_list_opens_users_policy_and_the_audit_trail(
    qtbot: QtBot, qt_settings: QSettings, admin: ApiClient
) -> None:
    window = MainWindow(admin, me(admin), settings=qt_settings, server_label="test server")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert [window.view_list.item(i).text() for i in range(window.view_list.count())] == [
        "Audit trail", "Users", "Policy"]
    users = window.show_view("users")
    assert isinstance(users, UsersView)
    qtbot.waitUntil(lambda: users.model.rowCount() > 0, timeout=10_000)
    policy = window.show_view("policy")
    assert isinstance(policy, PolicyView)
    qtbot.waitUntil(lambda: policy.limits_model.rowCount() > 0, timeout=10_000)
    trail = window.show_view("audit")
    assert isinstance(trail, AuditTrailView) and trail.verify_button.isVisible()
    qtbot.waitUntil(lambda: trail.model.rowCount() > 0 and not trail.model.is_loading, timeout=10_000)
    window.close()


def test_a_user_whose_password_an_admin_set_chooses_their_own_at_sign_in(
    qtbot: QtBot, qt_settings: QSettings, admin: ApiClient, live_backend: LiveBackend
) -> None:
    username = f"new-{uuid.uuid4().hex[:8]}"
    create_user(admin, NewUser(username, "New Agent", "agent", TEMPORARY))
    dialog = LoginDialog(qt_settings, demo=None, server_url=live_backend.base_url, use_keyring=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(TEMPORARY)

    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.password_dialog is not None, timeout=10_000)
    choose = dialog.password_dialog
    assert isinstance(choose, OwnPasswordDialog) and choose.isVisible()
    choose.new.setText(username)
    choose.again.setText(username)
    choose.submit()
    assert choose.banner.text() == "The password must not be the username."
    choose.new.setText("my own new password")
    choose.again.setText("my own new password")
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000) as signal:
        choose.submit()

    outcome = signal.args[0]
    assert outcome.user.must_change_password is False
    assert outcome.client.search_customers("王").items is not None  # the server serves them now
    outcome.client.close()


def test_the_users_names_roles_and_states_are_read_whole(qtbot: QtBot, admin: ApiClient) -> None:
    """The screenshots' Users read "Handler O…", "Superviso…" and "Dispute h…" beside a Created
    column a thousand pixels wide: the short columns take what their values need."""
    from tests.helpers.clipping import cut_cells

    view = users_view(qtbot, admin)
    titles = tuple(QApplication.translate("WorkspaceModels", t) for t in ("Username", "Name", "Role", "State"))
    problems = cut_cells(view.table, titles=titles)
    assert not problems, "\n".join(problems)


def test_the_trail_words_its_codes_and_shows_fen_as_money(qapp: QApplication) -> None:
    """A policy change's limit in fen read "old_value 5000, new_value 8000" (it is ¥50.00 → ¥80.00);
    a workflow step reads as its entity and the timeline's words."""
    from datetime import UTC, datetime

    from console.audit import AuditRecord
    from ui.audit.models import AuditChangesModel, AuditRecordsModel, change_summary

    record = AuditRecord(
        id=1, at=datetime(2026, 12, 5, 1, 51, tzinfo=UTC), actor_id=6, actor_name="Admin One",
        actor_role="admin", action="policy.change_proposed", entity_type="policy_change", entity_id="20",
        customer_id=None, before=None,
        after={"limit": "fee_waiver_agent_limit_fen", "old_value": 5000, "new_value": 8000}, request_id=None)
    assert change_summary(record) == "limit: fee_waiver_agent_limit_fen; old_value: ¥50.00; new_value: ¥80.00"
    changes = AuditChangesModel()
    changes.show_record(record)
    assert [changes.data(changes.index(row, 2)) for row in range(changes.rowCount())] == [
        "fee_waiver_agent_limit_fen", "¥50.00", "¥80.00"]
    model = AuditRecordsModel(lambda query, cursor, limit: None)  # type: ignore[arg-type, return-value]
    model.set_records([record, AuditRecord(
        id=2, at=record.at, actor_id=3, actor_name="Handler One", actor_role="dispute_handler",
        action="dispute.acknowledge", entity_type="dispute", entity_id="6", customer_id=4,
        before={"status": "new"}, after={"status": "investigating"}, request_id=None)])
    assert model.data(model.index(0, 3)) == "Policy change proposed"
    assert model.data(model.index(0, 4)) == "Policy change 20"
    assert model.data(model.index(1, 3)) == "Dispute · Acknowledged"


def test_the_trail_fits_its_window_without_scrolling_sideways(qtbot: QtBot, admin: ApiClient) -> None:
    """The screenshots' audit trail scrolled sideways: its columns were sized to their longest
    text, and Before → after (the one that should take the room left) went past the right edge."""
    from PySide6.QtGui import QFont, QPalette

    from tests.helpers.clipping import clipped
    from ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font, palette = QFont(app.font()), QPalette(app.palette())
    theme.apply_theme(app, "light")  # as the console runs: the theme's font and padding
    try:
        view = AuditTrailView(admin, can_verify=True)
        qtbot.addWidget(view)
        view.resize(1060, 660)  # what the main window gives a view at 1280×800
        with qtbot.waitSignal(view.records_loaded, timeout=10_000):
            view.show()
        QApplication.processEvents()
        problems = clipped(view)
        assert not problems, "\n".join(problems)
        assert not view.table.horizontalScrollBar().isVisible()
        view.close_view()
    finally:
        app.setStyleSheet("")
        app.setFont(font)
        app.setPalette(palette)
