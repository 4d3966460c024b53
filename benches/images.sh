#!/usr/bin/env bash
# Images for phones, measured: COUNT photo-sized JPEGs (4032×3024, made by
# examples/bench_photos.rs, noisy so they compress like photos) in one page
# bundle added to a PAGES-page corpus.
#
#   benches/images.sh
#
# Prints: the cold build (empty .kepu-cache/): wall time, megapixels per
# second and peak memory; the warm build against the same corpus without
# the photos (what images cost once cached); the bytes a phone at 390 px
# downloads (the 480-wide renditions) against the originals; and Hugo's
# image processing (`.Resize "800x webp"`, Debian's `hugo`) on the same
# photos, cold (empty resources/_gen) and warm, as the anchor.
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-images),
# PAGES (default 1000), COUNT (default 50), RUNS (default 3).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-images}
pages=${PAGES:-1000}
count=${COUNT:-50}
runs=${RUNS:-3}
now=2026-11-20T10:00:00+08:00

cargo build --release --quiet --manifest-path "$repo/Cargo.toml" --bin kepu --example bench_photos
bin=$repo/target/release/kepu
mkdir -p "$work"

photos=$work/photos-$count
if [ ! -f "$photos/.done" ]; then
  rm -rf "$photos"
  "$repo/target/release/examples/bench_photos" "$photos" "$count"
  touch "$photos/.done"
fi

# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"
base=$work/kepu-$pages
corpus kepu "$pages" "$base"
site=$work/kepu-img-$pages
rm -rf "$site" && cp -r "$base" "$site"
bundle=$site/content/articles/photos
mkdir -p "$bundle"
cp -p "$photos"/*.jpg "$bundle/"
{
  printf -- '---\ntitle: 仙龙村科普站活动照片\ndate: 2026-11-01\n---\n活动现场。\n'
  for f in "$photos"/*.jpg; do
    n=$(basename "$f")
    printf '\n![活动照片 %s](%s)\n' "${n%.jpg}" "$n"
  done
} > "$bundle/index.md"

timed() {
  local log=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || {
    echo "failed: $*"; tail -20 "$work/stderr.txt"; exit 1; }
  cat "$work/time.txt" >> "$log"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
peak() { awk '{ if ($2 > m) m = $2 } END { printf "%.0f", m / 1024 }'; }

out=$work/out-img
base_out=$work/out-base
: > "$work/cold.log"; : > "$work/warm.log"; : > "$work/base.log"; : > "$work/hugo-cold.log"; : > "$work/hugo-warm.log"
for _ in $(seq "$runs"); do
  rm -rf "$site/.kepu-cache" "$out"
  timed "$work/cold.log" "$bin" build --root "$site" -o "$out" --now "$now"
  timed "$work/warm.log" "$bin" build --root "$site" -o "$out" --now "$now"
  timed "$work/base.log" "$bin" build --root "$base" -o "$base_out" --now "$now"
done

have_hugo=0
if command -v hugo >/dev/null; then
  have_hugo=1
  hsite=$work/hugo-img
  rm -rf "$hsite" && mkdir -p "$hsite/content/photos" "$hsite/layouts/_default"
  cp "$photos"/*.jpg "$hsite/content/photos/"
  printf 'baseURL = "https://kepu.example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n' > "$hsite/hugo.toml"
  printf -- '---\ntitle: photos\n---\n' > "$hsite/content/photos/index.md"
  printf '{{ range .Resources.ByType "image" }}{{ with .Resize "800x webp" }}<img src="{{ .RelPermalink }}" width="{{ .Width }}" height="{{ .Height }}">{{ end }}{{ end }}\n' > "$hsite/layouts/_default/single.html"
  printf '{{ range .Pages }}{{ .Title }}{{ end }}\n' > "$hsite/layouts/_default/list.html"
  for _ in $(seq "$runs"); do
    rm -rf "$hsite/resources" "$hsite/public"
    timed "$work/hugo-cold.log" hugo --quiet --source "$hsite"
    timed "$work/hugo-warm.log" hugo --quiet --source "$hsite"
  done
fi

mp=$(awk -v n="$count" 'BEGIN { printf "%.1f", n * 4032 * 3024 / 1e6 }')
cold=$(cut -d' ' -f1 "$work/cold.log" | median)
warm=$(cut -d' ' -f1 "$work/warm.log" | median)
basew=$(cut -d' ' -f1 "$work/base.log" | median)
orig=$(cat "$photos"/*.jpg | wc -c)
phone_webp=$(cat "$out"/articles/photos/*-480.webp | wc -c)
phone_jpg=$(cat "$out"/articles/photos/*-480.jpg | wc -c)
all_out=$(cat "$out"/articles/photos/*.webp "$out"/articles/photos/*.jpg | wc -c)
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $count photos of 4032×3024 ($mp megapixels, $(mib "$orig")) in a $pages-page corpus; median of $runs runs"
echo
echo "| build | wall | peak memory | throughput |"
echo "|---|---|---|---|"
printf '| kepu, cold (empty .kepu-cache/) | %.2f s | %s MiB | %.1f MP/s |\n' "$cold" "$(peak < "$work/cold.log")" "$(awk -v m="$mp" -v t="$cold" 'BEGIN { print m / t }')"
printf '| kepu, warm (cached) | %.2f s | %s MiB | |\n' "$warm" "$(peak < "$work/warm.log")"
printf '| kepu, same corpus without the photos | %.2f s | %s MiB | |\n' "$basew" "$(peak < "$work/base.log")"
if [ "$have_hugo" = 1 ]; then
  hc=$(cut -d' ' -f1 "$work/hugo-cold.log" | median)
  hw=$(cut -d' ' -f1 "$work/hugo-warm.log" | median)
  printf '| Hugo %s `.Resize "800x webp"`, cold | %.2f s | %s MiB | %.1f MP/s |\n' "$(hugo version | grep -oE 'v[0-9.]+' | head -1)" "$hc" "$(peak < "$work/hugo-cold.log")" "$(awk -v m="$mp" -v t="$hc" 'BEGIN { print m / t }')"
  printf '| Hugo, warm (resources/_gen) | %.2f s | %s MiB | |\n' "$hw" "$(peak < "$work/hugo-warm.log")"
fi
echo
printf 'Warm overhead of the photos: %s s (%s %%)\n' "$(awk -v a="$warm" -v b="$basew" 'BEGIN { printf "%.2f", a - b }')" "$(awk -v a="$warm" -v b="$basew" 'BEGIN { printf "%.0f", (a - b) * 100 / b }')"
echo "Bytes at 390 px (480-wide renditions): WebP $(mib "$phone_webp"), JPEG fallback $(mib "$phone_jpg"); originals $(mib "$orig") ($(awk -v a="$phone_webp" -v b="$orig" 'BEGIN { printf "%.1f", a * 100 / b }') % as WebP)"
echo "Every rendition kepu wrote: $(mib "$all_out") in $(ls "$out"/articles/photos/ | wc -l) files"
