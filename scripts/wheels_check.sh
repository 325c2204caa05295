#!/usr/bin/env bash
# Wheels check (part of make test): every addon builds as a wheel with the OCA's whool
# (`pip wheel --no-deps`, offline: whool is installed in the virtual environment) and the
# wheel installs as an Odoo addon: odoo/addons/<addon>/__manifest__.py in site-packages,
# named odoo-addon-<addon>, requiring the wheels of its dependencies. Installed into a
# throwaway folder (pip --target), never into the project's environment, whose addons
# path is the repository.
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/addons.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ctl_wheels.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
rc=0
for addon in ${1:-$(repo_addons | tr , ' ')}; do
  out="$WORK/$addon"
  if ! "$PY" -m pip wheel --quiet --no-deps --no-build-isolation --no-index -w "$out" \
       "$PROJECT_ROOT/$addon" > "$out.log" 2>&1; then
    cat "$out.log"; log "$addon: no wheel"; rc=1; continue
  fi
  wheel="$(ls "$out"/*.whl)"
  "$PY" -m pip install --quiet --no-deps --no-index --target "$out/site" "$wheel" > "$out.log" 2>&1 \
    || { cat "$out.log"; log "$addon: the wheel does not install"; rc=1; continue; }
  if ! "$PY" - "$addon" "$wheel" "$out/site" <<'PY'
import ast, sys, zipfile
from pathlib import Path

addon, wheel, site = sys.argv[1:4]
manifest_path = Path(site, "odoo", "addons", addon, "__manifest__.py")
problems = []
if not manifest_path.is_file():
    sys.exit(f"{addon}: {manifest_path} missing after installing the wheel")
manifest = ast.literal_eval(manifest_path.read_text())
with zipfile.ZipFile(wheel) as zf:
    meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
    lines = zf.read(meta).decode().splitlines()
name = next(line.split(": ", 1)[1] for line in lines if line.startswith("Name: "))
version = next(line.split(": ", 1)[1] for line in lines if line.startswith("Version: "))
requires = {line.split(": ", 1)[1].split("=")[0].split(";")[0].strip() for line in lines if line.startswith("Requires-Dist: ")}
if name != f"odoo-addon-{addon}":
    problems.append(f"named {name}")
if not version.startswith(manifest["version"]):
    problems.append(f"version {version}, manifest {manifest['version']}")
ours = {d for d in manifest["depends"] if d.startswith("crm_traffic_light") or d == "helpdesk_mgmt"}
wanted = {f"odoo-addon-{d}" for d in ours} | set(manifest.get("external_dependencies", {}).get("python", []))
missing = {w for w in wanted if w.replace("_", "-").lower() not in {r.replace("_", "-").lower() for r in requires}}
if missing:
    problems.append(f"requires {sorted(requires)}, not {sorted(missing)}")
if problems:
    sys.exit(f"{addon}: " + "; ".join(problems))
print(f"  {Path(wheel).name}: odoo/addons/{addon}, requires {', '.join(sorted(requires))}")
PY
  then rc=1; fi
done
exit "$rc"
