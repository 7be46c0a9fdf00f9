"""The offline outbox (console/outbox.py) against the real in-process backend, without Qt.

Writes go to customers 38–40 (this file's customers in the shared live backend), as contact notes
with a unique text each, so "exactly once" is counted on what the API then returns.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from console.api import ApiClient
from console.errors import Offline, ServerError, ValidationFailed
from console.outbox import (
    BACKOFF_CAP,
    DELIVERED_KEPT_FOR,
    Delivered,
    Outbox,
    Queued,
    backoff_delay,
    send,
)
from tests.helpers.live import LiveBackend

SERVER = "embedded:/tmp/test-outbox"
T0 = datetime(2031, 3, 4, 9, 0, tzinfo=timezone.utc)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def outbox_file(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def outbox(outbox_file: Path, clock: Clock) -> Iterator[Outbox]:
    box = Outbox(outbox_file, server_url=SERVER, username="agent1", clock=clock)
    yield box
    box.close()


@pytest.fixture
def account_id(api_client: ApiClient) -> int:
    """The credit line of customer 39."""
    profile = api_client.get_customer(39, include=("accounts",))
    return profile.accounts[0].id


def note_path(account_id: int) -> str:
    return f"/v1/accounts/{account_id}/notes"


def note_body(text: str) -> dict[str, str]:
    return {"body": text, "channel": "phone"}


def unique_text(what: str) -> str:
    return f"outbox test {what} {uuid.uuid4()}"


def notes_with(client: ApiClient, account_id: int, text: str) -> int:
    """How many notes on the account have exactly this text."""
    page = client.list_notes(account_id, limit=200)
    return sum(1 for note in page.items if note.body == text)


def unreachable_client(username: str = "agent1") -> ApiClient:
    """A client of a port nobody listens on: every request is `Offline` at once."""
    client = ApiClient("http://127.0.0.1:9", retries=0, backoff=0.0, timeout=(0.5, 0.5))
    client.token = "not-used"
    return client


class AppliedThenTimedOut(ApiClient):
    """The server applies the write, then the answer is lost (a read timeout): the worst case."""

    def post_json(self, path: str, json: Any = None, **kwargs: Any) -> Any:
        super().post_json(path, json, **kwargs)
        raise Offline(self.url(path), "timeout", idempotency_key=kwargs.get("idempotency_key"))


# -- the first attempt -----------------------------------------------------------------------


def test_a_write_that_lands_at_once_is_delivered_and_kept_as_delivered(
    outbox: Outbox, api_client: ApiClient, account_id: int
) -> None:
    text = unique_text("delivered")
    result = outbox.post(api_client, note_path(account_id), note_body(text), label="Note")
    assert isinstance(result, Delivered)
    assert result.body["body"] == text
    assert outbox.counts().empty
    assert [e.status for e in outbox.entries(include_delivered=True)] == ["delivered"]
    assert outbox.entries(include_delivered=True)[0].response["id"] == result.body["id"]
    assert notes_with(api_client, account_id, text) == 1


def test_the_write_is_stored_before_it_is_sent(outbox: Outbox, live_backend: LiveBackend, account_id: int) -> None:
    seen: list[tuple[str, str]] = []

    class Watching(ApiClient):
        def post_json(self, path: str, json: Any = None, **kwargs: Any) -> Any:
            # While the request is under way, the entry is already on disk (a second reader sees it).
            reader = Outbox(outbox.path, server_url=SERVER, username="agent1")
            try:
                seen.extend((e.status, e.idempotency_key) for e in reader.entries())
            finally:
                reader.close()
            return super().post_json(path, json, **kwargs)

    client = Watching(live_backend.base_url, backoff=0.0)
    client.login("agent1", "demo")
    try:
        key = str(uuid.uuid4())
        result = outbox.post(client, note_path(account_id), note_body(unique_text("ahead")), label="Note",
                             idempotency_key=key)
    finally:
        client.close()
    assert isinstance(result, Delivered)
    assert seen == [("sending", key)]


def test_a_refusal_on_the_first_attempt_is_raised_and_not_kept(
    outbox: Outbox, api_client: ApiClient, account_id: int
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        outbox.post(api_client, note_path(account_id), {"body": "", "channel": "phone"}, label="Empty note")
    assert raised.value.field_errors
    assert outbox.entries(include_delivered=True) == []


def test_send_without_an_outbox_posts_directly(api_client: ApiClient, account_id: int) -> None:
    text = unique_text("direct")
    result = send(None, api_client, note_path(account_id), note_body(text), label="Note")
    assert isinstance(result, Delivered) and result.body["body"] == text
    with pytest.raises(Offline):
        send(None, unreachable_client(), note_path(account_id), note_body(text), label="Note")


# -- offline, restart, drain -----------------------------------------------------------------


def test_offline_write_is_queued_survives_a_restart_and_lands_once(
    outbox_file: Path, clock: Clock, live_backend: LiveBackend, api_client: ApiClient, account_id: int
) -> None:
    text = unique_text("offline")
    first = Outbox(outbox_file, server_url=SERVER, username="agent1", clock=clock)
    queued_events: list[Queued] = []
    first.add_listener(queued_events.append)
    with live_backend.stopped():
        result = first.post(api_client, note_path(account_id), note_body(text), label="Note on account")
        assert isinstance(result, Queued)
        assert queued_events == [result]
        assert first.counts().waiting == 1
        waiting = first.entries()[0]
        assert (waiting.status, waiting.waiting_for, waiting.attempts) == ("pending", "offline", 1)
        assert waiting.last_error and "reach" in waiting.last_error
        nothing = first.drain(api_client, now=clock.advance(seconds=10))
        assert nothing.offline and not nothing.delivered
    first.close()  # the console quits

    restarted = Outbox(outbox_file, server_url=SERVER, username="agent1", clock=clock)
    try:
        assert [e.label for e in restarted.entries()] == ["Note on account"]
        done = restarted.drain(api_client, now=clock.advance(minutes=10))
        assert [e.idempotency_key for e in done.delivered] == [result.idempotency_key]
        assert restarted.counts().empty
        assert restarted.drain(api_client, now=clock.advance(minutes=10)).attempted == 0
    finally:
        restarted.close()
    assert notes_with(api_client, account_id, text) == 1


def test_a_write_applied_whose_answer_was_lost_lands_exactly_once(
    outbox: Outbox, clock: Clock, live_backend: LiveBackend, api_client: ApiClient, account_id: int
) -> None:
    text = unique_text("timeout")
    flaky = AppliedThenTimedOut(live_backend.base_url, backoff=0.0)
    flaky.login("agent1", "demo")
    try:
        result = outbox.post(flaky, note_path(account_id), note_body(text), label="Note")
    finally:
        flaky.close()
    assert isinstance(result, Queued)
    assert notes_with(api_client, account_id, text) == 1  # it did land
    done = outbox.drain(api_client, now=clock.advance(minutes=1))
    assert len(done.delivered) == 1
    assert done.delivered[0].response["body"] == text  # the server replayed its answer
    assert notes_with(api_client, account_id, text) == 1  # and did not write it again


def test_the_same_key_twice_is_kept_once(outbox: Outbox, clock: Clock, api_client: ApiClient, account_id: int) -> None:
    key = str(uuid.uuid4())
    text = unique_text("same key")
    offline = unreachable_client()
    first = outbox.post(offline, note_path(account_id), note_body(text), label="Note", idempotency_key=key)
    again = outbox.post(offline, note_path(account_id), note_body(text), label="Note", idempotency_key=key)
    assert isinstance(first, Queued) and isinstance(again, Queued) and first.entry_id == again.entry_id
    assert outbox.counts().waiting == 1
    outbox.drain(api_client, now=clock.advance(minutes=1))
    assert notes_with(api_client, account_id, text) == 1


def test_drain_sends_oldest_first_and_stops_at_the_first_offline(
    outbox: Outbox, clock: Clock, api_client: ApiClient, account_id: int
) -> None:
    offline = unreachable_client()
    texts = [unique_text(f"order {n}") for n in range(3)]
    for text in texts:
        assert isinstance(outbox.post(offline, note_path(account_id), note_body(text), label=text), Queued)
        clock.advance(seconds=1)
    stopped = outbox.drain(offline, now=clock.advance(minutes=10))
    assert stopped.offline and len(stopped.retry_later) == 1  # one try, not three
    done = outbox.drain(api_client, now=clock.advance(minutes=10))
    assert [e.label for e in done.delivered] == texts
    page = api_client.list_notes(account_id, limit=200)
    ours = [note.body for note in page.items if note.body in texts]
    assert ours == list(reversed(texts))  # newest first: they landed in the order written


def test_back_off_doubles_with_jitter_up_to_five_minutes(outbox: Outbox, clock: Clock, account_id: int) -> None:
    assert backoff_delay(1, jitter=0.5) == timedelta(seconds=2)
    assert backoff_delay(2, jitter=0.5) == timedelta(seconds=4)
    assert backoff_delay(5, jitter=0.5) == timedelta(seconds=32)
    assert backoff_delay(1, jitter=0.0) == timedelta(seconds=1.6)
    assert backoff_delay(1, jitter=1.0) == timedelta(seconds=2.4)
    assert backoff_delay(30, jitter=1.0) == BACKOFF_CAP
    assert backoff_delay(9, jitter=0.0) == timedelta(seconds=240)

    offline = unreachable_client()
    outbox.post(offline, note_path(account_id), note_body(unique_text("backoff")), label="Note")
    delays = []
    for _ in range(10):
        entry = outbox.entries()[0]
        assert entry.next_attempt_at is not None and entry.last_attempt_at is not None
        delays.append((entry.next_attempt_at - entry.last_attempt_at).total_seconds())
        early = outbox.drain(offline, now=entry.next_attempt_at - timedelta(milliseconds=1))
        assert early.attempted == 0  # not due yet
        clock.now = entry.next_attempt_at
        assert outbox.drain(offline).attempted == 1
    assert outbox.entries()[0].attempts == 11
    for n, delay in enumerate(delays, start=1):
        expected = min(2 * 2 ** (n - 1), 300)
        assert 0.8 * expected <= delay <= min(1.2 * expected, 300), (n, delay)
    assert delays[-1] <= 300


def test_when_the_backend_answers_what_waited_for_it_is_due_at_once(
    outbox: Outbox, clock: Clock, api_client: ApiClient, account_id: int
) -> None:
    offline = unreachable_client()
    texts = [unique_text("reachable 1"), unique_text("reachable 2")]
    for text in texts:
        outbox.post(offline, note_path(account_id), note_body(text), label="Note")
    assert outbox.drain(api_client, now=clock.advance(seconds=1)).attempted == 0
    done = outbox.drain(api_client, now=clock(), reachable=True)
    assert len(done.delivered) == 2
    assert [notes_with(api_client, account_id, text) for text in texts] == [1, 1]


# -- refusals ----------------------------------------------------------------------------------


def test_a_refused_write_is_kept_with_the_reason_and_never_retried_by_drain(
    outbox: Outbox, clock: Clock, api_client: ApiClient, account_id: int
) -> None:
    too_long = "x" * 4001  # the API takes at most 4000 characters
    outbox.post(unreachable_client(), note_path(account_id), note_body(too_long), label="Long note")
    done = outbox.drain(api_client, now=clock.advance(minutes=1))
    assert [e.label for e in done.refused] == ["Long note"]
    refused = outbox.entries()[0]
    assert refused.status == "refused" and refused.error_status == 422
    assert refused.last_error and "not valid" in refused.last_error
    assert outbox.counts().refused == 1 and outbox.counts().waiting == 0
    again = outbox.drain(api_client, now=clock.advance(hours=1), everything=True)
    assert again.attempted == 0
    assert outbox.entries()[0].attempts == refused.attempts

    assert outbox.send_again(refused.id)  # the user insists: the same key and body
    assert outbox.entries()[0].status == "pending"
    assert len(outbox.drain(api_client, now=clock.advance(seconds=1)).refused) == 1
    assert outbox.discard(refused.id)
    assert outbox.entries() == []


def test_waiting_entries_cannot_be_discarded(outbox: Outbox, account_id: int) -> None:
    result = outbox.post(unreachable_client(), note_path(account_id), note_body(unique_text("keep")), label="Note")
    assert isinstance(result, Queued)
    assert not outbox.discard(result.entry_id)
    assert outbox.counts().waiting == 1


def test_a_401_waits_for_the_user_to_sign_in_again(
    outbox: Outbox, clock: Clock, live_backend: LiveBackend, api_client: ApiClient, account_id: int
) -> None:
    text = unique_text("signed out")
    outbox.post(unreachable_client(), note_path(account_id), note_body(text), label="Note")
    expired = ApiClient(live_backend.base_url, token="expired-token", backoff=0.0)
    try:
        result = outbox.drain(expired, now=clock.advance(minutes=1))
    finally:
        expired.close()
    assert result.signed_out and not result.refused
    entry = outbox.entries()[0]
    assert (entry.status, entry.waiting_for) == ("pending", "signed_out")
    done = outbox.drain(api_client, now=clock.advance(seconds=1))
    assert len(done.delivered) == 1
    assert notes_with(api_client, account_id, text) == 1


def test_a_write_the_busy_server_turned_away_waits_and_lands_once(
    outbox: Outbox, clock: Clock, live_backend: LiveBackend, api_client: ApiClient, account_id: int
) -> None:
    class Busy(ApiClient):
        def post_json(self, path: str, json: Any = None, **kwargs: Any) -> Any:
            raise ServerError(503, code="overloaded", request_id="req-busy")

    busy = Busy(live_backend.base_url)
    text = unique_text("503")
    try:
        result = outbox.post(busy, note_path(account_id), note_body(text), label="Note")
        assert isinstance(result, Queued)
        waiting = outbox.entries()[0]
        assert (waiting.status, waiting.waiting_for) == ("pending", "unavailable")
        for _ in range(6):  # busy for longer than a 500 would be retried: still waiting, never refused
            clock.now = outbox.entries()[0].next_attempt_at or clock.now
            outbox.drain(busy)
        assert outbox.entries()[0].status == "pending"
    finally:
        busy.close()
    clock.now = outbox.entries()[0].next_attempt_at or clock.now
    done = outbox.drain(api_client)
    assert [e.idempotency_key for e in done.delivered] == [result.idempotency_key]
    assert notes_with(api_client, account_id, text) == 1


def test_server_errors_are_retried_a_few_times_then_refused(
    outbox: Outbox, clock: Clock, live_backend: LiveBackend, account_id: int
) -> None:
    class Failing(ApiClient):
        def post_json(self, path: str, json: Any = None, **kwargs: Any) -> Any:
            raise ServerError(500, code="internal_error", request_id="req-1")

    outbox.post(unreachable_client(), note_path(account_id), note_body(unique_text("500")), label="Note")
    failing = Failing(live_backend.base_url)
    try:
        statuses = []
        for _ in range(6):
            entry = outbox.entries()[0]
            clock.now = entry.next_attempt_at or clock.now
            outbox.drain(failing)
            statuses.append(outbox.entries()[0].status)
    finally:
        failing.close()
    assert statuses[:4] == ["pending"] * 4
    assert statuses[4] == "refused"
    assert "req-1" in (outbox.entries()[0].last_error or "")


# -- whose and where ---------------------------------------------------------------------------


def test_another_users_writes_wait_until_they_sign_in(
    outbox_file: Path, clock: Clock, outbox: Outbox, api_client_as: Callable[[str], ApiClient], account_id: int
) -> None:
    text = unique_text("agent1's")
    outbox.post(unreachable_client(), note_path(account_id), note_body(text), label="Note")
    other = Outbox(outbox_file, server_url=SERVER, username="agent2", clock=clock)
    elsewhere = Outbox(outbox_file, server_url="https://other.example", username="agent1", clock=clock)
    agent2 = api_client_as("agent2")
    try:
        assert other.counts().empty and other.entries() == []
        assert other.drain(agent2, now=clock.advance(minutes=5)).attempted == 0
        assert elsewhere.counts().empty
    finally:
        other.close()
        elsewhere.close()
    assert notes_with(agent2, account_id, text) == 0
    agent1 = api_client_as("agent1")
    done = outbox.drain(agent1, now=clock.advance(seconds=1))
    assert len(done.delivered) == 1
    assert agent1.user is not None
    notes = agent2.list_notes(account_id, limit=200).items
    assert [n.author_id for n in notes if n.body == text] == [agent1.user.id]


def test_delivered_entries_are_forgotten_after_seven_days(
    outbox: Outbox, clock: Clock, api_client: ApiClient, account_id: int
) -> None:
    outbox.post(api_client, note_path(account_id), note_body(unique_text("prune")), label="Note")
    assert len(outbox.entries(include_delivered=True)) == 1
    assert outbox.prune(now=clock.now + DELIVERED_KEPT_FOR - timedelta(seconds=1)) == 0
    assert outbox.prune(now=clock.now + DELIVERED_KEPT_FOR + timedelta(seconds=1)) == 1
    assert outbox.entries(include_delivered=True) == []


def test_an_entry_cut_off_mid_request_is_sent_after_a_restart(
    outbox_file: Path, clock: Clock, api_client: ApiClient, account_id: int
) -> None:
    text = unique_text("crash")

    class Dies(ApiClient):
        def post_json(self, path: str, json: Any = None, **kwargs: Any) -> Any:
            raise KeyboardInterrupt  # the console is killed while the request is out

    box = Outbox(outbox_file, server_url=SERVER, username="agent1", clock=clock)
    with pytest.raises(KeyboardInterrupt):
        box.post(Dies("http://127.0.0.1:9"), note_path(account_id), note_body(text), label="Note")
    # What a hard kill leaves: the entry still marked as being sent.
    with sqlite3.connect(outbox_file) as db:
        db.execute("UPDATE outbox_entries SET status = 'sending'")
    box.close()
    restarted = Outbox(outbox_file, server_url=SERVER, username="agent1", clock=clock)
    try:
        assert restarted.counts().waiting == 1
        # Another console may still be sending it for a while; then it is due.
        assert restarted.drain(api_client, now=clock.advance(seconds=30)).attempted == 0
        assert len(restarted.drain(api_client, now=clock.advance(seconds=31)).delivered) == 1
    finally:
        restarted.close()
    assert notes_with(api_client, account_id, text) == 1


# -- a burst while the backend goes down -----------------------------------------------------------


def test_a_burst_of_writes_while_the_backend_goes_down_lands_exactly_once(
    outbox: Outbox, clock: Clock, live_backend: LiveBackend, api_client: ApiClient
) -> None:
    account_id = api_client.get_customer(40, include=("accounts",)).accounts[0].id
    texts = [unique_text(f"burst {n}") for n in range(10)]
    told: dict[str, Delivered | Queued] = {}
    failures: list[BaseException] = []
    lock = threading.Lock()
    writer = live_backend.client("agent1")
    start_line = threading.Barrier(6)

    def write(text: str) -> None:
        try:
            if text in texts[:5]:
                start_line.wait()
            result = outbox.post(writer, note_path(account_id), note_body(text), label=text)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            with lock:
                failures.append(exc)
            return
        with lock:
            told[text] = result

    try:
        racing = [threading.Thread(target=write, args=(text,)) for text in texts[:5]]
        for thread in racing:
            thread.start()
        start_line.wait()
        live_backend.stop()  # going down while those five are being written
        for thread in racing:
            thread.join()
        for text in texts[5:]:  # and five while it is down
            write(text)
        assert failures == []
        assert set(told) == set(texts)
        assert any(isinstance(result, Queued) for result in told.values())
    finally:
        if not live_backend.running:
            live_backend.start()
    for _ in range(5):
        outbox.drain(writer, now=clock.advance(minutes=6))
        if outbox.counts().empty:
            break
    writer.close()
    assert outbox.counts().empty
    page = api_client.list_notes(account_id, limit=200)
    bodies = [note.body for note in page.items]
    assert {text: bodies.count(text) for text in texts} == {text: 1 for text in texts}
