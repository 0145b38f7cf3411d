#!/usr/bin/env bash
# Lints BPMN models with bpmnlint and the checked-in .bpmnlintrc (bpmnlint:recommended + Camunda 7.24 compatibility).
# Exits non-zero on any error-level violation. See docs/MODELLING.md.
#
#   scripts/lint-models.sh                 # every processes/*.bpmn
#   scripts/lint-models.sh some/file.bpmn  # just these files
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

files=()
for file in "$@"; do
  files+=("$(realpath "$file")")
done
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=("$root"/processes/*.bpmn)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "lint-models: no BPMN files in processes/"
  exit 0
fi

cd "$root"
[ -x node_modules/.bin/bpmnlint ] || npm ci --no-audit --no-fund
node_modules/.bin/bpmnlint "${files[@]}"
echo "lint-models: ${#files[@]} model(s) clean"
