#!/usr/bin/env bash
# The performance goals in one run, as a table: kepu against Hugo on the
# same 10,000-page corpus, the 100,000-page scale, what a one-line edit
# rewrites, and `kepu serve` (through benches/serve.sh).
#
#   benches/perf.sh
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder on tmpfs, default
# /dev/shm/kepu-perf), PAGES (default 10000), SCALE (pages of the scale run,
# default 100000; 0 skips it), RUNS (timed runs per tool, default 3),
# SERVE (1 runs benches/serve.sh, default 1). Hugo is Debian's
# (`apt-get install hugo`); without it the Hugo rows are left out.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-perf}
pages=${PAGES:-10000}
scale=${SCALE:-100000}
runs=${RUNS:-3}
now=2026-11-20T10:00:00+08:00
# The summary lines read below are the English ones.
export KEPU_LANG=en

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/kepu
mkdir -p "$work"

# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"

# timed LOG CMD... : runs CMD, appends "wall_s peak_KiB" to LOG.
timed() {
  local log=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "failed: $*"; tail -20 "$work/stderr.txt"; exit 1; }
  cat "$work/time.txt" >> "$log"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak() { awk '{ if ($2 > m) m = $2 } END { printf "%.0f", m / 1024 }'; }

kepu_site=$work/kepu-$pages
corpus kepu "$pages" "$kepu_site"
kepu_out=$work/out-kepu-$pages
: > "$work/kepu-cold.log"; : > "$work/kepu-warm.log"; : > "$work/hugo.log"
have_hugo=0
if command -v hugo >/dev/null; then
  have_hugo=1
  hugo_site=$work/hugo-$pages
  corpus hugo "$pages" "$hugo_site"
  hugo_out=$work/out-hugo-$pages
fi

for _ in $(seq "$runs"); do
  rm -rf "$kepu_out" "$work/.out-kepu-$pages.kepu-manifest"
  timed "$work/kepu-cold.log" "$bin" build --root "$kepu_site" -o "$kepu_out" --now "$now"
  timed "$work/kepu-warm.log" "$bin" build --root "$kepu_site" -o "$kepu_out" --now "$now"
  if [ "$have_hugo" = 1 ]; then
    rm -rf "$hugo_out"
    timed "$work/hugo.log" hugo --quiet --source "$hugo_site" --destination "$hugo_out"
  fi
done
files=$(find "$kepu_out" -type f | wc -l)
html=$(find "$kepu_out" -name '*.html' | wc -l)

# One line added to one article's body, then taken back.
article=$(find "$kepu_site/content/articles" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
cp "$article" "$work/article.bak"
printf '\n补充一句话。\n' >> "$article"
edit_log=$("$bin" build --root "$kepu_site" -o "$kepu_out" --now "$now" 2>&1 | grep '^Built')
cp "$work/article.bak" "$article"
"$bin" build --root "$kepu_site" -o "$kepu_out" --now "$now" >/dev/null 2>&1
rewritten=$(sed -E 's/.*files, ([0-9]+) written.*/\1/' <<<"$edit_log")

k_cold=$(cut -d' ' -f1 "$work/kepu-cold.log" | median)
k_warm=$(cut -d' ' -f1 "$work/kepu-warm.log" | median)
k_peak=$(cat "$work/kepu-cold.log" "$work/kepu-warm.log" | peak)

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); output on tmpfs ($work)"
echo "Corpus: $pages pages (gen_corpus.py, seed 1); kepu writes $files files ($html HTML); median of $runs runs"
echo
printf '%-34s %9s %10s %11s\n' "build of $pages pages" wall_s peak_MiB pages_per_s
row() { awk -v n="$pages" -v l="$1" -v w="$2" -v p="$3" 'BEGIN { printf "%-34s %9.2f %10s %11.0f\n", l, w, p, n / w }'; }
row "kepu, first build (no output yet)" "$k_cold" "$k_peak"
row "kepu, rebuild (output kept)" "$k_warm" "$k_peak"
if [ "$have_hugo" = 1 ]; then
  h_wall=$(cut -d' ' -f1 "$work/hugo.log" | median)
  h_peak=$(peak < "$work/hugo.log")
  row "$(hugo version | cut -d' ' -f2 | cut -d+ -f1 | sed 's/^/hugo /')" "$h_wall" "$h_peak"
  awk -v k="$k_cold" -v w="$k_warm" -v h="$h_wall" 'BEGIN {
    printf "kepu / hugo wall time: first build %.2f, rebuild %.2f (goal: at most 0.2)\n", k / h, w / h }'
fi
echo "a one-line edit of one article rewrites $rewritten of $files files"

if [ "$scale" -gt 0 ]; then
  big=$work/kepu-$scale
  corpus kepu "$scale" "$big"
  big_out=$work/out-kepu-$scale
  : > "$work/scale.log"
  rm -rf "$big_out" "$work/.out-kepu-$scale.kepu-manifest"
  timed "$work/scale.log" "$bin" build --root "$big" -o "$big_out" --now "$now"
  s_wall=$(cut -d' ' -f1 "$work/scale.log")
  s_peak=$(peak < "$work/scale.log")
  echo
  printf '%-34s %9s %10s %11s\n' "scale" wall_s peak_MiB pages_per_s
  awk -v n="$scale" -v w="$s_wall" -v p="$s_peak" -v k="$k_cold" -v m="$pages" 'BEGIN {
    printf "%-34s %9.2f %10s %11.0f\n", "kepu, " n " pages, first build", w, p, n / w
    printf "time for %d pages / time for %d pages: %.1f (goal: at most %.0f)\n", n, m, w / k, 0.8 * n / m }'
  rm -rf "$big_out" "$work/.out-kepu-$scale.kepu-manifest"
fi

if [ "${SERVE:-1}" = 1 ]; then
  echo
  echo "kepu serve, $pages pages (benches/serve.sh):"
  KEPU_BENCH_DIR=$work/serve EDITS=${EDITS:-10} "$repo/benches/serve.sh" "$pages"
fi
