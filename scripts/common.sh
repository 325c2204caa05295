# Shared settings of the project scripts. Sourced, not executed.
# shellcheck shell=bash
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$PROJECT_ROOT/.venv"
PY="$VENV/bin/python"
# The default location of the Odoo 18.0 source tree (outside the repository).
ODOO_DEFAULT_PATH="/opt/odoo/18.0"
ODOO_GIT_URL="https://github.com/odoo/odoo.git"
VAR_DIR="$PROJECT_ROOT/var"

log() { printf '\033[1m[crm_traffic_light]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[crm_traffic_light] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

is_odoo_tree() { [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] && grep -q "version_info = (18, 0" "$1/odoo/release.py"; }

# Resolve the Odoo 18.0 source: ODOO_PATH, then the default location, then a shallow clone.
find_odoo() {
  if [ -n "${ODOO_PATH:-}" ]; then
    is_odoo_tree "$ODOO_PATH" || die "ODOO_PATH=$ODOO_PATH is not an Odoo 18.0 source tree (no odoo-bin, or not version 18.0)."
    echo "$ODOO_PATH"; return
  fi
  if is_odoo_tree "$ODOO_DEFAULT_PATH"; then echo "$ODOO_DEFAULT_PATH"; return; fi
  log "No Odoo 18.0 source at $ODOO_DEFAULT_PATH; trying a shallow clone of the official 18.0 branch."
  if mkdir -p "$(dirname "$ODOO_DEFAULT_PATH")" 2>/dev/null \
     && GIT_TERMINAL_PROMPT=0 timeout 900 git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_DEFAULT_PATH.partial" \
     && mv "$ODOO_DEFAULT_PATH.partial" "$ODOO_DEFAULT_PATH" && is_odoo_tree "$ODOO_DEFAULT_PATH"; then
    echo "$ODOO_DEFAULT_PATH"; return
  fi
  rm -rf "$ODOO_DEFAULT_PATH.partial"
  die "Odoo 18.0 source not found. Do one of:
  1. put an Odoo 18.0 source tree (the directory that contains odoo-bin) at $ODOO_DEFAULT_PATH,
     e.g.  git clone --depth 1 --branch 18.0 $ODOO_GIT_URL $ODOO_DEFAULT_PATH
  2. or point ODOO_PATH at one:  ODOO_PATH=/path/to/odoo make test"
}

# PostgreSQL: the standard PG* variables if set, else the local server on 127.0.0.1:5432.
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-$(id -un)}"

check_postgres() {
  if ! "$PY" - <<'PY' 2>/dev/null
import os, psycopg2
psycopg2.connect(dbname="postgres", host=os.environ["PGHOST"], port=os.environ["PGPORT"],
                 user=os.environ["PGUSER"], password=os.environ.get("PGPASSWORD"), connect_timeout=5).close()
PY
  then
    die "PostgreSQL does not answer at $PGHOST:$PGPORT as user $PGUSER.
  Start it (e.g. 'pg_ctlcluster 15 main start') or set PGHOST, PGPORT, PGUSER, PGPASSWORD
  to a server where this user may create databases."
  fi
}

# Write an Odoo configuration file for database $1 and echo its path.
write_odoo_conf() {
  local db="$1" odoo="$2" conf="$VAR_DIR/$1.conf" site
  site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  mkdir -p "$VAR_DIR"
  cat > "$conf" <<CONF
[options]
addons_path = $odoo/addons,$odoo/odoo/addons,$site/odoo/addons,$PROJECT_ROOT
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = ${PGPASSWORD:-False}
db_name = $db
dbfilter = ^$db\$
data_dir = $VAR_DIR/data
list_db = False
without_demo = all
max_cron_threads = 0
http_port = ${ODOO_HTTP_PORT:-8069}
CONF
  echo "$conf"
}
