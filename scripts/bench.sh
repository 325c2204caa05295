#!/usr/bin/env bash
# make bench: benchmark of the traffic-light computation (not a test).
#
#   BENCH_CUSTOMERS=N   number of generated customers (default 100000)
#   BENCH_REBUILD=1     drop and regenerate the database even if it holds data of that size
#   BENCH_SCALING=1     also measure a second database with N/10 customers (memory vs N)
#   BENCH_PHASES=a,b    run only these phases (full, floor, incremental, list, segments,
#                       duplicates, churn, churn_synthetic; default all)
#   BENCH_DB=name       database to use (default crm_traffic_light_bench; the N/10 one of
#                       BENCH_SCALING is <name>_small), so that several checkouts can bench
#                       side by side
#   BENCH_PLAYBOOK_CRON=0  in the full phase, skip the playbook cron that launches the
#                       playbooks the first run left pending (minutes on 100,000 customers)
#
# Database crm_traffic_light_bench: created, the repository's addons installed, N customers
# generated in SQL (scripts/bench_data.py); reused when it already holds N customers (the
# addons are then updated). Prints full recompute time, the bare SQL aggregates (floor),
# their ratio, the incremental recompute of 1% of customers, peak memory and the time of the
# customer list filtered by flag, each against the budgets of docs/architecture.md; then the
# segmentation (first run and rerun), the duplicate finder (time, pairs) and the churn model
# (refit in Odoo; scripts/bench_churn.py on simulated customers).
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/addons.sh"

"$PROJECT_ROOT/scripts/setup.sh"
ODOO="$(find_odoo 2>/dev/null)"
N="${BENCH_CUSTOMERS:-100000}"
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 100 ] || die "BENCH_CUSTOMERS must be a number >= 100 (got '$N')."
ADDONS="$(repo_addons)"
BENCH_PY=("env" "PYTHONPATH=$ODOO" "$PY" "$PROJECT_ROOT/scripts/bench.py")

psql_db() { psql -X -q -tA -d "$1" -c "$2" 2>/dev/null; }

# Echo the config file of a database holding $2 generated customers, building it if needed.
prepare_db() {
  local db="$1" n="$2" conf size start
  conf="$(write_odoo_conf "$db" "$ODOO")"
  size="$(psql_db "$db" "SELECT value FROM ir_config_parameter WHERE key = 'crm_traffic_light.bench_customers'" || true)"
  if [ "${BENCH_REBUILD:-0}" != 1 ] && [ "$size" = "$n" ]; then
    log "Reusing $db ($n customers); updating the addons $ADDONS"
    "$PY" "$ODOO/odoo-bin" -c "$conf" -i "$ADDONS" -u "$ADDONS" --stop-after-init \
      --log-level=warn >&2
    "${BENCH_PY[@]}" generate "$conf" "$n" >&2
  else
    log "Creating $db with the addons $ADDONS"
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >&2
    rm -rf "$VAR_DIR/data/filestore/$db"
    createdb "$db"
    "$PY" "$ODOO/odoo-bin" -c "$conf" -i "$ADDONS" --stop-after-init --log-level=warn >&2
    log "Generating $n customers in SQL"
    start=$(date +%s)
    "${BENCH_PY[@]}" generate "$conf" "$n" >&2
    log "Generated in $(( $(date +%s) - start )) s"
  fi
  echo "$conf"
}

check_postgres
BENCH_DB="${BENCH_DB:-crm_traffic_light_bench}"
CONF="$(prepare_db "$BENCH_DB" "$N")"
log "Reading generated rows through the ORM"
"${BENCH_PY[@]}" check "$CONF"
SMALL_CONF=""
if [ "${BENCH_SCALING:-0}" = 1 ]; then
  SMALL_CONF="$(prepare_db "${BENCH_DB}_small" "$((N / 10))")"
fi
log "Measuring (each phase in its own process)"
"${BENCH_PY[@]}" report "$CONF" $SMALL_CONF
