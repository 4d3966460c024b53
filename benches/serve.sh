#!/usr/bin/env bash
# Times `kepu serve` on a generated corpus (default 10,000 pages):
#   - time to first serve (start to the first 200 of /) and memory (RSS);
#   - the time from writing an article to its live-reload event, EDITS
#     times for each of two body edits of the newest article:
#       tail     a sentence added at the end (what lists show is unchanged);
#       summary  the first paragraph changed (its lists, tag pages, home,
#                towns, feeds show the new summary);
#   - the time from editing base.html (every page uses it) to its reload;
#   - after the summary edits: that the page, the section list, a tag page,
#     home, the feeds and the sitemap served all show the last edit, and how
#     long the first request for a feed and for the search index wait while
#     those are redone (serve redoes feeds, search and sitemap only when
#     one of their files is asked for).
#
#   benches/serve.sh [PAGES]        default: 10000
#
# Environment: KEPU_SHARED (folder with bench/gen_corpus.py, default
# ../shared), KEPU_BENCH_DIR (work folder, default /dev/shm/kepu-serve-bench),
# EDITS (per kind, default 20), PAUSE (seconds between edits, default 0.3).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${KEPU_SHARED:-$repo/../shared}
work=${KEPU_BENCH_DIR:-/dev/shm/kepu-serve-bench}
n=${1:-10000}

cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=$repo/target/release/kepu
# shellcheck source=benches/corpus.sh
. "$repo/benches/corpus.sh"
mkdir -p "$work"
site=$work/kepu-$n
corpus kepu "$n" "$site"

python3 - "$bin" "$site" "${EDITS:-20}" "${PAUSE:-0.3}" <<'PY'
import os, re, signal, socket, statistics, subprocess, sys, threading, time, urllib.request

binary, site, edits, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
NOW = "2026-11-20T10:00:00+08:00"
TEMPLATE_EDITS = 3
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

start = time.perf_counter()
proc = subprocess.Popen(
    [binary, "serve", "--root", site, "--port", "0", "--now", NOW],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
)
log, seen = [], {"port": None}
def read_log():
    for line in proc.stderr:
        log.append(line.rstrip())
        m = re.search(r"Serving at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            seen["port"] = int(m.group(1))
threading.Thread(target=read_log, daemon=True).start()

def fail(msg):
    proc.kill()
    sys.exit(msg + "\n" + "\n".join(log[-30:]))

deadline = time.time() + 900
while seen["port"] is None:
    if proc.poll() is not None or time.time() > deadline:
        fail("kepu serve did not start")
    time.sleep(0.01)
port = seen["port"]

def get(path):
    with opener.open(f"http://127.0.0.1:{port}{path}", timeout=300) as r:
        return r.read().decode("utf-8", "replace")

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
# Feeds, search and the sitemap are made when first asked for.
t = time.perf_counter()
get("/atom.xml")
first_deferred = time.perf_counter() - t

# The newest article: first in its list, on home, in the feeds.
arts = os.path.join(site, "content", "articles")
def date_of(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^date:\s*(\S+)", f.read(), re.M)
    return m.group(1) if m else ""
files = [f for f in os.listdir(arts) if f.endswith(".md") and f != "_index.md"]
name = max(files, key=lambda f: (date_of(os.path.join(arts, f)), f))
path = os.path.join(arts, name)
url = f"/articles/{name[:-3]}/"
with open(path, encoding="utf-8") as f:
    orig = f.read()
cut = orig.index("\n---\n", 4) + 5
fm, body = orig[:cut], orig[cut:]

class Live:
    def __init__(self):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__kepu/live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        self.f = self.sock.makefile("rb")
        self.wait("hello", 30)

    def wait(self, name, timeout):
        self.sock.settimeout(timeout)
        event = None
        while True:
            line = self.f.readline()
            if not line:
                fail("live-reload stream closed")
            line = line.decode().strip()
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line == "" and event:
                if event == name:
                    return
                event = None

live = Live()

def edit(text):
    t = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    live.wait("reload", 120)
    ms = (time.perf_counter() - t) * 1000
    time.sleep(pause)
    rebuilt = next((l for l in reversed(log) if l.startswith("Rebuilt")), "")
    return ms, rebuilt

results = {}
for kind in ("tail", "summary"):
    times, notes = [], []
    for k in range(edits):
        if kind == "tail":
            text = fm + body + f"\n补充说明第{k}次。\n"
        else:
            text = fm + f"编辑第{k}次的开头。\n\n" + body
        ms, note = edit(text)
        times.append(ms)
        notes.append(note)
    results[kind] = (times, notes[-1])

marker = f"编辑第{edits - 1}次的开头"
page = get(url)
checks = {"page": marker in page}
checks["section list"] = marker in get("/articles/")
tags = re.findall(r'href="(/tags/[^"]+/)"', page)
checks["tag page"] = bool(tags) and marker in get(tags[0])
checks["home"] = marker in get("/")
t = time.perf_counter()
atom = get("/atom.xml")
feeds_after = time.perf_counter() - t
t = time.perf_counter()
get("/search/index.json")
search_after = time.perf_counter() - t
checks["site feed"] = marker in atom
checks["section feed"] = marker in get("/articles/atom.xml")
checks["sitemap"] = f"/articles/{name[:-3]}/" in get("/sitemap.xml")

# A template every page uses: each edit re-renders every page.
tpl = os.path.join(site, "themes", "default", "templates", "base.html")
with open(tpl, encoding="utf-8") as f:
    tpl_orig = f.read()
tpl_times = []
for k in range(TEMPLATE_EDITS):
    t = time.perf_counter()
    with open(tpl, "w", encoding="utf-8") as f:
        f.write(tpl_orig + f"\n<!-- template edit {k} -->\n")
    live.wait("reload", 600)
    tpl_times.append((time.perf_counter() - t) * 1000)
    time.sleep(pause)
tpl_note = next((l for l in reversed(log) if l.startswith("Rebuilt")), "")
checks["template edit"] = f"template edit {TEMPLATE_EDITS - 1}" in get("/articles/")
with open(tpl, "w", encoding="utf-8") as f:
    f.write(tpl_orig)
live.wait("reload", 600)
rss_end, peak = memory()

with open(path, "w", encoding="utf-8") as f:
    f.write(orig)
live.wait("reload", 120)
proc.send_signal(signal.SIGINT)
try:
    code = proc.wait(timeout=30)
except subprocess.TimeoutExpired:
    fail("kepu serve did not stop on SIGINT")

pages = next((l for l in log if l.startswith("Built")), "")
print(f"site: {site}  ({pages})")
print(f"time to first serve: {first_serve:.2f} s   memory: {rss_start:.0f} MiB after start, "
      f"{rss_end:.0f} MiB at the end, peak {peak:.0f} MiB")
print(f"{'edit':<8} {'n':>3} {'median_ms':>10} {'worst_ms':>9}  last rebuild")
for kind, (times, note) in results.items():
    print(f"{kind:<8} {len(times):>3} {statistics.median(times):>10.1f} {max(times):>9.1f}  {note}")
print(f"{'template':<8} {len(tpl_times):>3} {statistics.median(tpl_times):>10.1f} {max(tpl_times):>9.1f}  {tpl_note}")
print(f"first request for a feed after start (feeds, search, sitemap made): {first_deferred:.2f} s")
print(f"after the edits, first request for a feed: {feeds_after:.2f} s, for the search index: {search_after:.2f} s")
print("up to date after the last edit: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in checks.items()))
print(f"stopped with Ctrl-C: exit {code}")
if not all(checks.values()) or code != 0:
    sys.exit(1)
PY
