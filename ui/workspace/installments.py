"""The Installments tab: every plan of the customer (a cash loan is one too), and its schedule.

The plans come with the one round trip that opens the workspace (`include=plans`), so this tab
needs no call of its own; Refresh on the workspace brings newer ones. *Pay off early…* asks the
workspace (`payoff_requested`) to open the payoff dialog on the selected active plan.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from console.formatting import format_fen
from console.models import CustomerProfile, InstallmentPlan
from ui.widgets.tables import fit_columns, make_table, source_row, view_row
from ui.workspace import labels
from ui.workspace.header import sorted_accounts
from ui.workspace.models import PlansModel, ScheduleModel

# Active plans first (what the customer is still paying), then the newest.
_STATUS_ORDER = {"active": 0, "broken": 1, "paid_off": 2, "completed": 3}


class InstallmentsTab(QWidget):
    """Plans with kind, principal, fee, terms and status; the selected plan's periods below."""

    schedule_shown = Signal()
    payoff_requested = Signal(object)  # the console.models.InstallmentPlan to pay off early

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: CustomerProfile | None = None
        self._filled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        # Widgets are made with their parent, never reparented later: with an application style
        # sheet each reparenting restyles the widget's subtree again (a table's header twice).
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        self.plans_model = PlansModel(parent=self)
        self.plans_view = make_table(self.plans_model, stretch_column=2, parent=top)
        self.plans_view.setAccessibleName(self.tr("Installment plans"))
        self._fit_plan_columns()
        self.plans_view.selectionModel().selectionChanged.connect(self._plan_selected)
        self.empty_label = QLabel(self.tr("No installment plans."), top)
        self.empty_label.setProperty("role", "secondary")
        self.empty_label.setVisible(False)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.plans_view)
        splitter.addWidget(top)

        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 4, 0, 0)
        self.schedule_title = QLabel(bottom)
        self.schedule_title.setProperty("role", "caption")
        title_row = QHBoxLayout()
        title_row.addWidget(self.schedule_title, 1)
        self.payoff_button = QPushButton(self.tr("Pay off early…"), bottom)
        self.payoff_button.setObjectName("payoffButton")
        self.payoff_button.setToolTip(self.tr("Quote and set up the early payoff of this plan"))
        self.payoff_button.setEnabled(False)
        self.payoff_button.clicked.connect(self._payoff_clicked)
        title_row.addWidget(self.payoff_button)
        bottom_layout.addLayout(title_row)
        self._shown_plan: InstallmentPlan | None = None
        self.schedule_model = ScheduleModel(self)
        self.schedule_view = make_table(self.schedule_model, sortable=False, parent=bottom)
        self.schedule_view.setAccessibleName(self.tr("Schedule"))
        fit_columns(self.schedule_view, {0: 6, 1: 11, 2: 13, 3: 13, 4: 13, 5: 13})
        bottom_layout.addWidget(self.schedule_view)
        self.schedule_sum_label = QLabel(bottom)
        self.schedule_sum_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bottom_layout.addWidget(self.schedule_sum_label)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

    def set_profile(self, profile: CustomerProfile) -> None:
        self._profile = profile
        self._filled = False

    def activate(self) -> None:
        if not self._filled and self._profile is not None:
            self._fill(self._profile)

    def stop(self) -> None:
        pass

    def _fill(self, profile: CustomerProfile) -> None:
        self._filled = True
        order = {account.id: position for position, account in enumerate(sorted_accounts(profile))}
        self.plans_model.set_account_numbers({a.id: a.account_number for a in profile.accounts})
        # One account of each product: the kind tells the account (its number is in the kind's
        # tooltip), and at 1280 the other short values keep their room.
        self.plans_view.setColumnHidden(0, len({a.product for a in profile.accounts}) == len(profile.accounts))
        self._fit_plan_columns()
        plans = sorted(
            profile.plans or (),
            key=lambda p: (_STATUS_ORDER.get(p.status, 9), order.get(p.account_id, 99), -p.created_at.timestamp()),
        )
        self.plans_model.set_records(plans)
        self.empty_label.setVisible(not plans)
        self.schedule_model.set_records([])
        self.schedule_title.clear()
        self.schedule_sum_label.clear()
        self._shown_plan = None
        self.payoff_button.setEnabled(False)
        if plans:
            self.select_plan_row(0)

    def _fit_plan_columns(self) -> None:
        # Short values whole at 1280 (account number, kind, status, date); the description elides.
        fit_columns(self.plans_view, {0: 13, 1: 18, 3: 11, 4: 11, 5: 6, 6: 11, 7: 11, 8: 11})

    def select_plan_row(self, source: int) -> None:
        """Select the plan in model row `source` and show its schedule."""
        row = view_row(self.plans_view, source)
        selected = [index.row() for index in self.plans_view.selectionModel().selectedRows()]
        if selected == [row]:
            self.show_schedule(self.plans_model.record(source))
        else:
            self.plans_view.selectRow(row)

    def _plan_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.plans_view.selectionModel().selectedRows()
        if rows:
            self.show_schedule(self.plans_model.record(source_row(self.plans_view, rows[0].row())))

    def show_schedule(self, plan: InstallmentPlan) -> None:
        self.schedule_title.setText(
            self.tr("Schedule of %1: %2, %n term(s)", "", plan.terms)
            .replace("%1", plan.description or labels.label(labels.PLAN_KINDS, plan.kind))
            .replace("%2", labels.label(labels.PLAN_STATUSES, plan.status))
        )
        self.schedule_model.set_records(plan.schedule)
        self._shown_plan = plan
        self.payoff_button.setEnabled(plan.status == "active")
        principal = sum(p.principal_fen for p in plan.schedule)
        fee = sum(p.fee_fen for p in plan.schedule)
        paid = sum(p.paid_fen for p in plan.schedule)
        self.schedule_sum_label.setText(
            self.tr("Principal %1 · fee / interest %2 · total %3 · paid %4")
            .replace("%1", format_fen(principal)).replace("%2", format_fen(fee))
            .replace("%3", format_fen(principal + fee)).replace("%4", format_fen(paid))
        )
        self.schedule_shown.emit()

    def _payoff_clicked(self) -> None:
        if self._shown_plan is not None and self._shown_plan.status == "active":
            self.payoff_requested.emit(self._shown_plan)
