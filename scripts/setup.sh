#!/usr/bin/env bash
# Finds or obtains everything the project needs: Odoo 18.0 source, a virtual environment with
# Odoo's and the project's requirements, PostgreSQL, Chromium and wkhtmltopdf.
# Re-running it when nothing changed takes seconds.
source "$(dirname "$0")/common.sh"

ODOO="$(find_odoo)"
log "Odoo 18.0 source: $ODOO"

# System packages: Chromium (browser tests) and wkhtmltopdf (PDF reports), from Debian.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
command -v msgmerge >/dev/null 2>&1 || missing+=(gettext)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "Installing ${missing[*]} from Debian packages"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "Missing ${missing[*]}. Install with: sudo apt-get install ${missing[*]}"
  fi
fi

# Virtual environment inside the project.
[ -x "$PY" ] || { log "Creating virtual environment $VENV"; python3 -m venv "$VENV"; }
stamp="$VENV/.requirements.sha"
want="$(cat "$ODOO/requirements.txt" "$PROJECT_ROOT/requirements.txt" "$PROJECT_ROOT/requirements-oca.txt" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "Installing Python requirements into $VENV"
  constraints="$VAR_DIR/pip-constraints.txt"; mkdir -p "$VAR_DIR"
  echo 'setuptools<75' > "$constraints"   # old sdists pinned by Odoo need it on Python 3.11
  # python-ldap is only used by Odoo's auth_ldap addon and needs LDAP headers to build: skipped.
  grep -v '^python-ldap' "$ODOO/requirements.txt" > "$VAR_DIR/odoo-requirements.txt"
  export PIP_CONSTRAINT="$constraints" PIP_DISABLE_PIP_VERSION_CHECK=1
  quiet_pip() {  # pip, without the noise of this machine's local mirrors
    "$PY" -m pip install -q "$@" 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    return "${PIPESTATUS[0]}"
  }
  quiet_pip -r "$VAR_DIR/odoo-requirements.txt" -r "$PROJECT_ROOT/requirements.txt"
  quiet_pip --no-deps -r "$PROJECT_ROOT/requirements-oca.txt"
  echo "$want" > "$stamp"
fi

check_postgres
log "Setup complete (PostgreSQL at $PGHOST:$PGPORT, Chromium: $(command -v chromium))"
