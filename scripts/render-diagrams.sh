#!/usr/bin/env bash
# Renders every processes/*.bpmn to docs/processes/<process-id>.svg with bpmn-js in headless Chromium,
# or with --check verifies (without a browser) that every checked-in SVG was rendered from the current BPMN.
# Rendering needs Debian's Chromium: apt-get install -y chromium. See docs/MODELLING.md.
#
#   scripts/render-diagrams.sh                     # re-render all; commit docs/processes/
#   scripts/render-diagrams.sh --check             # CI: fail if a diagram is missing, stale or orphaned
#   scripts/render-diagrams.sh --png /tmp/preview  # also write PNG previews (not checked in)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [[ " $* " != *" --check "* ]] && [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "render-diagrams: Chromium not found at ${CHROMIUM:-/usr/bin/chromium}; install it: apt-get install -y chromium" >&2
  exit 2
fi
if [ ! -d "$root/node_modules/bpmn-js" ] || [ ! -d "$root/node_modules/playwright-core" ]; then
  (cd "$root" && npm ci --no-audit --no-fund)
fi
exec node "$root/scripts/render-diagrams.mjs" "$@"
