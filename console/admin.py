"""Running the service (docs/admin.md): users and the policy limits, typed views and calls.

    users = list_users(client)
    create_user(client, NewUser("li.na", "Li Na", "agent", "a temporary password"))
    change = propose_policy_change(client, "promise_max_days", 21, "Customers are paid monthly.")
    approve_policy_change(other_admin_client, change.id)

Every function blocks on HTTP: call it from a pool thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.api import ApiClient
from console.models import JsonObject, Page, User, _optional_int, _optional_str, parse_datetime

__all__ = [
    "ManagedUser",
    "NewUser",
    "PolicyChange",
    "PolicyLimit",
    "PolicyOverview",
    "approve_policy_change",
    "change_own_password",
    "change_role",
    "create_user",
    "get_policy",
    "list_policy_changes",
    "list_users",
    "propose_policy_change",
    "reject_policy_change",
    "reset_password",
    "set_user_enabled",
]

ROLES = ("agent", "dispute_handler", "supervisor", "admin")
MIN_PASSWORD_LENGTH = 12


def _optional_datetime(value: Any) -> datetime | None:
    return None if value is None else parse_datetime(value)


def password_problem(password: str, username: str) -> str | None:
    """The backend's password rule, checked before sending: None when `password` may be used;
    otherwise a short code, "too_short" or "is_username" (the UI says it in words)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return "too_short"
    if password.strip().casefold() == username.strip().casefold():
        return "is_username"
    return None


@dataclass(frozen=True)
class ManagedUser:
    """A user as an admin sees them."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    must_change_password: bool
    locked_until: datetime | None
    is_demo: bool
    created_at: datetime

    @classmethod
    def from_json(cls, data: JsonObject) -> ManagedUser:
        return cls(
            id=int(data["id"]),
            username=str(data["username"]),
            display_name=str(data["display_name"]),
            role=str(data["role"]),
            active=bool(data["active"]),
            must_change_password=bool(data.get("must_change_password", False)),
            locked_until=_optional_datetime(data.get("locked_until")),
            is_demo=bool(data.get("is_demo", False)),
            created_at=parse_datetime(data["created_at"]),
        )


@dataclass(frozen=True)
class NewUser:
    username: str
    display_name: str
    role: str
    password: str


@dataclass(frozen=True)
class PolicyLimit:
    """One limit in force; `unit` is fen, days, business_days, hours, months or payments."""

    name: str
    value: int
    unit: str
    minimum: int
    maximum: int
    effective_from: datetime | None
    seeded: bool

    @classmethod
    def from_json(cls, data: JsonObject) -> PolicyLimit:
        return cls(
            name=str(data["name"]),
            value=int(data["value"]),
            unit=str(data["unit"]),
            minimum=int(data["minimum"]),
            maximum=int(data["maximum"]),
            effective_from=_optional_datetime(data.get("effective_from")),
            seeded=bool(data.get("seeded", False)),
        )


@dataclass(frozen=True)
class PolicyChange:
    """A proposal, decision or first (seeded) value of one limit."""

    id: int
    name: str
    old_value: int | None
    new_value: int
    reason: str
    status: str  # seeded | pending | approved | rejected
    proposed_by: int | None
    proposed_by_name: str | None
    proposed_at: datetime
    decided_by_name: str | None
    decided_at: datetime | None
    decision_comment: str | None
    effective_from: datetime | None

    @classmethod
    def from_json(cls, data: JsonObject) -> PolicyChange:
        return cls(
            id=int(data["id"]),
            name=str(data["name"]),
            old_value=_optional_int(data.get("old_value")),
            new_value=int(data["new_value"]),
            reason=str(data.get("reason", "")),
            status=str(data["status"]),
            proposed_by=_optional_int(data.get("proposed_by")),
            proposed_by_name=_optional_str(data.get("proposed_by_name")),
            proposed_at=parse_datetime(data["proposed_at"]),
            decided_by_name=_optional_str(data.get("decided_by_name")),
            decided_at=_optional_datetime(data.get("decided_at")),
            decision_comment=_optional_str(data.get("decision_comment")),
            effective_from=_optional_datetime(data.get("effective_from")),
        )


@dataclass(frozen=True)
class PolicyOverview:
    limits: tuple[PolicyLimit, ...]
    pending: tuple[PolicyChange, ...]

    @classmethod
    def from_json(cls, data: JsonObject) -> PolicyOverview:
        return cls(
            limits=tuple(PolicyLimit.from_json(item) for item in data.get("limits", ())),
            pending=tuple(PolicyChange.from_json(item) for item in data.get("pending", ())),
        )


# -- users --------------------------------------------------------------------------------------


def list_users(client: ApiClient) -> list[ManagedUser]:
    """Every user, by username (all pages)."""
    users: list[ManagedUser] = []
    cursor: str | None = None
    while True:
        page = Page.from_json(client.get_json("/v1/users", params={"limit": 200, "cursor": cursor}),
                              ManagedUser.from_json)
        users.extend(page.items)
        if page.next_cursor is None:
            return users
        cursor = page.next_cursor


def create_user(client: ApiClient, user: NewUser, *, idempotency_key: str | None = None) -> ManagedUser:
    """Add a user; they must replace `user.password` at the first sign-in."""
    body = {"username": user.username, "display_name": user.display_name, "role": user.role,
            "password": user.password}
    return ManagedUser.from_json(client.post_json("/v1/users", body, idempotency_key=idempotency_key))


def _user_action(client: ApiClient, user_id: int, action: str, body: dict[str, Any] | None = None) -> ManagedUser:
    return ManagedUser.from_json(client.post_json(f"/v1/users/{int(user_id)}/actions/{action}", body or {}))


def change_role(client: ApiClient, user_id: int, role: str) -> ManagedUser:
    """Give the user another role (409 `last_admin` for the last enabled admin)."""
    return _user_action(client, user_id, "change_role", {"role": role})


def set_user_enabled(client: ApiClient, user_id: int, enabled: bool) -> ManagedUser:
    """Enable or disable the user (a disabled user's sessions end at once)."""
    return _user_action(client, user_id, "enable" if enabled else "disable")


def reset_password(client: ApiClient, user_id: int, password: str) -> ManagedUser:
    """Set a temporary password the user must replace at the next sign-in."""
    return _user_action(client, user_id, "reset_password", {"password": password})


def change_own_password(client: ApiClient, current_password: str, new_password: str) -> User:
    """The signed-in user replaces their password; refreshes `client.user`."""
    data = client.post_json(
        "/v1/me/password", {"current_password": current_password, "new_password": new_password}, keyed=False
    )
    user = User.from_json(data)
    client.user = user
    return user


# -- policy -------------------------------------------------------------------------------------


def get_policy(client: ApiClient) -> PolicyOverview:
    """The limits in force and the changes waiting for a second admin."""
    return PolicyOverview.from_json(client.get_json("/v1/policy"))


def list_policy_changes(
    client: ApiClient, *, name: str | None = None, limit: int = 100, cursor: str | None = None
) -> Page[PolicyChange]:
    """The limits' history, newest first."""
    data = client.get_json("/v1/policy/changes", params={"name": name, "limit": limit, "cursor": cursor})
    return Page.from_json(data, PolicyChange.from_json)


def propose_policy_change(
    client: ApiClient, name: str, value: int, reason: str, *, idempotency_key: str | None = None
) -> PolicyChange:
    """Propose a new value for one limit; it applies when another admin approves it."""
    data = client.post_json("/v1/policy/changes", {"name": name, "value": int(value), "reason": reason},
                            idempotency_key=idempotency_key)
    return PolicyChange.from_json(data)


def approve_policy_change(client: ApiClient, change_id: int, comment: str | None = None) -> PolicyChange:
    """Approve another admin's change (403 `four_eyes` for one's own)."""
    data = client.post_json(f"/v1/policy/changes/{int(change_id)}/actions/approve", {"comment": comment})
    return PolicyChange.from_json(data)


def reject_policy_change(client: ApiClient, change_id: int, comment: str | None = None) -> PolicyChange:
    data = client.post_json(f"/v1/policy/changes/{int(change_id)}/actions/reject", {"comment": comment})
    return PolicyChange.from_json(data)
