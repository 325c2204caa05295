#!/usr/bin/env bash
# make pot: export every addon's translation template (i18n/<addon>.pot) from a fresh database.
# With --check, export to a temporary folder and compare instead (used by make test).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/addons.sh"
ODOO="$(find_odoo 2>/dev/null)"
mode="${1:-write}"
DB="${POT_DB:-}"
own_db=0
if [ -z "$DB" ]; then
  "$PROJECT_ROOT/scripts/setup.sh"
  DB="ctl_pot_$(date +%s)_$$"; own_db=1
fi
CONF="$(write_odoo_conf "$DB" "$ODOO")"
out="$(mktemp -d)"
cleanup() {
  if [ "$own_db" = 1 ]; then dropdb --if-exists "$DB" >/dev/null 2>&1 || true; rm -f "$CONF"; fi
  rm -rf "$out"
}
trap cleanup EXIT
if [ "$own_db" = 1 ]; then
  "$PY" "$ODOO/odoo-bin" -c "$CONF" -i "$(repo_addons)" --stop-after-init --log-level=warn >/dev/null 2>&1 \
    || die "could not install the addons into $DB"
fi
for addon in $(repo_addons | tr , ' '); do
  "$PY" "$ODOO/odoo-bin" -c "$CONF" -d "$DB" --i18n-export="$out/$addon.pot" --modules="$addon" \
    --stop-after-init --log-level=warn >/dev/null 2>&1 || die "export of $addon failed"
  if [ "$mode" != "--check" ]; then
    target="$PROJECT_ROOT/$addon/i18n/$addon.pot"
    if [ -f "$target" ] && diff -q <(grep -v -e '^"POT-Creation-Date' -e '^"PO-Revision-Date' "$target") \
         <(grep -v -e '^"POT-Creation-Date' -e '^"PO-Revision-Date' "$out/$addon.pot") >/dev/null; then
      log "$addon/i18n/$addon.pot is up to date"; continue
    fi
    mkdir -p "$PROJECT_ROOT/$addon/i18n" && cp "$out/$addon.pot" "$target"
    for po in "$PROJECT_ROOT/$addon"/i18n/*.po; do
      [ -f "$po" ] && msgmerge --quiet --update --no-fuzzy-matching --backup=none "$po" "$PROJECT_ROOT/$addon/i18n/$addon.pot"
    done
    log "wrote $addon/i18n/$addon.pot"
  fi
done
if [ "$mode" = "--check" ]; then
  "$PY" "$PROJECT_ROOT/scripts/i18n_check.py" "$out" $(repo_addons | tr , ' ')
fi
