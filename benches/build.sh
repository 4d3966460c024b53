#!/usr/bin/env bash
# Times `kepu build` on generated corpora: wall time (median of runs) and
# peak memory, output on tmpfs.
#
#   benches/build.sh [PAGES ...]        default: 1000 10000
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-bench),
# RUNS (timed runs per size, default 3), KEPU_BUILD_ARGS (extra build flags).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-bench}
runs=${RUNS:-3}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/kepu
# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"
mkdir -p "$work"

printf '%-8s %10s %10s %12s %8s\n' pages wall_s peak_MiB pages_per_s files
for n in "${sizes[@]}"; do
  site=$work/kepu-$n
  corpus kepu "$n" "$site"
  out=$work/out-$n
  # shellcheck disable=SC2086
  "$bin" build --root "$site" -o "$out" --now 2026-11-20T10:00:00+08:00 ${KEPU_BUILD_ARGS:-} >/dev/null 2>&1 || {
    echo "build of $n pages failed:"; "$bin" build --root "$site" -o "$out" --now 2026-11-20T10:00:00+08:00 2>&1 | tail -20; exit 1; }
  walls=(); peak=0
  for _ in $(seq "$runs"); do
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$bin" build --root "$site" -o "$out" --now 2026-11-20T10:00:00+08:00 ${KEPU_BUILD_ARGS:-} >/dev/null 2>&1
    read -r wall kb < "$work/time.txt"
    walls+=("$wall")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  files=$(find "$out" -type f | wc -l)
  awk -v n="$n" -v w="$median" -v p="$peak" -v f="$files" 'BEGIN { printf "%-8d %10.2f %10.1f %12.0f %8d\n", n, w, p/1024, (w > 0 ? n/w : 0), f }'
done
