#!/usr/bin/env bash
# Runs every kepu fuzz target for SECONDS each (default 60), two at a time.
#
#   fuzz/run-all.sh [SECONDS]
#
# `SMOKE=1 fuzz/run-all.sh 5` is the smoke run of the tests
# (tests/fuzz_smoke.rs). Builds once, then runs the targets in pairs (the
# machine has two cores); exits non-zero if any target found something.
# Environment as for run.sh.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
targets=(front_matter markdown site_yaml site)
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2; exit 2; }
export RUSTC_BOOTSTRAP=1
nice -n "${NICE:-19}" cargo fuzz build --sanitizer "${SANITIZER:-none}"
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
status=0
run_pair() {
  local pids=() t
  for t in "$@"; do
    NO_BUILD=1 ./run.sh "$t" "$secs" >"$log/$t.log" 2>&1 &
    pids+=($!)
  done
  local i=0
  for t in "$@"; do
    if wait "${pids[$i]}"; then
      echo "$t: ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log/$t.log" | grep -o '[0-9]*$' || echo '?') runs)"
    else
      echo "$t: FAILED"; tail -40 "$log/$t.log"; status=1
    fi
    i=$((i + 1))
  done
}
run_pair "${targets[0]}" "${targets[1]}"
run_pair "${targets[2]}" "${targets[3]}"
exit $status
