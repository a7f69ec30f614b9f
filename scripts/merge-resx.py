#!/usr/bin/env python3
"""Git merge driver for the string files: the union of both sides' keys, sorted; a text changed on one side only
keeps that change, and ours wins where both changed it.

Enable once per clone:  git config merge.resxunion.driver "python3 scripts/merge-resx.py %O %A %B"
(.gitattributes names it; without the config, git falls back to its ordinary text merge.)
"""
import sys
import xml.etree.ElementTree as ET
from strings import write  # noqa: E402  (same folder)


def read(path):
    try:
        return {d.get("name"): (d.findtext("value") or "") for d in ET.parse(path).getroot().findall("data")}
    except (ET.ParseError, FileNotFoundError):
        return {}


base, ours, theirs = read(sys.argv[1]), read(sys.argv[2]), read(sys.argv[3])
merged = dict(theirs)
merged.update(ours)
for key, text in theirs.items():
    if key in ours and key in base and ours[key] == base[key] and text != base[key]:
        merged[key] = text  # changed on their side only
for key in set(base) - set(ours) - set(theirs):
    merged.pop(key, None)
for key in set(base) & set(merged):
    if (key not in ours) or (key not in theirs):
        merged.pop(key, None)  # deleted on one side
write(sys.argv[2], merged)
