"""Contact notes: write (idempotent, audited) and read newest first."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from backend.accounts.models import Account
from backend.audit.models import AuditRecord
from backend.notes.models import ContactNote
from tests.helpers.api import idempotency_headers, problem
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401


@pytest.fixture
def account(api: SeededApi) -> Account:
    with api.session() as session:
        return session.scalars(select(Account).order_by(Account.id).limit(1)).one()


def post_note(api: SeededApi, account_id: int, body: dict[str, Any], key: str | None = None) -> Any:
    return api.client.post(
        f"/v1/accounts/{account_id}/notes", json=body, headers=idempotency_headers(api.agent, key)
    )


def note_count(api: SeededApi, account_id: int) -> int:
    with api.session() as session:
        return int(session.scalar(select(func.count()).where(ContactNote.account_id == account_id)) or 0)


def test_a_note_is_written_as_the_signed_in_user(api: SeededApi, account: Account) -> None:
    response = post_note(api, account.id, {"body": "  Called about the November bill.  ", "channel": "chat"})

    assert response.status_code == 201, response.text
    note = response.json()
    assert note["body"] == "Called about the November bill."
    assert note["channel"] == "chat"
    assert (note["account_id"], note["customer_id"]) == (account.id, account.customer_id)
    assert note["author_name"] == "Agent One"
    me = api.client.get("/v1/me", headers=api.agent).json()
    assert note["author_id"] == me["id"]
    assert note["created_at"].replace("Z", "+00:00") == api.clock.now().isoformat()
    assert note_count(api, account.id) == 1


def test_the_channel_defaults_to_phone(api: SeededApi, account: Account) -> None:
    assert post_note(api, account.id, {"body": "x"}).json()["channel"] == "phone"


def test_a_note_is_audited(api: SeededApi, account: Account) -> None:
    key = str(uuid.uuid4())
    note = post_note(api, account.id, {"body": "Promised to pay on Friday."}, key).json()

    with api.session() as session:
        record = session.scalars(
            select(AuditRecord).where(
                AuditRecord.action == "note.create", AuditRecord.entity_id == str(note["id"])
            )
        ).one()
    assert record.entity_type == "contact_note"
    assert record.actor_id == note["author_id"]
    assert record.customer_id == account.customer_id
    assert record.idempotency_key == key
    assert record.after == {
        "account_id": account.id,
        "channel": "phone",
        "body": "Promised to pay on Friday.",
    }


def test_the_same_key_and_body_replays_without_a_second_note(api: SeededApi, account: Account) -> None:
    key = str(uuid.uuid4())

    first = post_note(api, account.id, {"body": "Once only"}, key)
    second = post_note(api, account.id, {"body": "Once only"}, key)

    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert note_count(api, account.id) == 1


def test_the_same_key_with_another_body_is_422(api: SeededApi, account: Account) -> None:
    key = str(uuid.uuid4())
    post_note(api, account.id, {"body": "First"}, key)

    response = post_note(api, account.id, {"body": "Second"}, key)

    assert response.status_code == 422
    assert problem(response)["code"] == "idempotency_key_reused"
    assert note_count(api, account.id) == 1


def test_a_note_without_an_idempotency_key_is_400(api: SeededApi, account: Account) -> None:
    response = api.client.post(f"/v1/accounts/{account.id}/notes", json={"body": "x"}, headers=api.agent)

    assert response.status_code == 400
    assert problem(response)["code"] == "idempotency_key_missing"
    assert note_count(api, account.id) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"body": ""},
        {"body": "   \n\t "},
        {"body": "x" * 4001},
        {"body": "x", "channel": "fax"},
        {"channel": "phone"},
        {"body": 42},
        {"body": "nul \x00 inside"},
        [],
    ],
)
def test_a_bad_note_is_422_and_writes_nothing(api: SeededApi, account: Account, body: Any) -> None:
    response = post_note(api, account.id, body)

    assert response.status_code == 422, response.text
    assert problem(response)["code"] == "validation_failed"
    assert note_count(api, account.id) == 0


def test_a_lone_surrogate_is_422(api: SeededApi, account: Account) -> None:
    headers = {**idempotency_headers(api.agent), "Content-Type": "application/json"}

    response = api.client.post(
        f"/v1/accounts/{account.id}/notes", content=b'{"body": "lone \\ud800 surrogate"}', headers=headers
    )

    assert response.status_code == 422
    assert note_count(api, account.id) == 0


def test_4000_characters_after_stripping_are_allowed(api: SeededApi, account: Account) -> None:
    response = post_note(api, account.id, {"body": "  " + "字" * 4000 + "  "})

    assert response.status_code == 201
    assert len(response.json()["body"]) == 4000


def test_a_key_whose_request_failed_validation_can_be_used_again(api: SeededApi, account: Account) -> None:
    key = str(uuid.uuid4())
    assert post_note(api, account.id, {"body": " "}, key).status_code == 422

    response = post_note(api, account.id, {"body": "Now with text"}, key)

    assert response.status_code == 201, response.text


def test_a_bad_note_with_a_used_key_is_answered_as_a_bad_note(api: SeededApi, account: Account) -> None:
    """The body is checked before the key is claimed (docs/load.md, "The writes"): a request
    wrong twice over is told about its body, and the key's stored response is untouched."""
    key = str(uuid.uuid4())
    assert post_note(api, account.id, {"body": "Called back."}, key).status_code == 201

    response = post_note(api, account.id, {"body": ""}, key)

    assert response.status_code == 422
    assert problem(response)["code"] == "validation_failed"
    replayed = post_note(api, account.id, {"body": "Called back."}, key)
    assert replayed.headers["idempotent-replayed"] == "true"


def test_a_note_on_an_unknown_account_is_404(api: SeededApi) -> None:
    response = post_note(api, 987654321, {"body": "x"})

    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"


def test_notes_list_newest_first_across_pages(api: SeededApi, account: Account) -> None:
    written = []
    for index in range(7):
        if index % 3 == 0:  # some notes share a timestamp: the id breaks the tie
            api.clock.advance(timedelta(minutes=5))
        written.append(post_note(api, account.id, {"body": f"note {index}"}).json()["id"])

    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = api.client.get(f"/v1/accounts/{account.id}/notes", params=params, headers=api.agent).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert [n["id"] for n in items] == list(reversed(written))
    assert [n["body"] for n in items][0] == "note 6"


def test_notes_of_another_account_are_not_listed(api: SeededApi, account: Account) -> None:
    post_note(api, account.id, {"body": "mine"})

    page = api.client.get(f"/v1/accounts/{account.id + 1}/notes", headers=api.agent).json()

    assert page == {"items": [], "next_cursor": None}


def test_notes_of_an_unknown_account_are_404(api: SeededApi) -> None:
    assert api.client.get("/v1/accounts/987654321/notes", headers=api.agent).status_code == 404


@pytest.mark.parametrize("method", ["PUT", "DELETE", "OPTIONS"])
def test_other_methods_are_405_listing_both_that_are_allowed(api: SeededApi, method: str) -> None:
    response = api.client.request(method, "/v1/accounts/1/notes")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert problem(response)["code"] == "method_not_allowed"
