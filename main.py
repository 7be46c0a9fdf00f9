"""Start CreditDesk.

Until the console exists this starts the backend on the embedded default, in demo mode:
the same as `python -m backend serve --demo`. Extra arguments go to `serve`
(e.g. `python main.py --port 8000`).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from backend.cli import main as backend_main

    args = list(sys.argv[1:] if argv is None else argv)
    print("CreditDesk: starting the backend in demo mode (python -m backend serve --demo).", flush=True)
    return int(backend_main(["serve", "--demo", *args]) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
