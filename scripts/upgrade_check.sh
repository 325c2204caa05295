#!/usr/bin/env bash
# Upgrade check (part of make test): a database of the last release of the single addon
# (crm_traffic_light 18.0.1.0.0, commit $UPGRADE_FROM) upgrades to the family with ONE
# `odoo-bin -u crm_traffic_light` and keeps every business row.
#   1. the released code (git archive of $UPGRADE_FROM) into var/upgrade-from-<commit>;
#   2. a fresh database with its addons (crm_traffic_light, crm_traffic_light_helpdesk),
#      its own demo generator (customers, orders, invoices, payments, contacts, languages,
#      a full run with alerts, activities, history, segments, churn model), then
#      scripts/upgrade_data.py (overrides, sales plans, duplicates, edited norms, reasons,
#      playbook, crons, activity types, settings, a Polish administrator, a second run);
#   3. scripts/upgrade_compare.py snapshot: every business row, open activity and XML id;
#   4. the addons path switched to this tree, `-u crm_traffic_light`; no ERROR in its log;
#   5. scripts/upgrade_compare.py compare: fails on any row lost, changed or duplicated.
# Exits non-zero on any failure. About 3 to 4 minutes on a 2-core machine.
source "$(dirname "$0")/common.sh"

UPGRADE_FROM="${UPGRADE_FROM:-a5c31ab}"
ODOO="$(find_odoo 2>/dev/null)"
OLD_TREE="$VAR_DIR/upgrade-from-$UPGRADE_FROM"
DB="ctl_upgrade_$(date +%s)_$$"
SNAPSHOT="$VAR_DIR/$DB-before.json"
LOG="$VAR_DIR/$DB-upgrade.log"

drop_database() {
  "$PY" - "$DB" <<'PY' || true
import os, sys, psycopg2
c = psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"))
c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
PY
}
cleanup() {
  drop_database
  rm -rf "$VAR_DIR/data/filestore/$DB" "$VAR_DIR/$DB.conf" "$VAR_DIR/$DB-old.conf" "$SNAPSHOT"
}
trap cleanup EXIT

if [ ! -f "$OLD_TREE/crm_traffic_light/__manifest__.py" ]; then
  git -C "$PROJECT_ROOT" cat-file -e "$UPGRADE_FROM^{commit}" 2>/dev/null \
    || die "commit $UPGRADE_FROM (the released 18.0.1.0.0) is not in this clone: fetch the full history (git fetch --unshallow)."
  rm -rf "$OLD_TREE.partial" && mkdir -p "$OLD_TREE.partial"
  git -C "$PROJECT_ROOT" archive "$UPGRADE_FROM" | tar -x -C "$OLD_TREE.partial"
  mv "$OLD_TREE.partial" "$OLD_TREE"
fi
old_version=$(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$OLD_TREE/crm_traffic_light/__manifest__.py")
OLD_ADDONS=$(cd "$OLD_TREE" && ls -d */__manifest__.py | cut -d/ -f1 | paste -sd,)

CONF="$(write_odoo_conf "$DB" "$ODOO")"
OLD_CONF="$VAR_DIR/$DB-old.conf"
sed "s#^addons_path = \(.*\),$PROJECT_ROOT\$#addons_path = \1,$OLD_TREE#" "$CONF" > "$OLD_CONF"
grep -q "$OLD_TREE" "$OLD_CONF" || die "could not point the addons path at $OLD_TREE"

start=$(date +%s)
createdb "$DB"
log "Upgrade check: installing $OLD_ADDONS $old_version ($UPGRADE_FROM) into $DB"
"$PY" "$ODOO/odoo-bin" -c "$OLD_CONF" -i "$OLD_ADDONS" --stop-after-init --log-level=warn \
  > "$LOG" 2>&1 || { cat "$LOG"; die "installation of $UPGRADE_FROM failed"; }
log "Upgrade check: data of $UPGRADE_FROM (its demo generator, then scripts/upgrade_data.py)"
"$PY" "$OLD_TREE/scripts/demo_data.py" "$ODOO" "$OLD_CONF" > "$LOG" 2>&1 \
  || { cat "$LOG"; die "the demo generator of $UPGRADE_FROM failed"; }
grep -E "^(Traffic lights|Alert history)" "$LOG" >&2 || true
"$PY" "$PROJECT_ROOT/scripts/upgrade_data.py" "$ODOO" "$OLD_CONF" 2>&1 | grep -v "^Running as" >&2
"$PY" "$PROJECT_ROOT/scripts/upgrade_compare.py" snapshot "$DB" "$SNAPSHOT" >&2
log "Upgrade check: old database ready in $(( $(date +%s) - start )) s; odoo-bin -u crm_traffic_light with this tree"
up_start=$(date +%s)
"$PY" "$ODOO/odoo-bin" -c "$CONF" -u crm_traffic_light --stop-after-init --log-level=info \
  > "$LOG" 2>&1 || { tail -50 "$LOG"; die "odoo-bin -u crm_traffic_light failed (log: $LOG)"; }
rc=0
if grep -E " (ERROR|CRITICAL) " "$LOG"; then
  log "the upgrade logged errors (log: $LOG)"; rc=1
fi
grep -E "takes over|now owned by|no addon declares" "$LOG" | sed 's/^.* INFO [^ ]* [^ ]* //' >&2 || true
log "Upgrade check: upgraded in $(( $(date +%s) - up_start )) s"
"$PY" "$PROJECT_ROOT/scripts/upgrade_compare.py" compare "$DB" "$SNAPSHOT" || rc=1
[ "$rc" = 0 ] && rm -f "$LOG"
exit "$rc"
