#!/usr/bin/env bash
# Lints BPMN models with bpmnlint and the checked-in .bpmnlintrc (bpmnlint:recommended + Camunda 7.24 compatibility).
# Exits non-zero on any violation, errors and warnings alike. See docs/MODELLING.md.
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
"$root/scripts/install-node-modules.sh"
# Warnings count as violations too: a warning nobody must act on becomes noise nobody reads.
node_modules/.bin/bpmnlint --max-warnings=0 "${files[@]}"
echo "lint-models: ${#files[@]} model(s) without errors"
