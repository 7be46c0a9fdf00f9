"""The console's HTTP client for the servicing API (DESIGN.md §4).

    client = ApiClient("http://127.0.0.1:8000")
    client.login("agent1", "demo")
    page = client.search_customers("王")
    profile = client.get_customer(page.items[0].id)

Rules it keeps:
- One `requests.Session` per client: connections are reused (keep-alive).
- Every request has a timeout (`timeout=(connect, read)` seconds).
- Every write (POST/PUT/PATCH/DELETE) carries an `Idempotency-Key` (a uuid4 unless the caller
  gives one), and a retry of that write sends the same key, so the server applies it once.
  Writes the API does not key (login, logout, reveal) are sent with `keyed=False`.
- Retries only where safe: GETs and keyed writes, on connection errors and on 502/503/504,
  at most `retries` times with a short back-off (longer if a busy server's `Retry-After` says
  so); an unkeyed write only when it provably never left the machine (connection refused,
  connect timeout) or the server answered 503 `overloaded` (turned away, nothing changed).
  Never on a 4xx.
- Errors are typed (`console.errors`): a problem+json answer becomes `NotFound`, `Conflict`, …;
  a server that cannot be reached becomes `Offline`. A 401 raises `Unauthorized` (with
  `session_expired`), and `on_unauthorized`, if given, is called first (from the calling thread)
  so the UI can ask for the password again; the UI then calls `login()` and retries.

Thread-safety: the UI calls one client from pool threads at once. The client keeps no
per-request state on itself: headers are built per request from `self.token`, which is a plain
attribute read once per request (assigning it is atomic), and the session's cookie jar is not
used (the API is token-based). `requests.Session` is shared for its urllib3 connection pool,
which is thread-safe; the session's own mutable settings are set once in `__init__` and never
changed afterwards.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final
from urllib.parse import quote

import requests
from urllib3.exceptions import MaxRetryError, NameResolutionError, NewConnectionError

from console.changes import Change, change_of_write, current_origin
from console.errors import (
    InvalidResponse,
    Offline,
    Unauthorized,
    error_from_response,
)
from console.models import (
    AccountOverview,
    BillDetail,
    BillSummary,
    CustomerHit,
    CustomerProfile,
    InstallmentPlan,
    LoginResult,
    Note,
    Page,
    Transaction,
    User,
)

__all__ = ["DEFAULT_TIMEOUT", "ApiClient", "Timeout", "new_idempotency_key", "path_segment"]

log = logging.getLogger(__name__)

Timeout = float | tuple[float, float]
DEFAULT_TIMEOUT: Final[tuple[float, float]] = (3.05, 15.0)
USER_AGENT: Final = "CreditDesk-Console/0.1"
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_STATUSES: Final = frozenset({502, 503, 504})
# The longest a busy server's Retry-After holds a retry back; after the last retry the write
# waits in the outbox (drained with its own back-off) and a read reports the server busy.
MAX_RETRY_AFTER: Final = 5.0
ParamValue = str | int | None
Params = Mapping[str, ParamValue]


def new_idempotency_key() -> str:
    """A fresh Idempotency-Key (uuid4): make one per user action, reuse it for its retries."""
    return str(uuid.uuid4())


class ApiClient:
    """A client of one servicing API at `base_url` (e.g. `http://127.0.0.1:8000`).

    Args:
        token: a bearer token from an earlier login (e.g. recalled from the keyring).
        timeout: seconds, `(connect, read)` or one number for both.
        session: a `requests.Session` to use (the client closes only one it created).
        retries: how many times a safe request is retried after a connection error.
        backoff: seconds before the first retry; doubled for each further one.
        on_unauthorized: called with the `Unauthorized` error (on the calling thread) before it is
            raised, when a signed-in session has ended (expired or revoked token).
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
        retries: int = 2,
        backoff: float = 0.25,
        on_unauthorized: Callable[[Unauthorized], None] | None = None,
    ) -> None:
        self.base_url: str = base_url.rstrip("/")
        self.token: str | None = token
        self.user: User | None = None
        self.timeout: Timeout = timeout
        self.retries = max(0, retries)
        self.backoff = max(0.0, backoff)
        self.on_unauthorized = on_unauthorized
        self._owns_session = session is None
        self.session: requests.Session = session if session is not None else requests.Session()
        self.session.headers.update(
            {"User-Agent": USER_AGENT, "Accept": "application/json, application/problem+json"}
        )
        self._closed = threading.Event()
        self._change_listeners: list[Callable[[Change], None]] = []

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections (only if the client created its session)."""
        self._closed.set()
        if self._owns_session:
            self.session.close()

    def __enter__(self) -> ApiClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        who = self.user.username if self.user else ("token" if self.token else "anonymous")
        return f"ApiClient({self.base_url!r}, {who})"

    @property
    def signed_in(self) -> bool:
        return self.token is not None

    # -- what writes changed (console.changes) ---------------------------------------------

    def add_change_listener(self, callback: Callable[[Change], None]) -> None:
        """Call `callback(change)` after every keyed write the server accepted, on the thread
        that made it (a pool thread, or the outbox's drainer): see `console.changes`."""
        self._change_listeners.append(callback)

    def remove_change_listener(self, callback: Callable[[Change], None]) -> None:
        if callback in self._change_listeners:
            self._change_listeners.remove(callback)

    def _announce_change(self, path: str, response: requests.Response) -> None:
        listeners = list(self._change_listeners)
        if not listeners:
            return
        try:
            answer = response.json() if response.content else None
        except ValueError:
            answer = None
        change = change_of_write(path, answer, origin=current_origin())
        for callback in listeners:
            try:
                callback(change)
            except Exception:
                log.exception("a change listener failed")

    # -- the generic layer (for new endpoints) ---------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        idempotency_key: str | None = None,
        if_match: str | None = None,
        keyed: bool | None = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
    ) -> requests.Response:
        """Send one request and return the successful (2xx/3xx) response.

        `path` starts with `/` (e.g. `/v1/cases/7`). `params` with None values are dropped.
        `keyed` (default: True for writes) sends an `Idempotency-Key`: `idempotency_key` or a new
        uuid4, the same for every retry. `if_match` sends `If-Match` (an ETag, as given).

        Raises:
            ApiError (a subclass per status) when the server answers with an error.
            Offline when the server cannot be reached (after the retries that are safe).
        """
        method = method.upper()
        writes = method not in SAFE_METHODS
        if keyed is None:
            keyed = writes
        key = (idempotency_key or new_idempotency_key()) if keyed else None
        send_headers: dict[str, str] = dict(headers or {})
        if key is not None:
            send_headers["Idempotency-Key"] = key
        if if_match is not None:
            send_headers["If-Match"] = if_match
        token = self.token  # read once: another thread may sign in meanwhile
        if authenticated and token is not None:
            send_headers["Authorization"] = f"Bearer {token}"
        url = self.url(path)
        query = {name: value for name, value in (params or {}).items() if value is not None}
        retry_any_failure = not writes or keyed

        attempt = 0
        while True:
            try:
                response = self.session.request(
                    method,
                    url,
                    params=query or None,
                    json=json,
                    headers=send_headers,
                    timeout=self.timeout,
                    allow_redirects=False,
                )
            except requests.RequestException as exc:
                reason = _offline_reason(exc)
                if reason is None:
                    raise
                if reason != "bad_url" and attempt < self.retries and (retry_any_failure or _never_sent(exc)):
                    attempt += 1
                    log.info("%s %s: %s; retry %d", method, path, reason, attempt)
                    self._wait_before_retry(attempt)
                    continue
                raise Offline(url, reason, idempotency_key=key) from exc
            retryable = retry_any_failure or _overloaded(response)
            if response.status_code in RETRY_STATUSES and retryable and attempt < self.retries:
                attempt += 1
                response.close()
                log.info("%s %s: %d; retry %d", method, path, response.status_code, attempt)
                self._wait_before_retry(attempt, _retry_after(response))
                continue
            break

        if response.status_code >= 400:
            error = error_from_response(response)
            if isinstance(error, Unauthorized) and error.session_expired and authenticated and token:
                if self.token == token:
                    self.token = None
                if self.on_unauthorized is not None:
                    self.on_unauthorized(error)
            raise error
        if writes and keyed:
            self._announce_change(path, response)
        return response

    def get_json(self, path: str, *, params: Params | None = None) -> Any:
        """GET `path` and return its JSON body."""
        return _json_body(self.request("GET", path, params=params))

    def post_json(
        self,
        path: str,
        json: Any = None,
        *,
        idempotency_key: str | None = None,
        if_match: str | None = None,
        keyed: bool = True,
    ) -> Any:
        """POST `json` to `path` (keyed unless `keyed=False`) and return the JSON body (None for 204)."""
        response = self.request(
            "POST", path, json=json, idempotency_key=idempotency_key, if_match=if_match, keyed=keyed
        )
        return None if response.status_code == 204 or not response.content else _json_body(response)

    def get_json_etag(self, path: str, *, params: Params | None = None) -> tuple[Any, str | None]:
        """GET `path`: its JSON body and its `ETag` (for a later `if_match=`), None if it has none."""
        response = self.request("GET", path, params=params)
        return _json_body(response), response.headers.get("ETag")

    def url(self, path: str) -> str:
        """The absolute URL of an API path."""
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # -- auth ------------------------------------------------------------------------------

    def login(self, username: str, password: str) -> LoginResult:
        """Sign in; keeps the token (and `user`) on the client for the following requests.

        Raises `Unauthorized` (code `invalid_credentials`, `account_locked`, …) on refusal."""
        response = self.request(
            "POST",
            "/v1/auth/token",
            json={"username": username, "password": password},
            keyed=False,
            authenticated=False,
        )
        result = LoginResult.from_json(_json_body(response))
        self.token = result.access_token
        self.user = result.user
        return result

    def logout(self) -> None:
        """Revoke the token on the server (best effort) and forget it here."""
        token = self.token
        try:
            if token is not None:
                self.request("POST", "/v1/auth/logout", keyed=False)
        except Unauthorized:
            pass  # already expired or revoked: the goal is reached
        finally:
            if self.token == token:
                self.token = None
                self.user = None

    def me(self) -> User:
        """Who the token belongs to; also refreshes `self.user`."""
        user = User.from_json(self.get_json("/v1/me"))
        self.user = user
        return user

    def healthz(self) -> bool:
        """True when the server answers its liveness check; raises Offline when unreachable."""
        body = self.get_json("/healthz")
        return isinstance(body, dict) and body.get("status") == "ok"

    # -- customers -------------------------------------------------------------------------

    def search_customers(self, q: str, *, limit: int = 20, cursor: str | None = None) -> Page[CustomerHit]:
        """Search by full phone, account number, national ID (full or last 4) or name prefix."""
        data = self.get_json("/v1/customers", params={"q": q, "limit": limit, "cursor": cursor})
        return Page.from_json(data, CustomerHit.from_json)

    def get_customer(
        self, customer_id: int, *, include: Iterable[str] = ("accounts", "current_bills", "plans", "alerts")
    ) -> CustomerProfile:
        """The masked profile with `include`d parts (`accounts` overviews, `current_bills`,
        `plans`, `alerts`), in one round trip."""
        includes = ",".join(include)
        data = self.get_json(f"/v1/customers/{int(customer_id)}", params={"include": includes or None})
        return CustomerProfile.from_json(data)

    def reveal(self, customer_id: int, field: str, reason: str) -> str | None:
        """The unmasked `field` (`phone`, `national_id` or `bank_card`); None when none is on file.
        `reason` (5–200 characters) goes to the audit trail. Limited per hour (`RateLimited`)."""
        response = self.request(
            "POST",
            f"/v1/customers/{int(customer_id)}/reveal",
            json={"field": field, "reason": reason},
            keyed=False,  # not idempotent on the server: each reveal is audited
        )
        value = _json_body(response).get("value")
        return None if value is None else str(value)

    # -- accounts --------------------------------------------------------------------------

    def get_account(self, account_id: int) -> AccountOverview:
        return AccountOverview.from_json(self.get_json(f"/v1/accounts/{int(account_id)}"))

    def list_bills(self, account_id: int, *, limit: int = 24, cursor: str | None = None) -> Page[BillSummary]:
        """The account's bills, newest first."""
        data = self.get_json(f"/v1/accounts/{int(account_id)}/bills", params={"limit": limit, "cursor": cursor})
        return Page.from_json(data, BillSummary.from_json)

    def get_bill(self, account_id: int, bill_id: int) -> BillDetail:
        """One bill with its lines."""
        return BillDetail.from_json(self.get_json(f"/v1/accounts/{int(account_id)}/bills/{int(bill_id)}"))

    def list_transactions(
        self,
        account_id: int,
        *,
        types: Sequence[str] = (),
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> Page[Transaction]:
        """The account's transactions, newest first; `date_from`/`date_to` are business dates
        (inclusive), `types` any of the API's transaction types (empty: all)."""
        params: dict[str, ParamValue] = {
            "type": ",".join(types) or None,
            "from": date_from.isoformat() if date_from else None,
            "to": date_to.isoformat() if date_to else None,
            "limit": limit,
            "cursor": cursor,
        }
        data = self.get_json(f"/v1/accounts/{int(account_id)}/transactions", params=params)
        return Page.from_json(data, Transaction.from_json)

    # -- installments ----------------------------------------------------------------------

    def list_installment_plans(self, account_id: int) -> list[InstallmentPlan]:
        """All the account's plans with their schedules, newest first (one page)."""
        data = self.get_json(f"/v1/accounts/{int(account_id)}/installment-plans")
        return list(Page.from_json(data, InstallmentPlan.from_json).items)

    def get_installment_plan(self, plan_id: int) -> InstallmentPlan:
        return InstallmentPlan.from_json(self.get_json(f"/v1/installment-plans/{int(plan_id)}"))

    # -- notes -----------------------------------------------------------------------------

    def list_notes(self, account_id: int, *, limit: int = 50, cursor: str | None = None) -> Page[Note]:
        """The account's contact notes, newest first."""
        data = self.get_json(f"/v1/accounts/{int(account_id)}/notes", params={"limit": limit, "cursor": cursor})
        return Page.from_json(data, Note.from_json)

    def add_note(
        self, account_id: int, body_text: str, *, channel: str = "phone", idempotency_key: str | None = None
    ) -> Note:
        """Write a contact note as the signed-in user (1–4000 characters). Pass the same
        `idempotency_key` to retry a note that may or may not have landed."""
        data = self.post_json(
            f"/v1/accounts/{int(account_id)}/notes",
            {"body": body_text, "channel": channel},
            idempotency_key=idempotency_key,
        )
        return Note.from_json(data)

    # -- internals -------------------------------------------------------------------------

    def _wait_before_retry(self, attempt: int, retry_after: float | None = None) -> None:
        """The back-off before retry `attempt`; a busy server's `Retry-After` (503 `overloaded`)
        stretches it, up to `MAX_RETRY_AFTER` (a client with no back-off, as in tests, never waits)."""
        delay = self.backoff * (2 ** (attempt - 1))
        if retry_after is not None and self.backoff > 0:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
        # Wakes at once when the client is closed, so a closing UI does not hang on back-off.
        self._closed.wait(delay)


def _overloaded(response: requests.Response) -> bool:
    """A 503 `overloaded`: the backend turned the request away before changing anything (no
    connection or lock in time), so even an unkeyed write (a sign-in) may be sent again."""
    if response.status_code != 503:
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("code") == "overloaded"


def _retry_after(response: requests.Response) -> float | None:
    """The seconds of a `Retry-After: <seconds>` header, if sent (the backend sends no dates)."""
    value = response.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else None


def path_segment(value: str | int) -> str:
    """`value` quoted for use as one path segment."""
    return quote(str(value), safe="")


def _json_body(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError as exc:
        raise InvalidResponse(
            response.status_code,
            detail=f"Expected JSON from {response.request.method} {response.url}",
            request_id=response.headers.get("X-Request-ID"),
        ) from exc


def _offline_reason(exc: requests.RequestException) -> str | None:
    """`refused`, `timeout`, `dns` or `unreachable` for a failure to reach the server; None for
    other request errors (a bad URL, a body that cannot be encoded: bugs, not the network)."""
    if isinstance(exc, (requests.exceptions.MissingSchema, requests.exceptions.InvalidSchema,
                        requests.exceptions.InvalidURL)):
        return "bad_url"  # a server address typed by a person; retrying cannot help
    if isinstance(exc, requests.Timeout):
        return "timeout"
    if isinstance(exc, requests.ConnectionError):
        cause = _urllib3_reason(exc)
        if isinstance(cause, NameResolutionError):
            return "dns"
        if isinstance(cause, NewConnectionError):
            return "refused"
        return "unreachable"
    return None


def _never_sent(exc: requests.RequestException) -> bool:
    """True when the request cannot have reached the server (so even an unkeyed write may retry)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    return isinstance(_urllib3_reason(exc), NewConnectionError)  # includes NameResolutionError


def _urllib3_reason(exc: requests.RequestException) -> object:
    inner = exc.args[0] if exc.args else None
    return inner.reason if isinstance(inner, MaxRetryError) else inner

