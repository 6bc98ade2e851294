#!/usr/bin/env bash
# Transfer benchmark (issue 16): the bytes a browser receives for a section page of the demo, on a first visit
# (the page and every CSS, script and sprite it links) and on a second one (the page, plus any static file it
# may not keep cached), with gzip accepted. Measured in one run, on the same jar: first with compression off
# (as before), then as configured. Target: the second visit under 50 KB.
#
# Usage: bench/transfer.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
BASE="http://127.0.0.1:$PORT"
[ "${1:-}" = "--no-build" ] || ./mvnw -q -DskipTests package
if curl -fs -o /dev/null "$BASE/actuator/health" 2>/dev/null; then
  echo "something already answers on port $PORT: stop it, or set PORT" >&2; exit 1
fi
WORK=$(mktemp -d /tmp/oiv-transfer.XXXXXX)
APP_PID=
stop_app() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=; fi; }
trap 'stop_app; rm -rf "$WORK"' EXIT

measure() { # label, extra arguments of the application
  local label=$1; shift
  java -jar target/rapporto-oiv.jar --spring.profiles.active=demo --server.port="$PORT" \
    --oiv.data-dir="$WORK/data" "$@" >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; exit 1; }
    sleep 0.2
  done
  local cookie report
  cookie=$(python3 bench/client.py login "$BASE" oiv demo 1)
  report=$(curl -fs -b "$cookie" "$BASE/reports" | grep -o 'href="/reports/[0-9]*"' | head -1 | grep -o '[0-9]*')
  echo "== $label: /reports/$report/sections/2"
  python3 bench/client.py transfer "$BASE" "$cookie" "/reports/$report/sections/2"
  stop_app
}

measure "compression off (before)" --server.compression.enabled=false
measure "as configured"
