#!/usr/bin/env bash
# Times `kepu import wechat --offline` on a folder of N saved pages (copies
# of tests/fixtures/wechat/saved/ with their own title and address, each
# with its _files folder): the first import into an empty site, and the
# same import again (every article found by its address, nothing written).
#
#   benches/import.sh [N]            default: 200
#
# Environment: KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-bench-import),
# RUNS (timed runs, default 5). Uses farm-bench when it is installed.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-bench-import}
n=${1:-200}
runs=${RUNS:-5}

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/kepu
fixture=$repo/tests/fixtures/wechat/saved
page="夏季防中暑，这些知识要知道"

rm -rf "$work"
mkdir -p "$work/pages" "$work/site"
printf 'title: bench\nbase_url: https://kepu.example.org/\ntimezone: Asia/Shanghai\n' >"$work/site/site.yaml"
for i in $(seq 1 "$n"); do
  sed -e "s/mid=2650001234/mid=$((2650100000 + i))/g" -e "s/夏季防中暑，这些知识要知道/第${i}期：夏季防中暑/g" \
    "$fixture/$page.html" >"$work/pages/a$i.html"
  cp -r "$fixture/${page}_files" "$work/pages/a${i}_files"
  # The saved page names its own _files folder.
  sed -i "s#./${page}_files/#./a${i}_files/#g" "$work/pages/a$i.html"
done

first="rm -rf $work/site/content && exec $bin --root $work/site import wechat --offline $work/pages"
again="exec $bin --root $work/site import wechat --offline $work/pages"
if command -v farm-bench >/dev/null; then
  echo "first import of $n pages:"
  farm-bench -n "$runs" -- sh -c "$first >/dev/null 2>&1"
  sh -c "$first" >/dev/null 2>&1 || true
  echo "the same $n pages again (all unchanged):"
  farm-bench -n "$runs" -- sh -c "$again >/dev/null 2>&1"
else
  /usr/bin/time -f "first import of $n pages: %e s, %M KiB" sh -c "$first >/dev/null 2>&1"
  /usr/bin/time -f "again: %e s, %M KiB" sh -c "$again >/dev/null 2>&1"
fi
ls "$work/site/content/articles" | wc -l | xargs printf 'bundles written: %s\n'
