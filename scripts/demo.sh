#!/usr/bin/env bash
# make demo: a demo database with the repository's addons and generated customers, orders,
# invoices, payments and contacts, then Odoo served on http://localhost:$DEMO_PORT.
#   DEMO_DB        database name (default crm_traffic_light_demo); recreated on every run
#   DEMO_PORT      HTTP port (default 8069)
#   DEMO_NO_SERVE  set to 1 to generate the data and exit without serving
source "$(dirname "$0")/common.sh"
source "$(dirname "$0")/addons.sh"

DEMO_DB="${DEMO_DB:-crm_traffic_light_demo}"
DEMO_PORT="${DEMO_PORT:-8069}"

"$PROJECT_ROOT/scripts/setup.sh"
ODOO="$(find_odoo 2>/dev/null)"
start=$(date +%s)

log "(Re)creating database $DEMO_DB"
"$PY" - "$DEMO_DB" <<'PY'
import os, sys, psycopg2
c = psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"],
                     user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"))
c.autocommit = True
c.cursor().execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % sys.argv[1])
c.cursor().execute('CREATE DATABASE "%s"' % sys.argv[1])
PY
rm -rf "$VAR_DIR/data/filestore/$DEMO_DB"
CONF="$(write_odoo_conf "$DEMO_DB" "$ODOO")"

ADDONS="$(repo_addons)"
log "Installing $ADDONS (without Odoo's demo data)"
"$PY" "$ODOO/odoo-bin" -c "$CONF" -i "$ADDONS" --stop-after-init --log-level=warn \
  > "$VAR_DIR/$DEMO_DB-install.log" 2>&1 || { cat "$VAR_DIR/$DEMO_DB-install.log"; die "Installation failed"; }
if grep -qE " (ERROR|CRITICAL) " "$VAR_DIR/$DEMO_DB-install.log"; then
  grep -E " (ERROR|CRITICAL) " "$VAR_DIR/$DEMO_DB-install.log"
  die "Installation logged errors (full log: $VAR_DIR/$DEMO_DB-install.log)"
fi
log "Installed in $(( $(date +%s) - start )) s; generating data"
"$PY" "$PROJECT_ROOT/scripts/demo_data.py" "$ODOO" "$CONF" || die "Demo data generation failed"
log "Demo database $DEMO_DB ready in $(( $(date +%s) - start )) s"

cat <<TXT

  Odoo: http://localhost:$DEMO_PORT   (database $DEMO_DB)
  Logins (login / password, language):
    admin     / admin      English  Administrator (Traffic Light / Administrator)
    katarzyna / katarzyna  Polish   Katarzyna Nowak, Sales / Administrator, leader of "Central Europe"
    markus    / markus     English  Markus Weber, Sales / Administrator, leader of "DACH & East"
    piotr     / piotr      Polish   Piotr Kowalski, salesperson (Sales / User: Own Documents)
    anna      / anna       Polish   Anna Wiśniewska, salesperson (Sales / User: Own Documents)
    olga      / olga       Russian  Olga Smirnova, salesperson (Sales / User: Own Documents)
  Translated languages: English, Polish, Russian (switch in My Preferences).
  Customers: Sales > Customer Health > Customers (filter Red / Orange / Green).

TXT
if [ "${DEMO_NO_SERVE:-}" = 1 ]; then
  log "DEMO_NO_SERVE=1: not serving. Serve later with: $PY $ODOO/odoo-bin -c $CONF --http-port=$DEMO_PORT"
  exit 0
fi
log "Serving Odoo on http://localhost:$DEMO_PORT (Ctrl+C to stop)"
exec "$PY" "$ODOO/odoo-bin" -c "$CONF" --http-port="$DEMO_PORT" --db-filter="^$DEMO_DB\$" \
  --log-level=warn
