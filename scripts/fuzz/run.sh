#!/usr/bin/env bash
# API fuzzing step: schemathesis against the running server's own /openapi.json, once per demo role.
#
#   scripts/fuzz/run.sh BINARY [--examples N] [--seed S]
#
# Starts BINARY (a built bilim) on a fresh temporary SQLite database with the demo data, signs in
# as each demo account in turn (password sign-in, the session and CSRF cookies passed with -H) and
# runs schemathesis once per role, plus one run without a session. Checks: no 5xx
# (not_a_server_error), responses match their documented schemas (response_schema_conformance)
# and carry documented status codes (status_code_conformance). After each run the server must
# still be alive and answer /health. Prints one closing line
#   fuzz: N requests, M failures (K server errors) in R runs
# and exits non-zero when any run found a failure, a run broke, or the server died.
# Everything is kept in .build/fuzz/ (wiped at the start): server.log, schemathesis.toml (made by
# make_config.py), and per run ROLE/
# schemathesis.log (the readable report with curl reproductions), junit.xml and har.json
# (every request and response); failures.txt is the deduplicated list over all runs.
#
# Only loopback is reached: the server listens on 127.0.0.1, proxies are bypassed for it, and
# schemathesis 4.x has no telemetry or report upload (SCHEMATHESIS_TELEMETRY=false is set anyway).
# The first run installs schemathesis into .build/fuzz-venv from PyPI.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCHEMATHESIS_VERSION=4.32.5
EXAMPLES=10
SEED=20260701
usage() { echo "usage: $0 BINARY [--examples N] [--seed S]" >&2; exit 2; }
[ $# -ge 1 ] || usage
BINARY=$(realpath "$1"); shift
while [ $# -gt 0 ]; do
  case "$1" in
    --examples) EXAMPLES=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    *) usage ;;
  esac
done
[ -x "$BINARY" ] || { echo "not an executable: $BINARY" >&2; exit 2; }
log() { printf '\n== %s\n' "$*" >&2; }

VENV=$ROOT/.build/fuzz-venv
if [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

OUT=$ROOT/.build/fuzz
rm -rf "$OUT"; mkdir -p "$OUT"
DATA=$(mktemp -d /tmp/bilim-fuzz.XXXXXX)
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT

export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export SCHEMATHESIS_TELEMETRY=false NO_COLOR=1 PYTHONDONTWRITEBYTECODE=1

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
SERVE_FLAGS=()
# Demo data is made on an empty database unless --no-demo; a binary that wants it asked for gets --demo.
if "$BINARY" serve --help 2>&1 | grep -qE '(^|[[:space:]])--demo([[:space:]]|$)'; then SERVE_FLAGS+=(--demo); fi
log "starting $BINARY on $BASE (sqlite in $DATA)"
# The admission is seasonal: the demo clock runs from a day inside its application windows.
DATABASE_URL="sqlite:$DATA/bilim.sqlite" BILIM_DEMO=1 BILIM_DEMO_DATE=2026-07-01 BILIM_LOG_LEVEL=warning \
  "$BINARY" serve --host 127.0.0.1 --port "$PORT" "${SERVE_FLAGS[@]}" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
healthy() { python3 -c "import urllib.request; urllib.request.urlopen('$BASE/health', timeout=5)" >/dev/null 2>&1; }
for _ in $(seq 1 150); do
  healthy && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log" >&2; echo "the server did not start" >&2; exit 1; }
  sleep 0.2
done
healthy || { echo "the server does not answer $BASE/health" >&2; exit 1; }
# The configuration: no request cache, and dictionaries of the demo data's identifiers.
python3 scripts/fuzz/make_config.py "$DATA/bilim.sqlite" >"$OUT/schemathesis.toml"

# "anonymous" runs without a session; the others sign in as the demo account of that login.
ROLES=(anonymous applicant school.staff college.staff operator commission department reviewer admin)
PASSWORD=bilim-demo-2026
# Excluded operations:
# - signOut (POST /sign-out) ends the session server-side (Sessions.end) and clears the cookie, so
#   every request after it in that role's run would be anonymous.
# Nothing else ends or replaces a session: POST /sign-in, /sign-in/otp/verify and /api/v1/sign-in/eds
# start a new session only for right credentials (never generated), and then leave the old one
# alive; the explicit Cookie header always wins over cookies the responses set.
EXCLUDE=(--exclude-operation-id signOut)
CHECKS=not_a_server_error,response_schema_conformance,status_code_conformance

server_died=0
broken_runs=()
start=$(date +%s)
for role in "${ROLES[@]}"; do
  dir=$OUT/$role
  mkdir -p "$dir"
  # Line 1: the cookies; line 2: the form token (hooks.py puts it into every form body and the
  # X-CSRF-Token header, so the form handlers get past the CSRF check and are fuzzed as well).
  # "anonymous" has no session, only the CSRF cookie of a browser that has opened a page.
  if [ "$role" = anonymous ]; then args=(--anonymous); else args=("$role" "$PASSWORD"); fi
  signed=$(python3 scripts/fuzz/sign_in.py "$BASE" "${args[@]}") || { broken_runs+=("$role(sign-in)"); continue; }
  cookie=$(sed -n 1p <<<"$signed"); csrf=$(sed -n 2p <<<"$signed")
  log "schemathesis as $role: $EXAMPLES examples per operation, seed $SEED"
  role_start=$(date +%s)
  rc=0
  # Runs inside its own folder: the .hypothesis/ and .schemathesis/ folders land there.
  (cd "$dir" && SCHEMATHESIS_HOOKS=$ROOT/scripts/fuzz/hooks.py BILIM_FUZZ_CSRF=$csrf \
    timeout 900 "$VENV/bin/schemathesis" --config-file "$OUT/schemathesis.toml" run "$BASE/openapi.json" \
      -H "Cookie: $cookie" "${EXCLUDE[@]}" --checks "$CHECKS" \
      --max-examples "$EXAMPLES" --seed "$SEED" --workers 1 --generation-database none \
      --max-redirects 0 --request-timeout 20 --no-color --output-sanitize false \
      --report junit,har --report-junit-path "$dir/junit.xml" --report-har-path "$dir/har.json" \
      >"$dir/schemathesis.log" 2>&1) || rc=$?
  # 0: passed; 1: failures found (counted from junit.xml); anything else: the run itself broke.
  if [ "$rc" -gt 1 ] || [ ! -s "$dir/junit.xml" ]; then broken_runs+=("$role(exit $rc)"); tail -20 "$dir/schemathesis.log" >&2; fi
  echo "$role: exit $rc in $(( $(date +%s) - role_start ))s; $(tail -1 "$dir/schemathesis.log")" >&2
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    wait "$SERVER_PID" 2>/dev/null && status=0 || status=$?
    echo "THE SERVER DIED during the $role run (exit status $status); last lines of its log:" >&2
    tail -30 "$OUT/server.log" >&2
    SERVER_PID=""; server_died=1; break
  fi
  if ! healthy; then echo "the server no longer answers /health after the $role run" >&2; server_died=1; break; fi
done
elapsed=$(( $(date +%s) - start ))

log "summary ($elapsed s)"
ran=()
for role in "${ROLES[@]}"; do [ -s "$OUT/$role/junit.xml" ] && ran+=("$role"); done
summary_rc=0
"$VENV/bin/python" scripts/fuzz/summarize.py "$OUT" "${ran[@]}" >"$OUT/summary.txt" || summary_rc=$?
crashes=$(grep -cE 'Fatal error|Overflow|Unexpectedly found nil|Illegal instruction|Segmentation fault' "$OUT/server.log" || true)
if [ "$crashes" != 0 ]; then
  echo "crash messages in the server log:" >&2
  grep -nE 'Fatal error|Overflow|Unexpectedly found nil|Illegal instruction|Segmentation fault' "$OUT/server.log" | head -20 >&2
fi
head -n -1 "$OUT/summary.txt"
[ ${#broken_runs[@]} -eq 0 ] || echo "runs that broke: ${broken_runs[*]}"
alive=yes; [ "$server_died" = 0 ] || alive=NO
echo "$(tail -1 "$OUT/summary.txt"), ${elapsed}s, server alive: $alive, crash lines in log: $crashes"
[ "$summary_rc" = 0 ] && [ "$server_died" = 0 ] && [ ${#broken_runs[@]} -eq 0 ] && [ "$crashes" = 0 ]
