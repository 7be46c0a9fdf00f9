"""Aggregates the domain routers under `/v1`."""

from fastapi import APIRouter

from backend.accounts.routes import router as accounts_router
from backend.arrangements.routes import router as arrangements_router
from backend.audit.routes import router as audit_router
from backend.auth.users_routes import router as users_router
from backend.billing.routes import router as billing_router
from backend.cases.routes import router as cases_router
from backend.customers.routes import router as customers_router
from backend.disputes.routes import router as disputes_router
from backend.fraud.routes import router as fraud_router
from backend.history.routes import router as history_router
from backend.installments.routes import router as installments_router
from backend.notes.routes import router as notes_router
from backend.policy.routes import router as policy_router
from backend.sandbox.routes import router as sandbox_router

router = APIRouter()
for domain_router in (customers_router, accounts_router, billing_router, installments_router, notes_router):
    router.include_router(domain_router)
router.include_router(fraud_router)
router.include_router(cases_router)
router.include_router(audit_router)
router.include_router(disputes_router)
router.include_router(arrangements_router)
router.include_router(sandbox_router)
router.include_router(users_router)
router.include_router(policy_router)
router.include_router(history_router)
