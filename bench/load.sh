#!/usr/bin/env bash
# Load benchmark (issue 12). Builds the jar, starts it on a data directory of its own with the demo data, and
# measures in one run, side by side:
#   - cold start to /actuator/health UP on the existing data directory, and the JVM's idle RSS;
#   - wrk, 32 signed-in sessions: a section page against a static file of similar size (htmx.min.js);
#     throughput ratio and both p99s;
#   - SQL statements per page (the X-Oiv-Sql-Statements header, on with oiv.diagnostics.sql-statements);
#   - the p99 of 100 section saves, then of 200 saves that each change an answer, and the render time of
#     that question's Cronologia, 201 versions, paged 50 at a time (issue 18);
#   - RSS after the load.
# With --scale it first loads 10,000 administrations x 5 reports and 10,000 users (bench/scale.sql), then
# measures the home, report, section and comparison pages of a member of three administrations, and the
# administrator's home and lists, at 8 connections.
#
# Usage: bench/load.sh [--scale] [--no-build] [--duration 15s] [--keep DIR]
#   --keep DIR keeps the data directory in DIR, and reuses it when it is already there (no loading).
# Needs wrk and psql (installed with apt-get when missing) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=false BUILD=true DURATION=15s PORT=${PORT:-18080} KEEP=
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE=true ;;
    --no-build) BUILD=false ;;
    --duration) DURATION=$2; shift ;;
    --keep) KEEP=$2; shift ;;
    *) echo "usage: $0 [--scale] [--no-build] [--duration 15s] [--keep DIR]" >&2; exit 2 ;;
  esac
  shift
done

for tool in wrk psql; do
  if ! command -v $tool >/dev/null; then
    echo "Installing $tool"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$([ $tool = psql ] && echo postgresql-client || echo wrk)" >/dev/null
  fi
done

if $BUILD; then
  ./mvnw -q -DskipTests package
fi

WORK=$(mktemp -d /tmp/oiv-load.XXXXXX)
DATA="$WORK/data"
REUSE=false
if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  DATA=$(cd "$KEEP" && pwd)
  [ -d "$DATA/postgres" ] && REUSE=true
fi
BASE="http://127.0.0.1:$PORT"
# The JVM options of every run (pom.xml's oiv.jvm.options, as in the README and docker-compose.yml);
# JAVA_OPTS replaces them.
JAVA_OPTS=${JAVA_OPTS-$(sed -n 's:.*<oiv.jvm.options>\(.*\)</oiv.jvm.options>.*:\1:p' pom.xml)}
echo "JVM options: $JAVA_OPTS"
APP_PID=

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap 'stop_app; rm -rf "$WORK"' EXIT

JAR=target/rapporto-oiv.jar EXTRA_OPTS=
start_app() {
  local started
  if curl -fs -o /dev/null "$BASE/actuator/health" 2>/dev/null; then
    echo "something already answers on port $PORT: stop it, or set PORT" >&2; exit 1
  fi
  started=$(date +%s.%N)
  # shellcheck disable=SC2086
  java $JAVA_OPTS $EXTRA_OPTS -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
    --oiv.data-dir="$DATA" --oiv.diagnostics.sql-statements=true >>"$WORK/app.log" 2>&1 &
  APP_PID=$!
  until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -50 "$WORK/app.log"; echo "the application did not start" >&2; exit 1
    fi
    sleep 0.1
  done
  START_SECONDS=$(echo "$(date +%s.%N) - $started" | bc)
}

cpu_seconds() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$APP_PID/stat"; }

rss_mb() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

psql_app() {
  local port
  port=$(sed -n 4p "$DATA/postgres/postmaster.pid")
  psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

run_wrk() { # connections url [cookie file]
  WRK_COOKIES=${3:-} wrk -t"$(( $1 < 2 ? $1 : 2 ))" -c"$1" -d"$DURATION" --latency -s bench/sessions.lua "$2" | grep '^RESULT'
}

field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }

if ! $REUSE; then
echo "== first start (creates the cluster and the demo data)"
start_app
echo "first start: ${START_SECONDS}s"
if $SCALE; then
  echo "== loading 10,000 administrations x 5 reports and 10,000 users"
  loaded=$(date +%s)
  psql_app -v admins=10000 -v users=10000 -f bench/scale.sql
  echo "loaded in $(( $(date +%s) - loaded ))s: $(psql_app -c 'select count(*) from report') reports," \
    "$(psql_app -c 'select count(*) from report_answer') answers, $(psql_app -c 'select pg_size_pretty(pg_database_size(current_database()))')"
fi
stop_app
sleep 2
fi
echo "== cold start on the existing data directory"
start_app
echo "cold start (java -jar): ${START_SECONDS}s, $(cpu_seconds) CPU-seconds"
stop_app
echo "== cold start with class data sharing (the README's production start)"
java -Djarmode=tools -jar target/rapporto-oiv.jar extract --destination "$WORK/app" >/dev/null
# Training run on a data directory of its own: the application starts, then exits once refreshed.
# shellcheck disable=SC2086
java -XX:ArchiveClassesAtExit="$WORK/app/application.jsa" -Dspring.context.exit=onRefresh $JAVA_OPTS \
  -jar "$WORK/app/rapporto-oiv.jar" --spring.profiles.active=demo --server.port="$PORT" \
  --oiv.data-dir="$WORK/training" >"$WORK/training.log" 2>&1 || true
# That exit skips closing the context: stop the training run's own PostgreSQL, and only that one.
if [ -f "$WORK/training/postgres/postmaster.pid" ]; then
  kill -INT "$(head -1 "$WORK/training/postgres/postmaster.pid")" 2>/dev/null || true
fi
JAR="$WORK/app/rapporto-oiv.jar" EXTRA_OPTS="-XX:SharedArchiveFile=$WORK/app/application.jsa"
start_app
echo "cold start (class data sharing): ${START_SECONDS}s, $(cpu_seconds) CPU-seconds"
sleep 5
echo "idle RSS: $(rss_mb) MB"

STATIC=/webjars/htmx.org/dist/htmx.min.js
if ! $SCALE; then
  REPORT=$(psql_app -c "select r.id from report r join administration a on a.id = r.administration_id
                        where a.name like 'Camera di Commercio%' and r.year = 2021 order by r.revision desc limit 1")
  SECTION="/reports/$REPORT/sections/2"
  python3 bench/client.py login "$BASE" oiv demo 32 >"$WORK/cookies"
  COOKIE=$(head -1 "$WORK/cookies")
  echo "== SQL statements per page (user oiv)"
  python3 bench/client.py statements "$BASE" "$COOKIE" / "/reports/$REPORT" "$SECTION" "/reports/$REPORT/comparison"
  # The JIT compiler takes one or two minutes of load on two cores to compile the rendering path (it used a
  # third of the CPU meanwhile): the page is warmed up in rounds of 10 s until two rounds in a row are
  # within 10 % of each other (at most 18 rounds), so that what follows measures the steady state.
  echo "== warm-up (10 s rounds until the throughput settles)"
  last=0
  for round in $(seq 1 18); do
    rps=$(DURATION=10s run_wrk 32 "$BASE$SECTION" "$WORK/cookies" | field rps)
    echo "round $round: $rps req/s"
    if [ "$(echo "$last > 0 && $rps < $last * 1.1 && $rps > $last * 0.9" | bc)" = 1 ]; then break; fi
    last=$rps
  done
  DURATION=10s run_wrk 32 "$BASE$STATIC" >/dev/null
  echo "== 32 sessions, $DURATION each, twice, section page then static file"
  for pass in 1 2; do
    page=$(run_wrk 32 "$BASE$SECTION" "$WORK/cookies")
    static=$(run_wrk 32 "$BASE$STATIC")
    echo "pass $pass: section page $SECTION: $page"
    echo "pass $pass: static file  $STATIC: $static"
    echo "pass $pass: throughput ratio section/static: $(echo "scale=3; $(echo "$page" | field rps) / $(echo "$static" | field rps)" | bc)"
    echo "pass $pass: p99 ratio section/static: $(echo "scale=2; $(echo "$page" | field p99_ms) / $(echo "$static" | field p99_ms)" | bc)"
  done
  echo "one connection:  $(run_wrk 1 "$BASE$SECTION" "$WORK/cookies")"
  echo "== 100 saves of section 2, after 20 to warm the save path up"
  python3 bench/client.py save "$BASE" "$COOKIE" "$SECTION" 20 >/dev/null
  python3 bench/client.py save "$BASE" "$COOKIE" "$SECTION" 100
  echo "== 200 saves of section 2 that each change its first answer (one version each, issue 18), then"
  echo "   that question's Cronologia (its first page: the newest 50 of 201 versions), 50 times"
  python3 bench/client.py history "$BASE" "$COOKIE" "$SECTION" 200
  echo "RSS after load: $(rss_mb) MB"
else
  USER_REPORT=$(psql_app -c "select r.id from report r join membership m on m.administration_id = r.administration_id
                             join app_user u on u.id = m.user_id where u.username = 'bench05000' and r.year = 2025
                             order by r.id limit 1")
  python3 bench/client.py login "$BASE" bench05000 demo 8 >"$WORK/cookies"
  python3 bench/client.py login "$BASE" admin demo 8 >"$WORK/admin-cookies"
  echo "== SQL statements per page at scale"
  python3 bench/client.py statements "$BASE" "$(head -1 "$WORK/cookies")" / "/reports/$USER_REPORT" \
    "/reports/$USER_REPORT/sections/2" "/reports/$USER_REPORT/comparison"
  python3 bench/client.py statements "$BASE" "$(head -1 "$WORK/admin-cookies")" / /reports /admin/administrations \
    /admin/users "/reports/$USER_REPORT"
  echo "== 8 connections, $DURATION each"
  for path in / "/reports/$USER_REPORT" "/reports/$USER_REPORT/sections/2" "/reports/$USER_REPORT/comparison"; do
    echo "member        $path: $(run_wrk 8 "$BASE$path" "$WORK/cookies")"
  done
  for path in / /reports /admin/administrations /admin/users "/admin/users?q=bench0500"; do
    echo "administrator $path: $(run_wrk 8 "$BASE$path" "$WORK/admin-cookies")"
  done
  echo "RSS after load: $(rss_mb) MB"
fi
