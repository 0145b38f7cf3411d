#!/usr/bin/env bash
# CI gate for the designers' models: bpmnlint, then "are the rendered diagrams current?".
# The convention checks (ModelConventionTest) run with the Maven tests. See docs/MODELLING.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
example="$root/src/test/resources/model-fixtures/processes/model-fixture.bpmn"

"$root/scripts/lint-models.sh"
"$root/scripts/lint-models.sh" "$example"
"$root/scripts/render-diagrams.sh" --check
"$root/scripts/render-diagrams.sh" --check --out "$root/docs/modelling" "$example"
