"""Password hashing with argon2id at the parameters OWASP recommends for interactive sign-in
(its Password Storage Cheat Sheet): 19 MiB of memory, 2 passes, 1 lane. About a tenth of what argon2-cffi's default
profile costs, so a shift's sign-in storm fits on a small server; a hash made with other
parameters is upgraded at the user's next successful sign-in (`check_password`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1

_hasher = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher.hash("not a password anyone has")


def burn_verification_time(password: str) -> None:
    """Spend the time a real verification takes, so an unknown username answers as slowly as a
    known one with a wrong password."""
    verify_password(_dummy_hash(), password)


@dataclass(frozen=True)
class PasswordCheck:
    """A password checked against a stored hash, away from the database: whether it matched
    `password_hash` and, when it did with outdated parameters, the hash to store instead."""

    password_hash: str | None
    matches: bool
    upgraded_hash: str | None = None

    def matches_hash(self, password_hash: str) -> bool | None:
        """The verdict for `password_hash`, or None if it was checked against another hash (the
        password changed in between: check again)."""
        return self.matches if password_hash == self.password_hash else None


def check_password(password_hash: str | None, password: str) -> PasswordCheck:
    """Verify `password` against `password_hash` (None: no such user; the time is spent all the
    same). CPU only, ~20–40 ms: call it with no database connection checked out."""
    if password_hash is None:
        burn_verification_time(password)
        return PasswordCheck(None, False)
    if not verify_password(password_hash, password):
        return PasswordCheck(password_hash, False)
    upgraded = hash_password(password) if needs_rehash(password_hash) else None
    return PasswordCheck(password_hash, True, upgraded)
