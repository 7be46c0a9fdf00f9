"""Imports every models module so that `backend.db.Base.metadata` holds the whole schema.

Alembic's env.py and the test fixtures import this module before they read the metadata.
Each domain package with a `models.py` adds one line here, e.g. `import backend.auth.models`.
"""

import backend.accounts.models  # noqa: F401,E402
import backend.arrangements.models  # noqa: F401,E402
import backend.audit.models  # noqa: F401,E402
import backend.auth.models  # noqa: F401,E402
import backend.billing.models  # noqa: F401,E402
import backend.cases.models  # noqa: F401,E402
import backend.common.models  # noqa: F401,E402  (the idempotency_keys table)
import backend.customers.models  # noqa: F401,E402
import backend.disputes.models  # noqa: F401,E402
import backend.fraud.models  # noqa: F401,E402
import backend.installments.models  # noqa: F401,E402
import backend.notes.models  # noqa: F401,E402
import backend.policy.models  # noqa: F401,E402
