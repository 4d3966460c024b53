#!/usr/bin/env bash
# Runs one kepu fuzz target for a given time.
#
#   fuzz/run.sh TARGET [SECONDS]        TARGET: front_matter markdown site_yaml site
#
# 1. Builds the targets with cargo-fuzz (`cargo install cargo-fuzz --locked`).
#    cargo-fuzz passes `-Z` flags to rustc, which stable Rust accepts only
#    with RUSTC_BOOTSTRAP=1; this script sets it, so no nightly is needed.
# 2. Runs libFuzzer on fuzz/corpus/TARGET (new inputs are added to it) with
#    the target's dictionary, a per-input timeout (a slower input is a
#    "timeout" finding) and a memory cap; a crash, hang or out-of-memory
#    input lands in fuzz/artifacts/TARGET/.
# 3. Exits non-zero on any finding.
#
# Environment:
#   SANITIZER   none (default: fastest; kepu is safe Rust) or address
#   SMOKE=1     a smoke run: starts from fuzz/regressions/TARGET instead of
#               the corpus and keeps new inputs in a temporary folder, so it
#               is quick and leaves the tree alone
#   NICE        niceness of the fuzzer (default 19: the machine is shared)
#   NO_BUILD=1  skip the build (run-all.sh builds once)
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS]}
secs=${2:-60}
case $target in
  front_matter) max_len=16384 timeout=10 dict=yaml ;;
  site_yaml) max_len=16384 timeout=10 dict=yaml ;;
  markdown) max_len=65536 timeout=10 dict=markdown ;;
  site) max_len=32768 timeout=30 dict=site extra=-len_control=0 ;;
  *) echo "unknown target '$target' (front_matter, markdown, site_yaml, site)" >&2; exit 2 ;;
esac
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is not installed: cargo install cargo-fuzz --locked" >&2; exit 2; }
export RUSTC_BOOTSTRAP=1
# kepu renders with rayon; one thread per fuzzer keeps two fuzzers on two cores.
export RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-1}
san=${SANITIZER:-none}
if [ "${NO_BUILD:-0}" != 1 ]; then
  nice -n "${NICE:-19}" cargo fuzz build --sanitizer "$san" "$target"
fi
mkdir -p "corpus/$target" "artifacts/$target"
corpora=("corpus/$target")
if [ "${SMOKE:-0}" = 1 ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  corpora=("$scratch" "regressions/$target")
fi
host=$(rustc -vV | sed -n 's/^host: //p')
bin=target/$host/release/$target
[ -x "$bin" ] || { echo "$bin was not built" >&2; exit 2; }
nice -n "${NICE:-19}" "$bin" "${corpora[@]}" \
  -dict="dict/$dict.dict" -max_len="$max_len" -timeout="$timeout" -rss_limit_mb=2048 \
  -max_total_time="$secs" \
  -artifact_prefix="artifacts/$target/" -print_final_stats=1 ${extra:-}
