#!/usr/bin/env bash
# make test-alone: install each addon ALONE (only its declared dependencies) on a fresh
# database and run its own tests there; checks that every addon of the family works without
# the others. Slower than make test (one installation per addon).
#   ALONE_ADDONS="crm_traffic_light_core crm_traffic_light_churn"   (default: every addon
#   but the umbrella and the bridges whose dependencies are other addons of the family)
# Exits non-zero when an installation logs an error or a test fails; ends "N passed, N failed".
source "$(dirname "$0")/common.sh"

"$PROJECT_ROOT/scripts/setup.sh"
ODOO="$(find_odoo 2>/dev/null)"
export PATH="$VENV/bin:$PATH"
ADDONS="${ALONE_ADDONS:-crm_traffic_light_core crm_traffic_light_alert crm_traffic_light_segment crm_traffic_light_churn crm_traffic_light_report}"
passed=0; failed=0

drop_db() {
  "$PY" - "$1" <<'PY' || true
import os, sys, psycopg2
c = psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"))
c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
PY
}

for addon in $ADDONS; do
  DB="ctl_alone_${addon#crm_traffic_light_}_$$"
  CONF="$(write_odoo_conf "$DB" "$ODOO")"
  drop_db "$DB"; createdb "$DB"
  log "$addon alone: installing into $DB"
  "$PY" "$ODOO/odoo-bin" -c "$CONF" -i "$addon" --stop-after-init --log-level=warn \
    > "$VAR_DIR/$DB-install.log" 2>&1 || true
  installed=$(psql -X -q -tA -d "$DB" -c "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module WHERE state = 'installed' AND name LIKE 'crm_traffic_light%'")
  log "$addon alone: installed $installed"
  if grep -qE " (ERROR|CRITICAL) " "$VAR_DIR/$DB-install.log"; then
    grep -E " (ERROR|CRITICAL) " "$VAR_DIR/$DB-install.log"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
    tests=$(for t in "$addon"/tests "$addon"/*/tests; do
              if [ -f "$PROJECT_ROOT/$t/__init__.py" ]; then echo "$t"; fi
            done)
    ( cd "$PROJECT_ROOT" && PYTHONPATH="$ODOO" "$VENV/bin/pytest" -p no:cacheprovider \
        --odoo-config="$CONF" --odoo-http --odoo-log-level=warn \
        --junitxml="$VAR_DIR/$DB-junit.xml" -q -rfEs $tests ) || true
    read -r tp tf < <("$PY" - "$VAR_DIR/$DB-junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    s = ET.parse(sys.argv[1]).getroot()
    s = s if s.tag == "testsuite" else s.find("testsuite")
    total, bad = int(s.get("tests")), sum(int(s.get(k, 0)) for k in ("failures", "errors", "skipped"))
    print(total - bad, bad)
except Exception:
    print(0, 1)
PY
)
    log "$addon alone: $tp passed, $tf failed"
    passed=$((passed + tp)); failed=$((failed + tf))
  fi
  drop_db "$DB"
  rm -rf "$VAR_DIR/data/filestore/$DB" "$CONF" "$VAR_DIR/$DB-install.log" "$VAR_DIR/$DB-junit.xml"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
