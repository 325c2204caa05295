#!/usr/bin/env bash
# make test: lint, fresh test database, install the addons, run every test (browser tours
# included) with pytest-odoo, check a clean uninstall, drop the database; then the wheels
# (scripts/wheels_check.sh), the upgrade from the released single addon
# (scripts/upgrade_check.sh) and Odoo's own tests with and without the addons
# (scripts/core_tests.sh).
# Exits non-zero on any failure, error or skipped test; ends with "N passed, N failed".
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/addons.sh"

"$PROJECT_ROOT/scripts/setup.sh"
ODOO="$(find_odoo 2>/dev/null)"
export PATH="$VENV/bin:$PATH"

passed=0; failed=0
count() { if [ "$1" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi; }

# Browser tests must run, never be skipped: check their prerequisites up front.
command -v chromium >/dev/null || die "chromium is missing: browser tours cannot run (install Debian's chromium package)."
"$PY" -c "import websocket" 2>/dev/null || die "websocket-client is missing from $VENV: browser tours cannot run."

log "Lint: ruff"
rc=0; "$VENV/bin/ruff" check "$PROJECT_ROOT" && "$VENV/bin/ruff" format --check "$PROJECT_ROOT" || rc=$?
count $rc
log "Docs: README.rst and index.html rendered from readme/ fragments"
rc=0; "$PY" "$PROJECT_ROOT/scripts/gen_readme.py" --check || { rc=$?; log "run: make readme"; }
count $rc
log "Lint: pylint-odoo mandatory checks"
rc=0
( cd "$PROJECT_ROOT" && PYTHONPATH="$ODOO" "$VENV/bin/pylint" --rcfile=.pylintrc-mandatory $(ls -d */ | grep -v -e '^scripts/' -e '^var/' | while read -r d; do [ -f "$d/__manifest__.py" ] && echo "${d%/}"; done) ) || rc=$?
count $rc

DB="ctl_test_$(date +%s)_$$"
CONF="$(write_odoo_conf "$DB" "$ODOO")"
cleanup() {
  "$PY" - "$DB" <<'PY' || true
import os, sys, psycopg2
c = psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"))
c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
PY
  rm -rf "$VAR_DIR/data/filestore/$DB" "$CONF"
}
trap cleanup EXIT

ADDONS="$(repo_addons)"
log "Installing $ADDONS into fresh database $DB"
start=$(date +%s)
"$PY" "$ODOO/odoo-bin" -c "$CONF" -i "$ADDONS" --stop-after-init --log-level=warn \
  2>&1 > "$VAR_DIR/$DB-install.log" || true
grep -vE "^Running as user 'root'" "$VAR_DIR/$DB-install.log" || true
if grep -qE " (ERROR|CRITICAL) " "$VAR_DIR/$DB-install.log"; then
  log "Installation logged errors: see above; no test can run on this database"
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
else
  count 0
fi
log "Installed in $(( $(date +%s) - start )) s"

log "Translations: .pot files up to date, .po files complete"
rc=0; POT_DB="$DB" "$PROJECT_ROOT/scripts/pot.sh" --check || rc=$?
count $rc

log "Tests (pytest-odoo, HTTP server on, tours in headless $(chromium --version 2>/dev/null | head -1))"
rc=0
( cd "$PROJECT_ROOT" && PYTHONPATH="$ODOO" "$VENV/bin/pytest" -p no:cacheprovider \
    --odoo-config="$CONF" --odoo-http --odoo-log-level=warn \
    --junitxml="$VAR_DIR/$DB-junit.xml" -v -rfEs \
    $(for a in ${ADDONS//,/ }; do
        # Odoo tests in <addon>/tests, plain unit tests beside a package (e.g. churn's maths)
        for t in "$a"/tests "$a"/*/tests; do if [ -f "$t/__init__.py" ]; then echo "$t"; fi; done
      done) ) || rc=$?
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
passed=$((passed + tp)); failed=$((failed + tf))
[ "$rc" = 0 ] || [ "$tf" -gt 0 ] || failed=$((failed + 1))

log "Uninstall check: the addons leave Odoo's business data intact"
rc=0; "$PY" "$PROJECT_ROOT/scripts/uninstall_check.py" "$ODOO" "$CONF" "$ADDONS" || rc=$?
count $rc

cleanup; trap - EXIT

log "Wheels: every addon builds with whool and installs as odoo/addons/<addon>"
rc=0; "$PROJECT_ROOT/scripts/wheels_check.sh" || rc=$?
count $rc

log "Upgrade check: a database of the released single addon upgrades with one -u, losing nothing"
rc=0; "$PROJECT_ROOT/scripts/upgrade_check.sh" || rc=$?
count $rc

log "Core tests check: Odoo's own tests give the same failures with and without the addons"
rc=0; "$PROJECT_ROOT/scripts/core_tests.sh" || rc=$?
count $rc

rm -f "$VAR_DIR/$DB-install.log" "$VAR_DIR/$DB-junit.xml"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
