#!/usr/bin/env bash
# Search benchmark on generated corpora: build time with search on and off
# (median of runs), then the index size (total and gzip), its ratio to the
# gzip HTML of the pages it indexes, and the gzip bytes typical queries
# transfer (benches/search_bytes.mjs, running the real search.js).
#
#   benches/search.sh [PAGES ...]        default: 1000 10000
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-bench, the
# corpora are shared with build.sh), RUNS (timed runs per setting, default 3).
# Needs python3 (the corpus), node (the query figures) and /usr/bin/time.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-bench}
runs=${RUNS:-3}
now=2026-11-20T10:00:00+08:00
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/kepu
# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"
mkdir -p "$work"

# median_build SITE CONFIG OUT: prints "WALL CPU", the medians of `runs`
# builds (CPU = user + system seconds, steadier on a busy machine).
median_build() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$bin" build --root "$1" --config "$2" -o "$3" --now "$now" >/dev/null 2>&1
    read -r wall user sys < "$work/time.txt"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  done
  local med='{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | awk "$med") $(printf '%s\n' "${cpus[@]}" | sort -n | awk "$med")"
}

for n in "${sizes[@]}"; do
  site=$work/kepu-$n
  corpus kepu "$n" "$site"
  grep -v '^search:' "$site/site.yaml" > "$site/site-search-on.yaml"
  echo 'search: { enabled: true }' >> "$site/site-search-on.yaml"
  grep -v '^search:' "$site/site.yaml" > "$site/site-search-off.yaml"
  echo 'search: { enabled: false }' >> "$site/site-search-off.yaml"
  out=$work/search-out-$n
  "$bin" build --root "$site" --config "$site/site-search-on.yaml" -o "$out" --now "$now" >/dev/null 2>&1 || {
    echo "build of $n pages failed:"
    "$bin" build --root "$site" --config "$site/site-search-on.yaml" -o "$out" --now "$now" 2>&1 | tail -20
    exit 1
  }
  read -r on_wall on_cpu < <(median_build "$site" "$site/site-search-on.yaml" "$out")
  read -r off_wall off_cpu < <(median_build "$site" "$site/site-search-off.yaml" "$work/search-off-$n")
  echo "== $n pages"
  echo "build, search on    ${on_wall} s wall, ${on_cpu} s CPU (median of $runs)"
  echo "build, search off   ${off_wall} s wall, ${off_cpu} s CPU (median of $runs)"
  node "$repo/benches/search_bytes.mjs" "$out"
  rm -rf "$work/search-off-$n"
done
