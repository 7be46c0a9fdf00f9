"""The admin's views (DESIGN.md §5, docs/admin.md): Users, Policy and the Audit trail."""
