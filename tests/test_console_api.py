"""console.api against the real backend: auth, idempotency keys, retries, the generic layer."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from requests.adapters import HTTPAdapter

from console.api import ApiClient
from console.errors import Offline, ServerError, Unauthorized
from tests.helpers.live import LiveBackend


class FlakyAdapter(HTTPAdapter):
    """The network between console and server: records every request it carries, and can
    fail some of them, either before sending (`refuse`) or after the server has answered (`lose`:
    the answer is lost on the way back, the worst case for a write)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []
        self.refuse = 0
        self.lose = 0
        self.overloaded = 0

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.sent.append(request)
        if self.refuse:
            self.refuse -= 1
            raise requests.ConnectionError("connection refused (simulated)")
        if self.overloaded:
            self.overloaded -= 1
            return busy_answer(request)
        response = super().send(request, *args, **kwargs)
        if self.lose:
            self.lose -= 1
            response.close()
            raise requests.ConnectionError("connection reset after the request was sent (simulated)")
        return response


def busy_answer(request: requests.PreparedRequest) -> requests.Response:
    """What the backend answers when it has no connection for a request in time."""
    response = requests.Response()
    response.status_code = 503
    response.headers["Content-Type"] = "application/problem+json"
    response.headers["Retry-After"] = "2"
    response._content = json.dumps(
        {"type": "x", "title": "The server is busy", "status": 503, "code": "overloaded"}
    ).encode()
    response.request = request
    response.url = request.url or ""
    return response


@pytest.fixture
def flaky(live_backend: LiveBackend) -> Iterator[tuple[ApiClient, FlakyAdapter]]:
    adapter = FlakyAdapter()
    session = requests.Session()
    session.mount("http://", adapter)
    client = ApiClient(live_backend.base_url, session=session, backoff=0.0)
    client.login("agent1", "demo")
    adapter.sent.clear()
    try:
        yield client, adapter
    finally:
        session.close()


def note_text() -> str:
    return f"test note {uuid.uuid4()}"


def notes_with(client: ApiClient, account_id: int, text: str) -> int:
    return sum(1 for note in client.list_notes(account_id, limit=200).items if note.body == text)


def test_login_me_logout(live_backend: LiveBackend) -> None:
    client = ApiClient(live_backend.base_url)
    result = client.login("super1", "demo")
    assert client.token == result.access_token
    assert result.user.role == "supervisor"
    assert result.expires_at.tzinfo is not None
    assert client.me() == result.user == client.user
    client.logout()
    assert client.token is None
    other = ApiClient(live_backend.base_url, token=result.access_token)
    with pytest.raises(Unauthorized) as revoked:
        other.me()
    assert revoked.value.session_expired
    assert other.token is None  # a dead token is dropped
    client.logout()  # logging out twice is harmless


def test_an_ended_session_calls_the_hook_then_raises(live_backend: LiveBackend) -> None:
    seen: list[Unauthorized] = []
    client = ApiClient(live_backend.base_url, token="not-a-real-token", on_unauthorized=seen.append)
    with pytest.raises(Unauthorized):
        client.get_customer(1)
    assert len(seen) == 1 and seen[0].session_expired
    client.login("agent1", "demo")  # what the UI does after asking for the password again
    assert client.get_customer(1).id == 1


def test_every_write_gets_its_own_key(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    client.add_note(1, note_text())
    client.add_note(1, note_text())
    keys = [request.headers["Idempotency-Key"] for request in adapter.sent]
    assert len(keys) == 2 and keys[0] != keys[1]
    assert all(uuid.UUID(key).version == 4 for key in keys)


def test_reads_carry_no_key(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    client.get_account(1)
    client.reveal(1, "phone", "caller verification")
    assert all("Idempotency-Key" not in request.headers for request in adapter.sent)


def test_a_write_whose_answer_was_lost_is_retried_with_the_same_key_and_lands_once(
    flaky: tuple[ApiClient, FlakyAdapter],
) -> None:
    client, adapter = flaky
    text = note_text()
    adapter.lose = 1
    note = client.add_note(1, text)
    assert note.body == text
    keys = [request.headers["Idempotency-Key"] for request in adapter.sent]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert notes_with(client, 1, text) == 1


def test_a_given_key_is_used_and_replays(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    key = str(uuid.uuid4())
    text = note_text()
    first = client.add_note(1, text, idempotency_key=key)
    again = client.add_note(1, text, idempotency_key=key)
    assert again == first
    assert {request.headers["Idempotency-Key"] for request in adapter.sent} == {key}
    assert notes_with(client, 1, text) == 1


def test_gets_are_retried_on_connection_errors_then_give_up_as_offline(
    flaky: tuple[ApiClient, FlakyAdapter],
) -> None:
    client, adapter = flaky
    adapter.refuse = 2
    assert client.get_account(1).id == 1
    assert len(adapter.sent) == 3
    adapter.sent.clear()
    adapter.refuse = 10
    with pytest.raises(Offline):
        client.get_account(1)
    assert len(adapter.sent) == 1 + client.retries


def test_a_failed_write_reports_its_key_for_the_outbox(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    adapter.refuse = 10
    with pytest.raises(Offline) as offline:
        client.add_note(1, note_text(), idempotency_key="5b0c6c1e-8f7b-4f0c-9d8e-3d1f2a4b5c6d")
    assert offline.value.idempotency_key == "5b0c6c1e-8f7b-4f0c-9d8e-3d1f2a4b5c6d"


def test_unkeyed_writes_are_not_retried_once_sent(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    adapter.lose = 1
    with pytest.raises(Offline):
        client.reveal(1, "phone", "caller verification")  # each reveal is audited: never twice
    assert len(adapter.sent) == 1


def test_a_busy_server_is_asked_again_for_reads_keyed_writes_and_sign_ins(
    flaky: tuple[ApiClient, FlakyAdapter],
) -> None:
    client, adapter = flaky
    adapter.overloaded = 2
    assert client.get_account(1).id == 1
    assert len(adapter.sent) == 3

    adapter.sent.clear()
    adapter.overloaded = 1
    text = note_text()
    client.add_note(1, text)
    assert len(adapter.sent) == 2
    assert adapter.sent[0].headers["Idempotency-Key"] == adapter.sent[1].headers["Idempotency-Key"]
    assert notes_with(client, 1, text) == 1

    adapter.sent.clear()
    adapter.overloaded = 1
    client.login("agent1", "demo")  # unkeyed, but turned away before anything changed
    assert len(adapter.sent) == 2


def test_a_server_busy_past_the_retries_is_a_server_error_with_the_key(
    flaky: tuple[ApiClient, FlakyAdapter],
) -> None:
    client, adapter = flaky
    adapter.overloaded = 10
    with pytest.raises(ServerError) as busy:
        client.add_note(1, note_text(), idempotency_key="5b0c6c1e-8f7b-4f0c-9d8e-3d1f2a4b5c6e")
    assert busy.value.status == 503
    assert busy.value.code == "overloaded"
    assert len(adapter.sent) == 1 + client.retries
    assert "not available" in busy.value.user_message


def test_retry_after_stretches_the_back_off_up_to_a_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    client = ApiClient("http://127.0.0.1:9", backoff=0.25)
    waits: list[float | None] = []
    monkeypatch.setattr(client._closed, "wait", waits.append)
    client._wait_before_retry(1, 2.0)
    client._wait_before_retry(1, 120.0)
    client._wait_before_retry(2, None)
    client.close()
    assert waits == [2.0, 5.0, 0.5]


def test_4xx_is_never_retried(flaky: tuple[ApiClient, FlakyAdapter]) -> None:
    client, adapter = flaky
    with pytest.raises(Exception):  # noqa: B017 - the kind is tested in test_console_errors
        client.get_customer(999_999)
    assert len(adapter.sent) == 1


def test_generic_request_layer_for_new_endpoints(api_client: ApiClient) -> None:
    body = api_client.get_json("/v1/customers", params={"q": "HB0000000001", "limit": 5, "cursor": None})
    assert body["items"][0]["id"] == 1
    response = api_client.request("GET", "v1/accounts/1")
    assert response.headers["Content-Type"].startswith("application/json")
    created = api_client.post_json("/v1/accounts/1/notes", {"body": note_text(), "channel": "chat"})
    assert created["channel"] == "chat"


def test_search_pages_with_the_cursor(api_client: ApiClient) -> None:
    surnames = Counter(api_client.get_customer(cid, include=()).name[0] for cid in range(1, 21))
    surname, count = surnames.most_common(1)[0]
    assert count >= 2, "the demo data should repeat a surname among 20 customers"
    page = api_client.search_customers(surname, limit=1)
    seen = [hit.id for hit in page.items]
    while page.next_cursor is not None:
        page = api_client.search_customers(surname, limit=1, cursor=page.next_cursor)
        seen.extend(hit.id for hit in page.items)
    assert len(seen) == len(set(seen)) >= count
    all_at_once = api_client.search_customers(surname, limit=200)
    assert [hit.id for hit in all_at_once.items] == seen and all_at_once.next_cursor is None


def test_transactions_filter_by_type_and_date(api_client: ApiClient) -> None:
    everything = api_client.list_transactions(1, limit=200)
    purchases = api_client.list_transactions(1, types=("purchase",), limit=200)
    assert purchases.items and all(t.type == "purchase" for t in purchases.items)
    assert len(purchases.items) < len(everything.items)
    day = everything.items[0].business_date
    on_day = api_client.list_transactions(1, date_from=day, date_to=day)
    assert on_day.items and all(t.business_date == day for t in on_day.items)


def test_one_client_serves_many_threads(api_client: ApiClient) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda cid: api_client.get_customer(cid).id, [1, 2, 3, 4, 5, 6, 7, 8] * 3))
    assert results == [1, 2, 3, 4, 5, 6, 7, 8] * 3


def test_get_json_etag_gives_none_where_the_api_sends_no_etag(api_client: ApiClient) -> None:
    body, etag = api_client.get_json_etag("/v1/accounts/1")
    assert body["id"] == 1 and etag is None


def test_healthz(api_client: ApiClient) -> None:
    assert api_client.healthz() is True
