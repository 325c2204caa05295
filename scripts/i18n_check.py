# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Compare each addon's committed i18n/<addon>.pot with a fresh export, and check its .po files.

Usage: i18n_check.py EXPORT_DIR ADDON [ADDON ...]
EXPORT_DIR holds fresh exports named <addon>.pot. Exits 1 when a .pot is out of date, or a .po
misses an entry of the .pot, has an untranslated or a fuzzy entry, or keeps the plural
category marker ("[few]", "[many]", see crm_traffic_light_core/tools/plural.py) in a translation, or
changes the %(name)s placeholders of an entry.
"""

import pathlib
import re
import sys

import polib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLURAL_MARKER = re.compile(r"\[(few|many)\]")
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def keys(catalog):
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in catalog if not e.obsolete}


def check_addon(export_dir, addon):
    problems = []
    committed = ROOT / addon / "i18n" / f"{addon}.pot"
    fresh = polib.pofile(str(pathlib.Path(export_dir) / f"{addon}.pot"))
    if not committed.exists():
        return [f"{committed.relative_to(ROOT)} is missing: run `make pot`"]
    old = polib.pofile(str(committed))
    new_keys, old_keys = keys(fresh), keys(old)
    if new_keys != old_keys or {(e.msgid, tuple(sorted(e.occurrences))) for e in fresh} != {
        (e.msgid, tuple(sorted(e.occurrences))) for e in old
    }:
        added, removed = len(new_keys - old_keys), len(old_keys - new_keys)
        problems.append(
            f"{committed.relative_to(ROOT)} is out of date ({added} new, {removed} gone,"
            " or references moved): run `make pot`"
        )
    for po_path in sorted((ROOT / addon / "i18n").glob("*.po")):
        po = polib.pofile(str(po_path))
        missing = new_keys - keys(po)
        untranslated = [e for e in po.untranslated_entries() if not e.obsolete]
        fuzzy = [e for e in po.fuzzy_entries() if not e.obsolete]
        rel = po_path.relative_to(ROOT)
        if missing:
            problems.append(f"{rel}: {len(missing)} entries of the .pot are missing")
        if untranslated:
            problems.append(f"{rel}: {len(untranslated)} untranslated entries")
        if fuzzy:
            problems.append(f"{rel}: {len(fuzzy)} fuzzy entries")
        translated = [e for e in po.translated_entries() if not e.obsolete]
        for entry in translated:
            if PLURAL_MARKER.search(entry.msgstr):
                problems.append(f"{rel}: plural marker left in the translation of {entry.msgid!r}")
            if set(PLACEHOLDER.findall(entry.msgid)) != set(PLACEHOLDER.findall(entry.msgstr)):
                problems.append(f"{rel}: placeholders differ in the translation of {entry.msgid!r}")
    return problems


def main():
    export_dir, addons = sys.argv[1], sys.argv[2:]
    problems = [p for addon in addons for p in check_addon(export_dir, addon)]
    for problem in problems:
        print("i18n:", problem)
    print("i18n:", "ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
