# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Render each addon's readme/*.rst fragments into README.rst and static/description/index.html,
as OCA's oca-gen-addon-readme does. With --check, only report files that are out of date."""

import ast
import pathlib
import sys

from docutils.core import publish_string

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = [
    ("DESCRIPTION", None),
    ("INSTALL", "Installation"),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("ROADMAP", "Known issues / Roadmap"),
    ("CONTRIBUTORS", "Contributors"),
]


def heading(text, char):
    return f"{text}\n{char * len(text)}\n\n"


def render(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text())
    name = manifest["name"]
    out = ["=" * len(name) + "\n", name + "\n", "=" * len(name) + "\n\n"]
    out.append(f"**{manifest['summary']}**\n\n")
    out.append(f"*Version {manifest['version']}, licence {manifest['license']}*\n\n")
    out.append(".. contents::\n   :local:\n\n")
    for fragment, title in SECTIONS:
        path = addon / "readme" / f"{fragment}.rst"
        if not path.exists():
            continue
        if title:
            out.append(heading(title, "="))
        out.append(path.read_text().strip() + "\n\n")
    return "".join(out)


def main():
    check = "--check" in sys.argv
    stale = []
    for manifest in sorted(ROOT.glob("*/__manifest__.py")):
        addon = manifest.parent
        rst = render(addon)
        html = publish_string(
            rst,
            writer_name="html5",
            settings_overrides={"report_level": 2, "halt_level": 2, "xml_declaration": False},
        ).decode()
        # index.html lives in static/description/: Odoo resolves its images from there.
        html = html.replace('src="static/description/', 'src="')
        targets = {
            addon / "README.rst": rst,
            addon / "static" / "description" / "index.html": html,
        }
        for path, text in targets.items():
            if not path.exists() or path.read_text() != text:
                stale.append(path.relative_to(ROOT))
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text)
    for path in stale:
        print(("out of date: " if check else "wrote ") + str(path))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
