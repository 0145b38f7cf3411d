#!/usr/bin/env bash
# Checks the sample Prometheus alert rules: syntax (promtool check rules) and behaviour
# (promtool test rules docs/prometheus-alerts.test.yml). promtool comes with Debian's prometheus
# package, installed here when missing (the server it brings is not started).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v promtool >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi
cd "$root/docs"
promtool check rules prometheus-alerts.yml
promtool test rules prometheus-alerts.test.yml
