"""Start CreditDesk: the console, with the embedded demo backend (in a child process of its own)
unless ``--server URL`` is given.

    python main.py                      # demo data on this computer
    python main.py --server https://…   # a deployed backend
    python main.py --lang zh_CN --theme dark
    python main.py --screenshots DIR    # a PNG of each main screen, then exit

The backend alone: ``python -m backend serve --demo``.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> int:
    from ui.app import main as console_main

    return console_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
