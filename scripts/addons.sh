# Lists the addons of this repository (directories with a __manifest__.py), comma-separated.
# shellcheck shell=bash
repo_addons() {
  local names=()
  for m in "$PROJECT_ROOT"/*/__manifest__.py; do names+=("$(basename "$(dirname "$m")")"); done
  (IFS=,; echo "${names[*]}")
}
