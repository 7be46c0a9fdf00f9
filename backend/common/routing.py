"""What the domain routers share: the id path parameter, the customer-data role guard, and the
problem responses each route documents so the OpenAPI lists every status it can answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Depends, Path
from pydantic import BaseModel, ConfigDict, Field

from backend.common.pagination import INT64_MAX
from backend.deps import require_roles
from backend.errors import PROBLEM_MEDIA_TYPE

# DESIGN.md §3 Roles: customer data (search, read, reveal, notes) is for the servicing roles;
# admins run the service and never see customers.
CUSTOMER_DATA_ROLES = ("agent", "dispute_handler", "supervisor")
customer_data_user = require_roles(*CUSTOMER_DATA_ROLES)
CUSTOMER_DATA = [Depends(customer_data_user)]


def entity_id(description: str) -> Any:
    """A positive 64-bit id in the path; anything else is 422, never a database error."""
    return Path(ge=1, le=INT64_MAX, description=description, examples=[1])


AccountId = Annotated[int, entity_id("Account id")]
CustomerId = Annotated[int, entity_id("Customer id")]


class ProblemOut(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="allow", title="Problem")

    type: str
    title: str
    status: int
    code: str = Field(description="Machine-readable reason, e.g. `not_found`, `invalid_cursor`.")
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = None
    errors: dict[str, list[str]] | None = Field(default=None, description="Per field, for validation.")
    params: dict[str, Any] | None = Field(
        default=None, description="What the code's sentence needs, for a client to word it in its user's "
        "language (docs/api-wording.md); amounts in fen, dates ISO.")


_PROBLEM_SCHEMA = ProblemOut.model_json_schema()

_DESCRIPTIONS = {
    400: "The request could not be read",
    401: "Not signed in, or the token expired",
    403: "Your role may not do this",
    404: "Not found",
    409: "Conflict",
    422: "Validation failed",
    429: "Too many requests",
}


# PostgreSQL text cannot hold NUL: a string with one is refused as invalid input (422), not
# passed on to fail in the database.
WITHOUT_NUL = r"^[^\x00]*$"

def comma_list_pattern(values: Sequence[str]) -> str:
    """A regex for a comma list of one or more of `values`, spaces allowed around the commas."""
    one = "(?:" + "|".join(re.escape(value) for value in values) + ")"
    return rf"^ *{one} *(?:, *{one} *)*$"


def problem_responses(*statuses: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route: each status answered with a problem document.

    `descriptions` override the default text, keyed `s404="..."`."""
    responses: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        response: dict[str, Any] = {
            "description": descriptions.get(f"s{status}", _DESCRIPTIONS.get(status, "Error")),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": _PROBLEM_SCHEMA}},
        }
        if status == 429:
            response["headers"] = {
                "Retry-After": {
                    "description": "Seconds until you may try again",
                    "schema": {"type": "integer"},
                }
            }
        if status == 401:
            response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
        responses[status] = response
    return responses


READ_RESPONSES = problem_responses(401, 403, 404, 422)
