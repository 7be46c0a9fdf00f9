"""The arrangement wizard (DESIGN §3 "Repayment arrangements", §5): type → terms → quote → confirm.

    wizard = ArrangementWizard(client, profile, account_id=account.id, outbox=outbox, parent=workspace)
    wizard.arrangement_submitted.connect(workspace.reload)
    wizard.open()

1. Type: the five kinds, each with what it does and what an agent may grant alone; one that
   cannot apply to the account (a bill installment on an overdue account) is disabled with why.
2. Terms, per type, checked on the page with a sentence next to the field.
3. Quote, made by the server on the account as it is now (a Task; a failure is a banner, Back
   still works): above the schedule and cost, one sentence says whether it goes live at once or
   waits for a supervisor, and which limit it exceeds.
4. Confirm, with an optional note: Finish reads "Set up now" or "Send for approval". The proposal
   goes through the outbox (`console.outbox.send`), with one Idempotency-Key per body, so a retry
   never lands twice; a refusal (409, 422) is a sentence on the page with the input kept.

The pages are `ui.arrangements.wizard_pages`, the terms form of each type
`ui.arrangements.terms_forms`, the wizard's words `ui.arrangements.wizard_words`; here is the wizard
that holds them and what they share (the account, its arrangements, the terms, the quote).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics
from PySide6.QtWidgets import QWidget, QWizard

from console.api import ApiClient
from console.arrangements import (
    Arrangement,
    ArrangementSummary,
    Quote,
    conflicts_for,
    list_account_arrangements,
)
from console.models import AccountOverview, CustomerProfile
from console.outbox import Outbox, Queued
from ui.arrangements.wizard_pages import ConfirmPage, QuotePage, TermsPage, TypePage
from ui.arrangements.wizard_words import live_arrangement_text, terms_text
from ui.casework.labels import ARRANGEMENT_TYPE_TEXTS, text_of
from ui.tasks import LatestOnly, Task
from ui.workspace.header import sorted_accounts

__all__ = ["CONFIRM_PAGE", "QUOTE_PAGE", "TERMS_PAGE", "TYPE_PAGE", "ArrangementWizard"]


TYPE_PAGE, TERMS_PAGE, QUOTE_PAGE, CONFIRM_PAGE = range(4)


# -- the wizard -------------------------------------------------------------------------------


class ArrangementWizard(QWizard):
    """Propose a repayment arrangement for one customer: type → terms → quote → confirm.

    Signals:
        arrangement_submitted(object): the proposal landed (a `console.arrangements.Arrangement`:
            status `active` or `pending_approval`) or was kept in the outbox (a `console.outbox.Queued`).
    """

    arrangement_submitted = Signal(object)
    arrangements_loaded = Signal()

    def __init__(
        self,
        client: ApiClient,
        profile: CustomerProfile,
        *,
        account_id: int | None = None,
        outbox: Outbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ArrangementWizard")
        self.client = client
        self.profile = profile
        self.outbox = outbox
        self.terms: dict[str, Any] = {}
        self.quote: Quote | None = None
        self._sending = False
        self._done = False
        self.setWindowTitle(self.tr("Repayment arrangement for %1").replace("%1", profile.name))
        self.setModal(True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(820, 660)

        self.type_page = TypePage(self)
        self.terms_page = TermsPage(self)
        self.quote_page = QuotePage(self)
        self.confirm_page = ConfirmPage(self)
        self.setPage(TYPE_PAGE, self.type_page)
        self.setPage(TERMS_PAGE, self.terms_page)
        self.setPage(QUOTE_PAGE, self.quote_page)
        self.setPage(CONFIRM_PAGE, self.confirm_page)
        self.confirm_page.submitted.connect(self.arrangement_submitted)
        # The account's arrangements, to warn of conflicts before anything is sent.
        self.account_arrangements: dict[int, tuple[ArrangementSummary, ...]] = {}
        self.arrangements_task: Task[tuple[int, tuple[ArrangementSummary, ...]]] | None = None
        self._arrangements_loader = LatestOnly()
        self.type_page.set_profile(profile, account_id)
        self.profile_task: Task[CustomerProfile] | None = None
        if profile.account_overviews is None:
            self._load_accounts()

    # -- state -----------------------------------------------------------------------------

    @property
    def account_id(self) -> int | None:
        return self.type_page.account_id()

    @property
    def arrangement_type(self) -> str | None:
        return self.type_page.selected_type()

    def account(self, account_id: int | None) -> AccountOverview | None:
        return next((a for a in sorted_accounts(self.profile) if a.id == account_id), None)

    def current_account(self) -> AccountOverview | None:
        return self.account(self.account_id)

    def is_supervisor(self) -> bool:
        user = self.client.user
        return user is not None and user.role == "supervisor"

    def outbox_label(self) -> str:
        """How the proposal is named in the outbox's list."""
        kind = self.arrangement_type or ""
        account = self.current_account()
        return self.tr("%1 for %2 (account %3): %4").replace("%1", text_of(ARRANGEMENT_TYPE_TEXTS, kind)).replace(
            "%2", self.profile.name).replace("%3", account.account_number if account is not None else "").replace(
            "%4", terms_text(kind, self.terms))

    def outcome(self) -> Arrangement | Queued | None:
        """What the proposal came to: the arrangement, a `Queued`, or None before it was sent."""
        return self.confirm_page.outcome

    def load_arrangements(self) -> None:
        """Fetch the account's arrangements once per account (the type page then warns)."""
        account_id = self.account_id
        if account_id is None or account_id in self.account_arrangements:
            return
        client = self.client

        def fetch() -> tuple[int, tuple[ArrangementSummary, ...]]:
            return account_id, list_account_arrangements(client, account_id).items

        task: Task[tuple[int, tuple[ArrangementSummary, ...]]] = Task(fetch, parent=self,
                                                                        label="arrangement conflicts")
        # Not knowing them is no reason to stop: the server refuses a real conflict with a sentence.
        task.on_success(self._arrangements_arrived).on_failure(lambda _exc: self.arrangements_loaded.emit())
        self.arrangements_task = task
        self._arrangements_loader.run(task)

    def _arrangements_arrived(self, answer: tuple[int, tuple[ArrangementSummary, ...]]) -> None:
        account_id, arrangements = answer
        self.account_arrangements[account_id] = arrangements
        if account_id == self.account_id:
            self.type_page.refresh_availability()
        self.arrangements_loaded.emit()

    def live_arrangements(self) -> list[ArrangementSummary]:
        """The account's arrangements in force or waiting (empty until they are known)."""
        return [a for a in self.account_arrangements.get(self.account_id or 0, ()) if a.is_live_or_waiting]

    def conflict_reason(self, kind: str) -> str | None:
        """Why `kind` would clash with what is on the account now (None: it would not)."""
        clashes = conflicts_for(kind, self.account_arrangements.get(self.account_id or 0, ()))
        if not clashes:
            return None
        other = clashes[0]
        return self.tr("the account has a %1 (arrangement %2); cancel it first.").replace(
            "%1", live_arrangement_text(other)).replace("%2", str(other.id))

    def _load_accounts(self) -> None:
        """The profile came without account overviews: fetch them (the type page waits)."""
        client, customer_id = self.client, self.profile.id
        task: Task[CustomerProfile] = Task(
            lambda: client.get_customer(customer_id, include=("accounts", "current_bills")),
            parent=self, label="arrangement accounts",
        )
        task.on_success(self._accounts_loaded)
        self.profile_task = task
        task.run()

    def _accounts_loaded(self, profile: CustomerProfile) -> None:
        self.profile = profile
        self.type_page.set_profile(profile, self.account_id)

    # -- buttons ---------------------------------------------------------------------------

    def set_finish_text(self, text: str) -> None:
        self.setButtonText(QWizard.WizardButton.FinishButton, text)
        button = self.button(QWizard.WizardButton.FinishButton)
        bold = QFont(button.font())
        bold.setBold(True)
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text) + 40)

    def finish_button_text(self) -> str:
        return self.buttonText(QWizard.WizardButton.FinishButton)

    def set_sending(self, sending: bool) -> None:
        """While the proposal is on its way, neither Back nor Cancel: it may land any moment."""
        self._sending = sending
        self.button(QWizard.WizardButton.BackButton).setEnabled(not sending)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(not sending)

    def set_done(self) -> None:
        """The proposal landed or is kept: only Close is left."""
        self._done = True
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.set_finish_text(self.confirm_page.finish_text())

    def accept(self) -> None:
        """Finish: send the proposal the first time; close once it landed (or is kept)."""
        if self.currentId() == CONFIRM_PAGE and not self._done:
            self.confirm_page.submit()
            return
        super().accept()

    def reject(self) -> None:
        if self._sending:
            return  # the proposal may land any moment: wait for its answer
        if self.currentId() == QUOTE_PAGE:
            self.quote_page.cleanupPage()  # drop a quote still on its way
        self._arrangements_loader.discard()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._sending:
            event.ignore()
            return
        super().closeEvent(event)
