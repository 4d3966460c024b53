# Sourced by the benchmarks. `corpus FLAVOR PAGES DIR` makes DIR a generated
# site (once: a marker file keeps it for later runs) and, for kepu, gives it
# the current default theme. Needs $shared (folder with bench/gen_corpus.py)
# and $repo (this repository).
corpus() {
  local flavor=$1 pages=$2 dir=$3
  if [ ! -f "$dir/.corpus-$pages" ]; then
    python3 "$shared/bench/gen_corpus.py" --flavor "$flavor" --pages "$pages" --out "$dir" --force >/dev/null
    touch "$dir/.corpus-$pages"
  fi
  if [ "$flavor" = kepu ]; then
    rm -rf "$dir/themes" && mkdir -p "$dir/themes" && cp -r "$repo/themes/default" "$dir/themes/"
  fi
}
