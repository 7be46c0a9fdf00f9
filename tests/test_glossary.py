"""The Chinese says each business term one way (resources/translations/glossary.md).

Every translation the fill script gives (fill_zh_CN.py and zh_CN/*.json) uses the glossary's
Chinese for a term and none of the words it rejects; "Phone" as a contact's channel is 电话 and
the number is 手机号; and the fill script refills a finished .ts translation that still uses a
rejected word.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.translations import fill_module


@pytest.fixture(scope="module")
def fill() -> ModuleType:
    return fill_module()


def test_the_glossary_fixes_the_terms_the_issue_named(fill: ModuleType) -> None:
    rows = {term.english: term for term in fill.terms()}
    assert rows["case"].chinese == "案件" and "工单" in rows["case"].rejected
    assert rows["dashboard"].chinese == "仪表盘" and "仪表板" in rows["dashboard"].rejected
    assert rows["Phone"].chinese == "电话" and "手机号" in rows["Phone"].rejected
    assert rows["Phone"].contexts == ("Casework", "WorkspaceLabels")
    assert rows["opened"].chinese == "开立" and "创建" in rows["opened"].rejected
    assert len(rows) >= 25


def test_no_translation_uses_a_word_the_glossary_rejects(fill: ModuleType) -> None:
    words = fill.glossary()
    rows = fill.terms()
    broken = [
        f"{source!r} → {text!r} ({', '.join(found)})"
        for source, text in words.items()
        if (found := fill.violations("", source, text, rows))
    ]
    assert not broken, "translations against glossary.md:\n" + "\n".join(broken)


def test_each_term_is_said_in_the_glossarys_chinese(fill: ModuleType) -> None:
    """Where a term with rejected synonyms is translated, its Chinese is there."""
    words = fill.glossary()
    unused = []
    for term in fill.terms():
        if term.contexts or not term.rejected:
            continue
        translations = [text for source, text in words.items() if term.applies("", source)]
        assert translations, f"no translated message speaks of {term.english!r}"
        if not any(term.chinese in text for text in translations):
            unused.append(term.english)
    assert not unused


def test_phone_is_the_channel_in_the_channel_tables_and_the_number_elsewhere(fill: ModuleType) -> None:
    words = fill.glossary()
    assert fill.translation_for("Casework", "Phone", words) == "电话"
    assert fill.translation_for("WorkspaceLabels", "Phone", words) == "电话"
    assert fill.translation_for("CustomerHeader", "Phone", words) == "手机号"
    assert fill.translation_for("CustomerResultsModel", "Phone", words) == "手机号"
    assert fill.violations("WorkspaceLabels", "Phone", "手机号") == ["Phone: 手机号"]
    assert fill.violations("CustomerHeader", "Phone", "手机号") == []
    assert fill.violations("WorkspaceLabels", "phone number", "手机号") == []


def test_filling_replaces_a_finished_translation_with_a_rejected_word(
    fill: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ts = tmp_path / "creditdesk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        "<context><name>CasePage</name>"
        "<message><source>Case %1</source><translation>工单 %1</translation></message>"
        "<message><source>Opened</source><translation>创建时间</translation></message>"
        "<message><source>Posted</source><translation>入账时间（译者改过）</translation></message>"
        "</context>"
        "<context><name>WorkspaceLabels</name>"
        "<message><source>Phone</source><translation>手机号</translation></message>"
        "</context>"
        "<context><name>CustomerHeader</name>"
        "<message><source>Phone</source><translation>手机号</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(fill, "TS", ts)
    assert fill.main() == 0
    got = {
        (context.findtext("name"), message.findtext("source")): message.findtext("translation")
        for context in ET.parse(ts).getroot().iter("context")
        for message in context.iter("message")
    }
    assert got == {
        ("CasePage", "Case %1"): "案件 %1",
        ("CasePage", "Opened"): "开立",
        ("CasePage", "Posted"): "入账时间（译者改过）",  # a translator's edit without a rejected word stays
        ("WorkspaceLabels", "Phone"): "电话",
        ("CustomerHeader", "Phone"): "手机号",
    }


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    return [(context.findtext("name") or "", message)
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")]


def test_one_english_source_is_said_one_way_in_the_ts(fill: ModuleType) -> None:
    """Issue 14: "Due date" was 到期日 in some contexts and 到期还款日 in others (17 sources were
    said two ways). Only the meanings ZH_IN_CONTEXT tells apart may differ, and they say its
    Chinese."""
    found = fill.disagreements(_messages(fill.TS))
    assert not found, "one English, several Chinese:\n" + "\n".join(
        f"{source!r}: {texts}" for source, texts in sorted(found.items()))


def test_the_fill_data_says_each_english_one_way(fill: ModuleType) -> None:
    """The fill script's ZH and every zh_CN/*.json agree: a second translation of a source in
    another part would win or lose by the file's name."""
    import json

    said: dict[str, dict[str, list[str]]] = {source: {text: ["ZH"]} for source, text in fill.ZH.items()}
    for part in sorted(fill.PARTS.glob("*.json")):
        for source, text in json.loads(part.read_text(encoding="utf-8")).items():
            said.setdefault(source, {}).setdefault(text, []).append(part.name)
    twice = {source: texts for source, texts in said.items() if len(texts) > 1}
    assert not twice, "\n".join(f"{source!r}: {texts}" for source, texts in sorted(twice.items()))


def test_the_glossarys_context_rows_are_what_the_fill_says_in_those_contexts(fill: ModuleType) -> None:
    for term in fill.terms():
        for context in term.contexts:
            assert fill.ZH_IN_CONTEXT.get((context, term.english)) == term.chinese, (context, term.english)


def test_filling_makes_a_second_translation_agree(
    fill: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A finished translation that says an English source another way than its other contexts is
    filled again (a translator's edit said one way everywhere stays); a context ZH_IN_CONTEXT
    names says its own Chinese."""
    ts = tmp_path / "creditdesk_zh_CN.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        "<context><name>AccountCard</name>"
        "<message><source>Due date</source><translation>到期日</translation></message>"
        "<message><source>Posted</source><translation>入账时间（译者改过）</translation></message>"
        "</context>"
        "<context><name>Statement</name>"
        "<message><source>Due date</source><translation>到期还款日</translation></message>"
        "</context>"
        "<context><name>Chips</name>"
        "<message><source>Open</source><translation>未结</translation></message>"
        "</context>"
        "<context><name>CaseListView</name>"
        "<message><source>Open</source><translation>未结</translation></message>"
        "</context></TS>\n",
        encoding="utf-8",
    )
    assert fill.disagreements(_messages(ts))
    monkeypatch.setattr(fill, "TS", ts)
    assert fill.main() == 0
    got = {(context, message.findtext("source")): message.findtext("translation") for context, message in _messages(ts)}
    assert got == {
        ("AccountCard", "Due date"): "到期日",
        ("AccountCard", "Posted"): "入账时间（译者改过）",
        ("Statement", "Due date"): "到期日",
        ("Chips", "Open"): "待还款",
        ("CaseListView", "Open"): "未结",
    }
    assert not fill.disagreements(_messages(ts))
