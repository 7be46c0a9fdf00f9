"""If-Match / ETag version claims (backend/common/concurrency.py) on a real case row."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.accounts.models import Account
from backend.cases.models import Case
from backend.common.concurrency import claim_version, etag_for, expected_version
from backend.errors import NotFound, PreconditionFailed, PreconditionRequired
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

OPENED = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)


def test_etag_names_kind_id_and_version() -> None:
    assert etag_for("dispute", 12, 3) == '"dispute-12-v3"'


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_if_match_is_428(header: str | None) -> None:
    with pytest.raises(PreconditionRequired):
        expected_version(header, kind="case", entity_id=1)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('"case-7-v4"', 4),
        ('W/"case-7-v4"', 4),  # a weak form of our own tag still names the version
        (' "case-7-v4" ', 4),
        ('"case-8-v4"', None),  # another case's tag
        ('"dispute-7-v4"', None),  # another kind's tag
        ("*", None),  # "any version" defeats the check, so it is treated as stale
        ('"case-7-vX"', None),
        ("case-7-v4", None),  # unquoted
    ],
)
def test_if_match_parsing(header: str, expected: int | None) -> None:
    assert expected_version(header, kind="case", entity_id=7) == expected


def _case(session: Session) -> Case:
    account = session.scalars(select(Account).order_by(Account.id).limit(1)).one()
    case = Case(
        type="dispute",
        subject_id=999_001,
        account_id=account.id,
        customer_id=account.customer_id,
        status="new",
        queue="disputes",
        summary="test",
        opened_at=OPENED,
        sla_started_at=OPENED,
    )
    session.add(case)
    session.flush()
    return case


def test_claim_bumps_the_version_once(api: SeededApi) -> None:
    with api.session() as session:
        case = _case(session)
        assert case.version == 1
        new = claim_version(session=session, model=Case, kind="case", entity_id=case.id, if_match=etag_for("case", case.id, 1))
        assert new == 2
        assert session.scalar(select(Case.version).where(Case.id == case.id)) == 2
        # The same tag again is now stale: 412 carrying the current ETag.
        with pytest.raises(PreconditionFailed) as stale:
            claim_version(session=session, model=Case, kind="case", entity_id=case.id, if_match=etag_for("case", case.id, 1))
        assert stale.value.to_dict()["current_etag"] == etag_for("case", case.id, 2)
        assert session.scalar(select(Case.version).where(Case.id == case.id)) == 2


def test_claim_on_a_missing_row_is_404(api: SeededApi) -> None:
    with api.session() as session, pytest.raises(NotFound):
        claim_version(session=session, model=Case, kind="case", entity_id=987_654, if_match='"case-987654-v1"')


def test_claim_with_a_foreign_tag_is_412_and_changes_nothing(api: SeededApi) -> None:
    with api.session() as session:
        case = _case(session)
        with pytest.raises(PreconditionFailed):
            claim_version(session=session, model=Case, kind="case", entity_id=case.id, if_match='"dispute-1-v1"')
        assert session.scalar(select(Case.version).where(Case.id == case.id)) == 1
