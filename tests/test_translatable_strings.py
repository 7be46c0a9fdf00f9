"""Every literal the console translates is one lupdate can see.

lupdate collects `self.tr("…")`, `QCoreApplication.translate("Context", "…")` and
`QT_TRANSLATE_NOOP("Context", "…")`. A module's own wrapper (`_t("…")`) is invisible to it: such a
string never reaches the .ts file and stays English in Chinese. A literal may go through a
wrapper only where the same module also marks it with QT_TRANSLATE_NOOP (e.g. inside f-strings).
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "ui"
# self.tr('…') with single quotes sits inside an f-string: lupdate does not look into those.
IN_FSTRING = re.compile(r"\b(?:tr|translate)\('")
WRAPPED_LITERAL = re.compile(r"(?<![\w.])(?:_t|_tr|tr)\(\s*([\"'])((?:(?!\1).)*)\1")
MARKED = re.compile(r"QT_TRANSLATE_NOOP\(\s*\"[^\"]*\",\s*\"((?:[^\"\\]|\\.)*)\"")


def test_no_translated_literal_hides_from_lupdate() -> None:
    hidden: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        marked = set(MARKED.findall(source))
        for match in IN_FSTRING.finditer(source):
            line = source.count("\n", 0, match.start()) + 1
            hidden.append(f"{path.relative_to(UI.parent)}:{line}: inside an f-string")
        for match in WRAPPED_LITERAL.finditer(source):
            if match.group(2) not in marked:
                line = source.count("\n", 0, match.start()) + 1
                hidden.append(f"{path.relative_to(UI.parent)}:{line}: {match.group(0)}")
    assert not hidden, "translated literals lupdate cannot collect:\n" + "\n".join(hidden)
