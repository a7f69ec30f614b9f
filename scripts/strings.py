#!/usr/bin/env python3
"""Keeps the UI strings of StrategyGov in both languages, in step.

  python3 scripts/strings.py add KEY "English text" "النص العربي"   add or replace one string
  python3 scripts/strings.py load FILE.tsv                           add or replace many (KEY<TAB>en<TAB>ar)
  python3 scripts/strings.py check                                    both files have the same keys


The resx files stay the source of truth (src/StrategyGov.Web/Resources/Localization/); this script only
edits them so that no string ever exists in one language alone.
"""
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "StrategyGov.Web", "Resources", "Localization")
FILES = {"en": os.path.join(ROOT, "SharedResource.resx"), "ar": os.path.join(ROOT, "SharedResource.ar.resx")}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def read(path):
    if not os.path.exists(path):
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}


def write(path, strings):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(strings, key=str.lower):
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(strings[key])}</value></data>\n')
        f.write("</root>\n")


def main(args):
    en, ar = read(FILES["en"]), read(FILES["ar"])
    if args[:1] == ["add"] and len(args) == 4:
        en[args[1]], ar[args[1]] = args[2], args[3]
    elif args[:1] == ["load"] and len(args) == 2:
        with open(args[1], encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 3 or not all(p.strip() for p in parts):
                    sys.exit(f"{args[1]}:{number}: expected KEY<TAB>English<TAB>Arabic")
                en[parts[0]], ar[parts[0]] = parts[1], parts[2]
    elif args[:1] == ["check"]:
        missing = sorted(set(en) ^ set(ar))
        if missing:
            sys.exit("only in one language: " + ", ".join(missing))
        print(f"{len(en)} strings in both languages")
        return
    else:
        sys.exit(__doc__)
    write(FILES["en"], en)
    write(FILES["ar"], ar)


if __name__ == "__main__":
    main(sys.argv[1:])
