"""Fill the English plural forms in creditdesk_en.ts: "%n note(s)" → "%n note" / "%n notes".

English is the source language; this file only carries the plurals (lupdate -pluralonly).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).with_name("creditdesk_en.ts")


def main() -> int:
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for form in list(translation):
            translation.remove(form)
        translation.attrib.pop("type", None)
        translation.text = None
        one = re.sub(r"\(s\)", "", source).replace("characters", "character")
        other = re.sub(r"\(s\)", "s", source)
        ET.SubElement(translation, "numerusform").text = one
        ET.SubElement(translation, "numerusform").text = other
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
