"""`GET /v1/audit`: the audit trail, for supervisors and admins (DESIGN.md §3 Roles)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from backend.accounts.routes import IsoDate
from backend.audit.keys import Anchor, read_anchor, write_anchor
from backend.audit.queries import AuditFilters, list_audit_records
from backend.audit.schemas import AuditRecordOut, ChainCheckOut
from backend.audit.service import check_audit_chain
from backend.auth.models import Role
from backend.common.pagination import INT64_MAX, CursorQuery, Page, limit_query
from backend.common.routing import WITHOUT_NUL, problem_responses
from backend.deps import ClockDep, SessionDep, UserDep, require_roles

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



@router.post(
    "/verify",
    response_model=ChainCheckOut,
    dependencies=[Depends(require_roles(Role.ADMIN.value))],
    responses=problem_responses(401, 403),
)
def verify_chain(session: SessionDep, clock: ClockDep) -> ChainCheckOut:
    """Walk the whole chain, as `python -m backend verify-audit` does, and say where it first
    breaks. Admins. Changes nothing (no Idempotency-Key)."""
    # The same check as the command, against the same anchor outside the database.
    database = session.get_bind().engine.url.render_as_string(hide_password=True)
    report = check_audit_chain(session, anchor=read_anchor(database))
    if report.ok:
        write_anchor(database, Anchor(record_count=report.record_count, last_id=report.last_id,
                                      last_hash=report.last_hash, verified_at=clock.now().isoformat(timespec="seconds")))
    return ChainCheckOut(
        ok=report.ok, record_count=report.record_count, first_broken_id=report.first_broken_id, checked_at=clock.now()
    )
