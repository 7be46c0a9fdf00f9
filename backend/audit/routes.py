"""`GET /v1/audit`: the audit trail, for supervisors and admins (DESIGN.md §3 Roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from backend.accounts.routes import IsoDate
from backend.audit.queries import AuditFilters, list_audit_records
from backend.audit.schemas import AuditRecordOut
from backend.auth.models import Role
from backend.common.pagination import INT64_MAX, CursorQuery, Page, limit_query
from backend.common.routing import WITHOUT_NUL, problem_responses
from backend.deps import SessionDep, UserDep, require_roles

router = APIRouter(
    prefix="/v1/audit",
    tags=["audit"],
    dependencies=[Depends(require_roles(Role.SUPERVISOR.value, Role.ADMIN.value))],
)


@router.get("", response_model=Page[AuditRecordOut], responses=problem_responses(401, 403, 422))
def list_audit(
    session: SessionDep,
    user: UserDep,
    entity_type: Annotated[
        str | None,
        Query(max_length=64, pattern=r"^[a-z_]+$", description="e.g. `case`, `dispute`, `customer`"),
    ] = None,
    entity_id: Annotated[
        str | None, Query(max_length=64, pattern=WITHOUT_NUL, description="The entity's id")
    ] = None,
    actor: Annotated[
        str | None,
        Query(max_length=64, pattern=r"^[A-Za-z0-9_.@\-]+$", description="A user id or a username"),
    ] = None,
    action: Annotated[
        str | None,
        Query(
            max_length=64,
            pattern=r"^[a-z_]+(?:\.[a-z_]+)*(?:\.\*)?$",
            description="An action, e.g. `case.assigned`, or every action under a prefix: `case.*`",
        ),
    ] = None,
    customer_id: Annotated[
        int | None, Query(ge=1, le=INT64_MAX, description="Only records about this customer")
    ] = None,
    date_from: Annotated[
        IsoDate | None, Query(alias="from", description="First business date (Asia/Shanghai), inclusive")
    ] = None,
    date_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last business date (Asia/Shanghai), inclusive")
    ] = None,
    limit: Annotated[int, limit_query(50)] = 50,
    cursor: CursorQuery = None,
) -> Page[AuditRecordOut]:
    """The audit trail, newest first. Supervisors and admins; admins read who did what, with the
    values of customer data (note bodies, descriptions, personal fields, amounts) withheld.
    Reading it is not itself audited."""
    filters = AuditFilters(
        entity_type=entity_type,
        entity_id=entity_id,
        actor=actor,
        action=action,
        customer_id=customer_id,
        date_from=date_from,
        date_to=date_to,
    )
    return list_audit_records(session=session, filters=filters, limit=limit, cursor=cursor,
                              withhold_customer_data=user.role == Role.ADMIN.value)
