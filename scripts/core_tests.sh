#!/usr/bin/env bash
# Core tests check (part of make test): Odoo's own tests of the apps the addons extend give
# the same failures without the addons and with them. The addons must leave Odoo's models as
# Odoo defines them (no NOT NULL on fields they add to Odoo's tables, no view or access
# change that breaks Odoo's flows).
#
# Two databases with Sales, Invoicing, CRM, Calendar and Contacts (no demo data, as make
# test): one without the addons, a copy of it with the family installed. On each, the same
# selection of Odoo's test classes runs (`odoo-bin --test-tags`, without -u: at_install tests
# run while their module loads, i.e. before the addons' modules are loaded, as they do when
# someone runs Odoo's tests on a database where the addons are installed). The sets of
# failing tests (FAIL or ERROR) and the numbers of tests run must be equal.
#
# CORE_TEST_TAGS (default below, about 5 minutes on a 2-core machine; the whole of sale,
# crm, contacts and calendar, i.e. CORE_TEST_TAGS=/sale,/crm,/contacts,/calendar, is about
# 20 minutes twice): classes chosen for what the addons touch:
#   crm TestCRMLeadMultiCompany  at_install, creates companies before the addons load
#                                (failed with the NOT NULL settings columns of res.company)
#   crm TestCRMLead              leads and their customers (partner sync, contact fields)
#   contacts TestUi              the contact form tour, through the addons' partner views
#   calendar TestResPartner, TestMailActivityMixin, TestAccessRights
#                                meetings and activities of partners (contact indicator)
#   sale TestSaleOrder, TestSaleOrderCreditLimit, TestSaleOnchanges, TestSaleReportCurrencyRate
#                                orders, partners' credit, price lists, the sales report
# Exits non-zero when the failures differ or no test ran.
source "$(dirname "$0")/common.sh"

ODOO="$(find_odoo 2>/dev/null)"
APPS="sale_management,account,crm,calendar,contacts"
TAGS="${CORE_TEST_TAGS:-/crm:TestCRMLeadMultiCompany,/crm:TestCRMLead,/contacts:TestUi,/calendar:TestResPartner,/calendar:TestMailActivityMixin,/calendar:TestAccessRights,/sale:TestSaleOrder,/sale:TestSaleOrderCreditLimit,/sale:TestSaleOnchanges,/sale:TestSaleReportCurrencyRate}"
STAMP="$(date +%s)_$$"
BASE_DB="ctl_core_without_$STAMP"
ADDONS_DB="ctl_core_with_$STAMP"

drop_database() {
  "$PY" - "$1" <<'PY' || true
import os, sys, psycopg2
c = psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"))
c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
PY
}
cleanup() {
  for db in "$BASE_DB" "$ADDONS_DB"; do
    drop_database "$db"
    rm -rf "$VAR_DIR/data/filestore/$db" "$VAR_DIR/$db.conf" "$VAR_DIR/$db"-*.log
  done
}
trap cleanup EXIT

odoo_run() {  # odoo_run DB LOG ARGS...: odoo-bin on DB, output in LOG
  local db="$1" out="$2" conf
  shift 2
  conf="$(write_odoo_conf "$db" "$ODOO")"
  "$PY" "$ODOO/odoo-bin" -c "$conf" --stop-after-init "$@" > "$out" 2>&1
}

start=$(date +%s)
createdb "$BASE_DB"
log "Core tests: installing $APPS into $BASE_DB"
odoo_run "$BASE_DB" "$VAR_DIR/$BASE_DB-install.log" -i "$APPS" --log-level=warn \
  || { cat "$VAR_DIR/$BASE_DB-install.log"; die "installation of $APPS failed"; }
createdb -T "$BASE_DB" "$ADDONS_DB"
log "Core tests: installing crm_traffic_light (the family) into $ADDONS_DB"
odoo_run "$ADDONS_DB" "$VAR_DIR/$ADDONS_DB-install.log" -i crm_traffic_light --log-level=warn \
  || { cat "$VAR_DIR/$ADDONS_DB-install.log"; die "installation of crm_traffic_light failed"; }
log "Core tests: databases ready in $(( $(date +%s) - start )) s; running $TAGS"

failures() {  # failures LOG: the failing tests ("Class.test_method", "setUpClass (...)")
  sed -n 's/.* \(FAIL\|ERROR\): \(.*\)$/\2/p' "$1" | sort -u
}
tests_run() {  # tests_run LOG: number of tests run (Odoo's closing line)
  grep -oE "of [0-9]+ tests when loading database" "$1" | grep -oE "[0-9]+" | tail -1
}

rc=0
for db in "$BASE_DB" "$ADDONS_DB"; do
  t0=$(date +%s)
  odoo_run "$db" "$VAR_DIR/$db-tests.log" --test-tags "$TAGS" --log-level=info || true
  log "Core tests on $db: $(tests_run "$VAR_DIR/$db-tests.log") tests, $(failures "$VAR_DIR/$db-tests.log" | wc -l) failing, $(( $(date +%s) - t0 )) s"
done
without_run="$(tests_run "$VAR_DIR/$BASE_DB-tests.log")"
with_run="$(tests_run "$VAR_DIR/$ADDONS_DB-tests.log")"
diff_out="$(diff <(failures "$VAR_DIR/$BASE_DB-tests.log") <(failures "$VAR_DIR/$ADDONS_DB-tests.log"))" || true
if [ -z "$without_run" ] || [ "$without_run" = 0 ]; then
  log "no test ran (tags $TAGS)"; rc=1
elif [ "$without_run" != "$with_run" ]; then
  log "tests run: $without_run without the addons, ${with_run:-none} with them"; rc=1
fi
if [ -n "$diff_out" ]; then
  log "failures differ (< without the addons, > with them):"
  echo "$diff_out"
  grep -E -A 25 " (FAIL|ERROR): " "$VAR_DIR/$ADDONS_DB-tests.log" | head -150
  rc=1
fi
[ "$rc" = 0 ] && log "Core tests: same results with and without the addons ($without_run tests, $(failures "$VAR_DIR/$BASE_DB-tests.log" | wc -l) failing in both)"
exit "$rc"
