"""What a delivered write changed (console/changes.py), and who hears of it (ApiClient)."""

from __future__ import annotations

import json
import threading
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from requests.adapters import HTTPAdapter

from console.api import ApiClient
from console.changes import Change, change_of_write, current_origin, writing_for
from console.errors import Conflict

BASE = "http://creditdesk.test"


class CannedServer(HTTPAdapter):
    """Answers each (method, path) with a fixed status and JSON body; nothing leaves the machine."""

    def __init__(self, answers: dict[tuple[str, str], tuple[int, Any]]) -> None:
        super().__init__()
        self.answers = answers

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        status, body = self.answers[(str(request.method), urlsplit(request.url or "").path)]
        response = requests.Response()
        response.status_code = status
        response.headers["Content-Type"] = "application/json" if status < 400 else "application/problem+json"
        response._content = json.dumps(body).encode()
        response.request = request
        response.url = request.url or ""
        return response


def canned_client(answers: dict[tuple[str, str], tuple[int, Any]]) -> ApiClient:
    session = requests.Session()
    session.mount("http://", CannedServer(answers))
    return ApiClient(BASE, token="t", retries=0, session=session)


def test_a_filing_names_its_account_customer_and_case() -> None:
    change = change_of_write("/v1/disputes", {"id": 9, "account_id": 3, "customer_id": 2, "case_id": 41})
    assert change == Change("/v1/disputes", frozenset({3}), frozenset({2}), frozenset({41}))


def test_ids_in_the_path_count_and_a_cases_own_answer_names_the_case_by_id() -> None:
    assert change_of_write("/v1/accounts/7/notes", None).account_ids == {7}
    assert change_of_write("/v1/demo/accounts/8/repayments", None).account_ids == {8}
    assigned = change_of_write("/v1/cases/12/assign", {"id": 12, "account_id": 5, "customer_id": 4})
    assert assigned.case_ids == {12} and assigned.account_ids == {5} and assigned.customer_ids == {4}
    bulk = change_of_write("/v1/cases/bulk-assign", {"items": [{"id": 1, "account_id": 10}, {"id": 2, "account_id": 11}]})
    assert bulk.case_ids == {1, 2} and bulk.account_ids == {10, 11}
    # A subject's "id" is not a case id: only its case_id is.
    action = change_of_write("/v1/disputes/9/actions/acknowledge", {"id": 9, "case_id": 41, "account_id": 3})
    assert action.case_ids == {41}


def test_nothing_but_ids_is_read_and_a_bool_is_not_an_id() -> None:
    assert change_of_write("/v1/arrangements", {"account_id": True, "case_id": "7"}) == Change("/v1/arrangements")
    assert change_of_write("/v1/arrangements", ["not", "an", "object"]) == Change("/v1/arrangements")


def test_the_origin_belongs_to_the_thread_and_the_block() -> None:
    seen: list[object] = []
    with writing_for("page"):
        assert current_origin() == "page"
        thread = threading.Thread(target=lambda: seen.append(current_origin()))
        thread.start()
        thread.join()
    assert current_origin() is None
    assert seen == [None]


def test_the_client_announces_keyed_writes_it_delivered_and_nothing_else() -> None:
    client = canned_client({
        ("POST", "/v1/accounts/7/notes"): (201, {"id": 1, "account_id": 7, "customer_id": 3}),
        ("POST", "/v1/accounts/7/arrangement-quotes"): (200, {"account_id": 7}),
        ("GET", "/v1/accounts/7"): (200, {"id": 7}),
        ("POST", "/v1/disputes"): (409, {"type": "about:blank", "title": "No", "status": 409, "code": "x"}),
    })
    heard: list[Change] = []
    client.add_change_listener(heard.append)
    with writing_for("notes tab"):
        client.post_json("/v1/accounts/7/notes", {"body": "hi"})
    client.post_json("/v1/accounts/7/arrangement-quotes", {"type": "x"}, keyed=False)  # a quote changes nothing
    client.get_json("/v1/accounts/7")
    with pytest.raises(Conflict):  # refused: nothing changed
        client.post_json("/v1/disputes", {})
    assert heard == [Change("/v1/accounts/7/notes", frozenset({7}), frozenset({3}))]
    assert heard[0].origin == "notes tab"
    client.remove_change_listener(heard.append)
    client.post_json("/v1/accounts/7/notes", {"body": "again"})
    assert len(heard) == 1


def test_a_failing_listener_does_not_fail_the_write() -> None:
    client = canned_client({("POST", "/v1/accounts/7/notes"): (201, {"account_id": 7})})
    heard: list[Change] = []

    def broken(_change: Change) -> None:
        raise RuntimeError("a bug in a view")

    client.add_change_listener(broken)
    client.add_change_listener(heard.append)
    assert client.post_json("/v1/accounts/7/notes", {"body": "hi"}) == {"account_id": 7}
    assert [change.account_ids for change in heard] == [{7}]
