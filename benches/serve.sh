#!/usr/bin/env bash
# Times `kepu serve` on a generated corpus (default 10,000 pages):
#   - time to first serve (start to the first 200 of /) and memory (RSS,
#     peak while serving);
#   - for each kind of edit, EDITS times, the time from writing a file to
#     the moment every page that depends on it serves the new content,
#     checked over HTTP (polling each dependent URL until it shows the
#     edit; a page redone on demand counts when it is served):
#       body      a sentence added at the end of the newest article
#       title     the newest article's title (its page, neighbour, list,
#                 home, tag and category pages, town page, feeds)
#       save      the title edit saved through a temporary file renamed
#                 over the page (as some editors and `sed -i` save)
#       tag       one of its tags swapped for another and back (its page,
#                 both terms' first pages)
#       date      its date moved before every other article and back (it
#                 moves from the first list page to the last and back:
#                 every list page between shifts by one)
#       new       a new newest article (list, home, tag page, feed)
#       delete    that article deleted again
#       rename    its file renamed and back (new address served, old gone,
#                 list links the new one)
#       template  article.html (the template of one page kind), on three
#                 articles of the list
#   - base.html (every page) edited a few times;
#   - the first request for a feed and for the search index (serve makes
#     feeds, search and the sitemap when one of their files is asked for);
#   - with CHECK=1 (default), at the end: every file served equals a fresh
#     `kepu build --drafts` of the same files, byte for byte.
#
#   benches/serve.sh [PAGES]        default: 10000
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-serve-bench),
# KEPU_BIN (a kepu binary to time instead of building this one), EDITS (per
# kind, default 20), PAUSE (seconds between edits, default 0.3), CHECK.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-serve-bench}
n=${1:-10000}

bin=${KEPU_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
  bin=$repo/target/release/kepu
fi
# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"
mkdir -p "$work"
# The edits change the corpus and put it back at the end: one run at a time.
exec 9>"$work/.serve-bench.lock"
flock -n 9 || { echo "serve.sh: another run is using $work" >&2; exit 1; }
site=$work/kepu-$n
corpus kepu "$n" "$site"

python3 - "$bin" "$site" "${EDITS:-20}" "${PAUSE:-0.3}" "${CHECK:-1}" <<'PY'
import os, re, signal, statistics, subprocess, sys, tempfile, threading, time, urllib.error, urllib.parse, urllib.request

binary, site, edits, pause, check = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5] == "1"
NOW = "2026-11-20T10:00:00+08:00"
BASE_EDITS = 3
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

start = time.perf_counter()
proc = subprocess.Popen(
    [binary, "serve", "--root", site, "--port", "0", "--now", NOW],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    env=dict(os.environ, KEPU_LANG="en"),
)
log, seen = [], {"port": None}
def read_log():
    for line in proc.stderr:
        log.append(line.rstrip())
        m = re.search(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            seen["port"] = int(m.group(1))
threading.Thread(target=read_log, daemon=True).start()

saved = {}
def restore():
    for p, text in saved.items():
        if text is None:
            if os.path.exists(p):
                os.remove(p)
        else:
            write(p, text)
    renamed = os.path.join(site, "content", "articles", f"{saved_lone[0]}-renamed.md") if saved_lone else None
    if renamed and os.path.exists(renamed):
        os.rename(renamed, renamed.replace("-renamed.md", ".md"))

saved_lone = []
def fail(msg):
    proc.kill()
    restore()
    sys.exit(msg + "\n" + "\n".join(log[-30:]))

deadline = time.time() + 900
while seen["port"] is None:
    if proc.poll() is not None or time.time() > deadline:
        fail("kepu serve did not start")
    time.sleep(0.01)
port = seen["port"]

def fetch(path):
    try:
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=300) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def get(path):
    status, body = fetch(path)
    return body.decode("utf-8", "replace") if status == 200 else ""

home = get("/")
first_serve = time.perf_counter() - start

def memory():
    fields = {}
    with open(f"/proc/{proc.pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            fields[k] = v.strip()
    kb = lambda k: int(fields.get(k, "0 kB").split()[0])
    return kb("VmRSS") / 1024, kb("VmHWM") / 1024

rss_start, _ = memory()
t = time.perf_counter()
get("/atom.xml")
first_deferred = time.perf_counter() - t

arts = os.path.join(site, "content", "articles")
def read(p):
    with open(p, encoding="utf-8") as f:
        return f.read()
def write(p, text):
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)
def date_of(p):
    m = re.search(r"^date:\s*(\S+)", read(p), re.M)
    return m.group(1) if m else ""
files = sorted(f for f in os.listdir(arts) if f.endswith(".md") and f != "_index.md")
name = max(files, key=lambda f: (date_of(os.path.join(arts, f)), f))
path = os.path.join(arts, name)
slug = name[:-3]
url = f"/articles/{slug}/"
orig = read(path)
cut = orig.index("\n---\n", 4) + 5
fm, body = orig[:cut], orig[cut:]
title = re.search(r'^title:\s*"?(.*?)"?$', fm, re.M).group(1)

page = get(url)
tag_urls = re.findall(r'href="(/tags/[^"]+/)"', page)
cat_urls = re.findall(r'href="(/categories/[^"]+/)"', page)
town_urls = sorted(set(re.findall(r'href="(/towns/[^"]+/)"', page)))
listed = re.findall(r'href="(/articles/[a-z0-9-]+/)"', get("/articles/"))
neighbours = re.findall(r'<a href="(/articles/[a-z0-9-]+/)" rel="(?:prev|next)"', page)
# Pages that show the newest article's title now: a title edit must reach each.
candidates = [url, "/", "/articles/", "/atom.xml", "/rss.xml", "/articles/atom.xml"]
candidates += tag_urls + cat_urls + town_urls + neighbours
title_deps = [p for p in candidates if title in get(p)]
other_tag = next(u for u in re.findall(r'href="(/tags/[^"]+/)"', get("/tags/")) if u not in tag_urls)
other_tag_name = re.search(r'href="' + re.escape(other_tag) + r'"[^>]*>\s*([^<]+?)\s*<', get("/tags/")).group(1)
last_page = max(int(n) for n in re.findall(r'href="/articles/page/(\d+)/"', get("/articles/")))
some_articles = [url] + listed[5:6] + [l for l in re.findall(r'href="(/articles/[a-z0-9-]+/)"', get(f"/articles/page/{last_page}/"))][:1]
tags_line = re.search(r"^tags:.*$", fm, re.M).group(0)
# Renaming a page other pages link to breaks their links (an error, as in a
# build): the newest article nobody links to is renamed.
linked = set()
for d, _, fs in os.walk(os.path.join(site, "content")):
    for f in fs:
        if f.endswith(".md"):
            linked.update(re.findall(r"@/articles/([a-z0-9-]+)\.md", read(os.path.join(d, f))))
lone = max((f for f in files if f[:-3] not in linked), key=lambda f: (date_of(os.path.join(arts, f)), f))[:-3]
lone_title = re.search(r'^title:\s*"?(.*?)"?$', read(os.path.join(arts, lone + ".md")), re.M).group(1)
lone_list = next((p for p in ["/articles/"] + [f"/articles/page/{i}/" for i in range(2, 6)]
                  if f"/articles/{lone}/" in get(p)), None)
def keep(p):
    saved.setdefault(p, read(p) if os.path.exists(p) else None)

def settle(checks, limit=120):
    """Polls each (path, test) until every test passes; returns ms since `t0`."""
    left = list(checks)
    end = time.perf_counter() + limit
    while left:
        if time.perf_counter() > end:
            fail(f"not up to date after {limit} s: {[p for p, _ in left]}")
        left = [(p, test) for p, test in left if not test(p)]
        if left:
            time.sleep(0.001)
    return (time.perf_counter() - t0) * 1000

has = lambda needle: lambda p: needle in get(p)
lacks = lambda needle: lambda p: fetch(p)[0] == 200 and needle not in get(p)
gone = lambda p: fetch(p)[0] == 404

keep(path)
saved_lone.append(lone)
results = {}
def record(kind, ms):
    results.setdefault(kind, []).append(ms)
    time.sleep(pause)

def edit_file(p, text):
    global t0
    t0 = time.perf_counter()
    write(p, text)

for k in range(edits):
    # body
    marker = f"补充说明第{k}次。"
    edit_file(path, fm + body + f"\n{marker}\n")
    record("body", settle([(url, has(marker))]))
for k in range(edits):
    # title
    new_title = f"{title}（改{k}）"
    edit_file(path, fm.replace(title, new_title, 1) + body)
    record("title", settle([(p, has(new_title)) for p in title_deps]))
for k in range(edits):
    # save: the title edit saved as some editors and `sed -i` do, into a
    # temporary file beside the page that is then renamed over it
    new_title = f"{title}（存{k}）"
    temp = os.path.join(arts, f"sedT{k}q")
    t0 = time.perf_counter()
    write(temp, fm.replace(title, new_title, 1) + body)
    os.rename(temp, path)
    record("save", settle([(p, has(new_title)) for p in title_deps]))
write(path, orig); time.sleep(1)
for k in range(edits):
    # tag: the first tag swapped for another one, then back
    swapped = k % 2 == 0
    first_tag = re.search(r'\["?([^",\]]+)', tags_line).group(1)
    line = tags_line.replace(first_tag, other_tag_name, 1) if swapped else tags_line
    edit_file(path, fm.replace(tags_line, line) + body)
    if swapped:
        checks = [(url, has(other_tag)), (other_tag, has(url)), (tag_urls[0], lacks(url))]
    else:
        checks = [(url, has(tag_urls[0])), (tag_urls[0], has(url)), (other_tag, lacks(url))]
    record("tag", settle(checks))
write(path, orig); time.sleep(1)
date_line = re.search(r"^date:.*$", fm, re.M).group(0)
for k in range(edits):
    # date: before every article (the last list page), then back
    moved = k % 2 == 0
    day = f"2018-12-{1 + k // 2:02d}"
    line = f"date: {day}" if moved else date_line
    edit_file(path, fm.replace(date_line, line) + body)
    if moved:
        checks = [(url, has(f"2018年12月{1 + k // 2}日")), (f"/articles/page/{last_page}/", has(url)), ("/articles/", lacks(url))]
    else:
        checks = [(url, lacks("2018年12月")), ("/articles/", has(url)), (f"/articles/page/{last_page}/", lacks(url))]
    record("date", settle(checks))
write(path, orig); time.sleep(1)
for k in range(edits):
    # new, then delete
    new_name = f"bench-new-{k}"
    new_url = f"/articles/{new_name}/"
    new_title = f"新建的文章第{k}篇"
    new_path = os.path.join(arts, new_name + ".md")
    keep(new_path)
    text = re.sub(r"^date:.*$", "date: 2026-11-19", fm.replace(title, new_title, 1), count=1, flags=re.M) + body
    edit_file(new_path, text)
    record("new", settle([(new_url, has(new_title)), ("/articles/", has(new_url)), ("/", has(new_url)),
                          (tag_urls[0], has(new_url)), ("/atom.xml", has(new_title))]))
    t0 = time.perf_counter()
    os.remove(new_path)
    record("delete", settle([(new_url, gone), ("/articles/", lacks(new_url)), ("/", lacks(new_url)),
                             (tag_urls[0], lacks(new_url)), ("/atom.xml", lacks(new_title))]))
for k in range(edits):
    # rename and back
    there = k % 2 == 0
    a, b = (lone, lone + "-renamed") if there else (lone + "-renamed", lone)
    t0 = time.perf_counter()
    os.rename(os.path.join(arts, a + ".md"), os.path.join(arts, b + ".md"))
    checks = [(f"/articles/{b}/", has(lone_title)), (f"/articles/{a}/", gone)]
    record("rename", settle(checks + ([(lone_list, has(f"/articles/{b}/"))] if lone_list else [])))
tpl = os.path.join(site, "themes", "default", "templates", "article.html")
tpl_orig = read(tpl)
keep(tpl)
for k in range(edits):
    marker = f"<!-- template edit {k} -->"
    at = tpl_orig.rindex("{% endblock")
    edit_file(tpl, tpl_orig[:at] + marker + tpl_orig[at:])
    record("template", settle([(p, has(marker)) for p in some_articles]))
write(tpl, tpl_orig); time.sleep(1)
base = os.path.join(site, "themes", "default", "templates", "base.html")
base_orig = read(base)
keep(base)
for k in range(BASE_EDITS):
    marker = f"<!-- base edit {k} -->"
    at = base_orig.rindex("</body>")
    edit_file(base, base_orig[:at] + marker + base_orig[at:])
    record("base", settle([(p, has(marker)) for p in ["/", "/articles/", url, tag_urls[0]]], 600))
write(base, base_orig); time.sleep(1)
settle([(url, lacks("base edit"))], 600)
t = time.perf_counter()
get("/atom.xml")
feeds_after = time.perf_counter() - t
t = time.perf_counter()
get("/search/index.json")
search_after = time.perf_counter() - t
rss_end, peak = memory()
restore()

same = None
if check:
    out = tempfile.mkdtemp(dir=os.path.dirname(site))
    built = subprocess.run([binary, "build", "--root", site, "--drafts", "--now", NOW,
                            "--base-url", f"http://127.0.0.1:{port}/", "-o", os.path.join(out, "site")],
                           capture_output=True, text=True)
    if built.returncode != 0:
        fail("fresh build failed:\n" + built.stderr[-3000:])
    root = os.path.join(out, "site")
    want = sorted(os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/")
                  for d, _, fs in os.walk(root) for f in fs if f != ".kepu-output")
    got = sorted(get("/__kepu/files").splitlines())
    differ = [] if want == got else [f"files: {len(set(want) - set(got))} missing, {len(set(got) - set(want))} extra"]
    live = re.compile(rb"<script data-kepu-live>.*?</script>", re.S)
    for p in want:
        status, served = fetch("/" + urllib.parse.quote(p))
        if p.endswith(".html"):
            served = live.sub(b"", served, count=1)
        with open(os.path.join(root, p), "rb") as f:
            if status != 200 or served != f.read():
                differ.append(p)
    subprocess.run(["rm", "-rf", out])
    same = (len(want), differ)

proc.send_signal(signal.SIGINT)
try:
    code = proc.wait(timeout=30)
except subprocess.TimeoutExpired:
    fail("kepu serve did not stop on SIGINT")

pages = next((l for l in log if l.startswith("Built")), "")
print(f"site: {site}  ({pages}); load average {os.getloadavg()[0]:.1f} at the end on {os.cpu_count()} cores")
print(f"time to first serve: {first_serve:.2f} s   memory: {rss_start:.0f} MiB after start, "
      f"{rss_end:.0f} MiB at the end, peak {peak:.0f} MiB")
print(f"{'edit':<9} {'n':>3} {'median_ms':>10} {'worst_ms':>9}   (write → every dependent page served new)")
for kind, times in results.items():
    print(f"{kind:<9} {len(times):>3} {statistics.median(times):>10.1f} {max(times):>9.1f}")
print(f"title edit reaches: {', '.join(title_deps)}")
print(f"first request for a feed after start (feeds, search, sitemap made): {first_deferred:.2f} s")
print(f"after the edits, first request for a feed: {feeds_after:.2f} s, for the search index: {search_after:.2f} s")
if same is not None:
    n, differ = same
    print(f"served site against a fresh build: {n} files, " + ("all equal" if not differ else f"{len(differ)} differ: {differ[:10]}"))
print(f"stopped with Ctrl-C: exit {code}")
if code != 0 or (same is not None and same[1]):
    sys.exit(1)
PY
