#!/usr/bin/env bash
# Installs the npm devDependencies exactly as package-lock.json pins them (npm ci) when node_modules lacks one of them
# or holds another version: bpmnlint and bpmn-js for the designers' model checks, axe-core for the browser tests'
# accessibility check. Run by scripts/lint-models.sh and by Maven before the integration tests, so a fresh clone
# gets everything with `./mvnw verify`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v npm >/dev/null 2>&1; then
  echo "install-node-modules: npm not found; bpmnlint and the browser tests' axe-core check need Node.js and npm"
  exit 0
fi

missing="$(node -e '
  const wanted = require("./package.json").devDependencies;
  const stale = Object.keys(wanted).filter(name => {
    try {
      return require("./node_modules/" + name + "/package.json").version !== wanted[name];
    } catch (e) {
      return true;
    }
  });
  process.stdout.write(stale.join(" "));
')"
if [ -z "$missing" ]; then
  exit 0
fi
# npm ci empties node_modules first; through a symlink that would empty the folder it points to, which another
# checkout may be using.
if [ -L node_modules ]; then
  echo "install-node-modules: node_modules is a symlink to $(readlink node_modules) and lacks $missing;" \
    "not running npm ci through it: run npm ci there, or replace the link with a folder"
  exit 0
fi
echo "install-node-modules: npm ci (missing or another version: $missing)"
npm ci --no-audit --no-fund
