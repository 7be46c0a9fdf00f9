"""The whole OpenAPI fuzzed with schemathesis (DESIGN.md §6): no 5xx, responses match the schema.

The schema comes from the app itself; each operation is one test, run as super1 (the role that
may call every customer-data and casework endpoint) against the seeded demo data (rolled back after each operation), with a bounded number of examples so the
suite fits in CI on both databases.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy.orm import sessionmaker

from backend.app import create_app
from backend.settings import Settings
from tests.helpers.seeded import SeededApi, seeded_api_fixture, seeded_fixture  # noqa: F401

MAX_EXAMPLES = 25

CONFIG = schemathesis.Config.from_dict(
    {
        # Query parameters the API does not know are ignored, not refused (a newer console may
        # send one to an older backend); OpenAPI does not forbid them either.
        "generation": {"allow-extra-parameters": False},
        "checks": {
            # What OpenAPI cannot say: a cursor this API did not hand out, `from` after `to`, a
            # reason or note that is blank once stripped, an Idempotency-Key that is missing or
            # not a UUID, an If-Match that is missing (428) or not the current ETag (412), an
            # action the case's state does not allow (409). Refused with 4xx, as designed.
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "412", "422", "428", "429"]
            },
            # The schema marks Idempotency-Key and If-Match required; missing, they get their own
            # answers (DESIGN.md §4): 400 idempotency_key_missing, 428 precondition_required; on the
            # admins' routes the role is checked first, so the supervisor fuzzing them gets 403.
            "missing_required_header": {"expected-statuses": ["400", "403", "428"]},
        },
    }
)

# The app under test; its session factory and clock are pointed at the seeded data per test.
app = create_app(Settings(database_url="sqlite://", demo_mode=True), session_factory=sessionmaker())
schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
AUTH_OPERATIONS = r"^/v1/(auth/|me$)"

FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)


@pytest.fixture(name="user_headers")
def on_seeded_data(api: SeededApi) -> Iterator[dict[str, str]]:
    app.state.session_factory = api.session_factory
    app.state.clock = api.clock
    yield api.headers["supervisor"]


@schema.exclude(path_regex=AUTH_OPERATIONS).parametrize()
@FUZZ_SETTINGS
def test_api(case: schemathesis.Case, user_headers: dict[str, str]) -> None:
    # Idempotency-Key is required in the schema (a UUID), so the fuzzer sends one unless it is
    # testing that a missing one is refused.
    case.call_and_validate(headers=dict(user_headers))


@schema.include(path_regex=AUTH_OPERATIONS).parametrize()
@FUZZ_SETTINGS
def test_auth_api(case: schemathesis.Case, user_headers: dict[str, str]) -> None:
    case.call_and_validate(headers=user_headers)
