/*
 * kepu site search, for the /search/ page. Vanilla, no framework, and no
 * request to any other host: it fetches only the pieces of the site's own
 * index (search/) that a query needs.
 *
 *  1. Split the query exactly as the Rust indexer does (src/search/
 *     tokenize.rs): fold, cut into CJK runs and words; a CJK run gives its
 *     bigrams (a lone character itself), a word of 3+ characters also
 *     matches the longer words it starts.
 *  2. Fetch search/index.json, then the shard of each term: FNV-1a of the
 *     term's key modulo the shard count (src/search/chunks.rs).
 *  3. Score pages (weight x idf); keep those holding every term found,
 *     else those holding any, most terms first (src/search/lookup.rs).
 *  4. Fetch d/ID.json for ten results at a time; show the title, the URL
 *     and an excerpt with the matched terms in <mark>, built as DOM nodes
 *     (never as HTML strings, so a title with <script> stays text).
 *
 * Under Node (tests, benchmarks) the same functions are exported and no UI
 * is set up.
 */
(function () {
  "use strict";

  var MAX_WORD = 32;
  var PREFIX_MIN = 3;
  var MAX_QUERY_TERMS = 12;
  var PAGE_SIZE = 10;
  var EXCERPT = 120;
  var CJK = 1;
  var WORD = 2;
  var OTHER = 0;

  /* 1. Tokenizer: the twin of src/search/tokenize.rs ------------------- */

  function codePoints(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          out.push((c - 0xD800) * 0x400 + (d - 0xDC00) + 0x10000);
          i++;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }

  function chr(u) {
    if (u < 0x10000) {
      return String.fromCharCode(u);
    }
    u -= 0x10000;
    return String.fromCharCode(0xD800 + (u >> 10), 0xDC00 + (u & 0x3FF));
  }

  function str(cps) {
    var s = "";
    for (var i = 0; i < cps.length; i++) {
      s += chr(cps[i]);
    }
    return s;
  }

  function foldCode(u) {
    if (u >= 0xFF01 && u <= 0xFF5E) {
      u -= 0xFEE0;
    } else if (u === 0x3000) {
      return 0x20;
    } else if ((u >= 0xC0 && u <= 0xDE && u !== 0xD7) || (u >= 0x391 && u <= 0x3A9 && u !== 0x3A2)) {
      return u + 0x20;
    }
    return u >= 0x41 && u <= 0x5A ? u + 0x20 : u;
  }

  function classOf(u) {
    if ((u >= 0x61 && u <= 0x7A) || (u >= 0x30 && u <= 0x39) || (u >= 0xDF && u <= 0xFF && u !== 0xF7) ||
        (u >= 0x100 && u <= 0x24F) || (u >= 0x3B1 && u <= 0x3C9)) {
      return WORD;
    }
    if ((u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0xF900 && u <= 0xFAFF) ||
        u === 0x3007 || (u >= 0x20000 && u <= 0x323AF) || (u >= 0x3041 && u <= 0x309F) ||
        (u >= 0x30A0 && u <= 0x30FF) || (u >= 0xAC00 && u <= 0xD7AF)) {
      return CJK;
    }
    return OTHER;
  }

  function isDigit(u) {
    return u >= 0x30 && u <= 0x39;
  }

  /* The folded string; it has the same length as `s` in UTF-16 units. */
  function fold(s) {
    var cps = codePoints(s);
    for (var i = 0; i < cps.length; i++) {
      cps[i] = foldCode(cps[i]);
    }
    return str(cps);
  }

  /* Calls emit(class, codePoints) for each CJK or word run of folded `f`. */
  function runs(f, emit) {
    var cps = codePoints(f);
    var cur = OTHER;
    var start = 0;
    for (var i = 0; i < cps.length; i++) {
      var k = classOf(cps[i]);
      if (cps[i] === 0x2E && cur === WORD && i > 0 && isDigit(cps[i - 1]) && i + 1 < cps.length && isDigit(cps[i + 1])) {
        k = WORD;
      }
      if (k !== cur) {
        if (cur !== OTHER) {
          emit(cur, cps.slice(start, i));
        }
        cur = k;
        start = i;
      }
    }
    if (cur !== OTHER) {
      emit(cur, cps.slice(start));
    }
  }

  /* Every term occurrence of `text`, as the index has it. */
  function indexTerms(text) {
    var out = [];
    runs(fold(text), function (k, cps) {
      if (k === WORD) {
        out.push(str(cps.slice(0, MAX_WORD)));
        return;
      }
      for (var i = 0; i < cps.length; i++) {
        out.push(chr(cps[i]));
        if (i + 1 < cps.length) {
          out.push(chr(cps[i]) + chr(cps[i + 1]));
        }
      }
    });
    return out;
  }

  /* The distinct terms of a query: [{text, prefix}]. */
  function queryTerms(q) {
    var out = [];
    function push(text, prefix) {
      if (out.length >= MAX_QUERY_TERMS) {
        return;
      }
      for (var i = 0; i < out.length; i++) {
        if (out[i].text === text) {
          return;
        }
      }
      out.push({ text: text, prefix: prefix });
    }
    runs(fold(q), function (k, cps) {
      if (k === WORD) {
        var w = cps.slice(0, MAX_WORD);
        push(str(w), w.length >= PREFIX_MIN);
        return;
      }
      if (cps.length === 1) {
        push(chr(cps[0]), false);
      }
      for (var i = 0; i + 1 < cps.length; i++) {
        push(chr(cps[i]) + chr(cps[i + 1]), false);
      }
    });
    return out;
  }

  function isWordTerm(term) {
    return term.length > 0 && classOf(codePoints(term)[0]) === WORD;
  }

  /* 2. Shards: the twin of src/search/chunks.rs ------------------------ */

  function fnv1a(s) {
    var h = 0x811c9dc5;
    var cps = codePoints(s);
    function add(b) {
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    }
    for (var i = 0; i < cps.length; i++) {
      var u = cps[i];
      if (u < 0x80) {
        add(u);
      } else if (u < 0x800) {
        add(0xC0 | (u >> 6));
        add(0x80 | (u & 0x3F));
      } else if (u < 0x10000) {
        add(0xE0 | (u >> 12));
        add(0x80 | ((u >> 6) & 0x3F));
        add(0x80 | (u & 0x3F));
      } else {
        add(0xF0 | (u >> 18));
        add(0x80 | ((u >> 12) & 0x3F));
        add(0x80 | ((u >> 6) & 0x3F));
        add(0x80 | (u & 0x3F));
      }
    }
    return h >>> 0;
  }

  function shardKey(term) {
    return isWordTerm(term) ? str(codePoints(term).slice(0, PREFIX_MIN)) : term;
  }

  function shardOf(term, shards) {
    return fnv1a(shardKey(term)) % Math.max(1, shards);
  }

  /* "3b12a" -> [[3, 2], [15, 1]] */
  function decode(p) {
    var out = [];
    var page = 0;
    var gap = 0;
    for (var i = 0; i < p.length; i++) {
      var c = p.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) {
        gap = gap * 10 + (c - 0x30);
      } else {
        page += gap;
        out.push([page, c - 0x60]);
        gap = 0;
      }
    }
    return out;
  }

  /* 3. Lookup: the twin of src/search/lookup.rs ------------------------ */

  function postings(term, shard) {
    var out = {};
    var lines = shard.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var sp = lines[i].indexOf(" ");
      if (sp < 0) {
        continue;
      }
      var t = lines[i].slice(0, sp);
      if (t !== term.text && !(term.prefix && t.lastIndexOf(term.text, 0) === 0)) {
        continue;
      }
      var list = decode(lines[i].slice(sp + 1));
      for (var j = 0; j < list.length; j++) {
        var prev = out[list[j][0]];
        out[list[j][0]] = prev === undefined ? list[j][1] : Math.max(prev, list[j][1]);
      }
    }
    return out;
  }

  /* An index read through fetchText(url) -> Promise<string>. */
  function Index(manifestUrl, fetchText) {
    this.url = manifestUrl;
    this.base = manifestUrl.replace(/[?#].*$/, "").replace(/[^\/]*$/, "");
    this.fetchText = fetchText;
    this.files = {};
    this.manifest = null;
  }

  Index.prototype.load = function () {
    var self = this;
    if (!this.manifest) {
      this.manifest = this.fetchText(this.url).then(JSON.parse);
      this.manifest.catch(function () {
        self.manifest = null;
      });
    }
    return this.manifest;
  };

  /* A file under search/, fetched once. */
  Index.prototype.file = function (path) {
    var self = this;
    return this.load().then(function (m) {
      if (!self.files[path]) {
        self.files[path] = self.fetchText(self.base + path + "?v=" + m.key);
        self.files[path].catch(function () {
          delete self.files[path];
        });
      }
      return self.files[path];
    });
  };

  /* Resolves to {terms, hits: [{page, matched, score}], allTerms, found},
     `found` holding the terms that occur in the index. */
  Index.prototype.search = function (q) {
    var self = this;
    var terms = queryTerms(q);
    if (!terms.length) {
      return Promise.resolve({ terms: terms, hits: [], allTerms: true, found: {} });
    }
    return this.load().then(function (m) {
      return Promise.all(terms.map(function (t) {
        return self.file("t/" + shardOf(t.text, m.shards) + ".txt");
      })).then(function (shards) {
        var pages = {};
        var found = 0;
        var seen = {};
        for (var i = 0; i < terms.length; i++) {
          var list = postings(terms[i], shards[i]);
          var ids = Object.keys(list);
          if (!ids.length) {
            continue;
          }
          found++;
          seen[terms[i].text] = true;
          var idf = Math.log(1 + m.pages / ids.length);
          for (var j = 0; j < ids.length; j++) {
            var p = pages[ids[j]] || (pages[ids[j]] = { page: +ids[j], matched: 0, score: 0 });
            p.matched++;
            p.score += idf * list[ids[j]];
          }
        }
        var hits = Object.keys(pages).map(function (k) {
          return pages[k];
        });
        var all = hits.some(function (h) {
          return h.matched === found;
        });
        if (all) {
          hits = hits.filter(function (h) {
            return h.matched === found;
          });
        }
        hits.sort(function (a, b) {
          return b.matched - a.matched || b.score - a.score || a.page - b.page;
        });
        return { terms: terms, hits: hits, allTerms: all, found: seen };
      });
    });
  };

  /* {t: title, u: url, k: kind, d: date, x: text} of page `id`. */
  Index.prototype.doc = function (id) {
    return this.file("d/" + id + ".json").then(JSON.parse);
  };

  /* 4. Excerpts and marks ---------------------------------------------- */

  function wordAt(f, i) {
    return i >= 0 && i < f.length && classOf(f.charCodeAt(i)) === WORD;
  }

  /* Where the terms occur in `text`: [{s, e, t}] in UTF-16 units, sorted. */
  function occurrences(text, terms) {
    var f = fold(text);
    var out = [];
    for (var ti = 0; ti < terms.length; ti++) {
      var t = terms[ti].text;
      var word = isWordTerm(t);
      var at = f.indexOf(t);
      while (at !== -1 && out.length < 2000) {
        var end = at + t.length;
        var ok = !word || !wordAt(f, at - 1);
        if (ok && word && terms[ti].prefix) {
          while (wordAt(f, end)) {
            end++;
          }
        } else if (word && wordAt(f, end)) {
          ok = false;
        }
        if (ok) {
          out.push({ s: at, e: end, t: ti });
        }
        at = f.indexOf(t, at + 1);
      }
    }
    out.sort(function (a, b) {
      return a.s - b.s || a.e - b.e;
    });
    return out;
  }

  function isLowSurrogate(s, i) {
    var c = s.charCodeAt(i);
    return c >= 0xDC00 && c <= 0xDFFF;
  }

  /* [start, end) of the excerpt: the window holding the most distinct terms. */
  function excerptRange(text, occ, size) {
    var best = -1;
    var bestCount = 0;
    for (var i = 0; i < occ.length && i < 300; i++) {
      var seen = {};
      var count = 0;
      for (var j = i; j < occ.length && occ[j].e <= occ[i].s + size - 20; j++) {
        if (!seen[occ[j].t]) {
          seen[occ[j].t] = true;
          count++;
        }
      }
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    var start = best < 0 ? 0 : Math.max(0, occ[best].s - 20);
    var end = Math.min(text.length, start + size);
    start = Math.max(0, Math.min(start, end - size));
    if (start > 0 && isLowSurrogate(text, start)) {
      start--;
    }
    if (end < text.length && isLowSurrogate(text, end)) {
      end++;
    }
    return [start, end];
  }

  /* Appends text[start, end) to `el`, with the occurrences in <mark>. */
  function appendMarked(el, text, start, end, occ) {
    var doc = el.ownerDocument;
    var pos = start;
    for (var i = 0; i < occ.length; i++) {
      var s = Math.max(occ[i].s, pos);
      var e = Math.min(occ[i].e, end);
      if (e <= s) {
        continue;
      }
      if (s > pos) {
        el.appendChild(doc.createTextNode(text.slice(pos, s)));
      }
      var m = doc.createElement("mark");
      m.textContent = text.slice(s, e);
      el.appendChild(m);
      pos = e;
    }
    if (pos < end) {
      el.appendChild(doc.createTextNode(text.slice(pos, end)));
    }
  }

  /* 5. The page -------------------------------------------------------- */

  function fetchText(url) {
    return window.fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": " + r.status);
      }
      return r.text();
    });
  }

  function queryParam(search) {
    var parts = search.replace(/^\?/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (kv[0] === "q") {
        try {
          return decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
        } catch (e) {
          return "";
        }
      }
    }
    return "";
  }

  function el(doc, tag, className, text) {
    var e = doc.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function resultItem(doc, d, terms) {
    var li = el(doc, "li", "search-result");
    var h = el(doc, "h2", "search-result__title");
    var a = el(doc, "a");
    a.href = d.u;
    var title = d.t || d.u;
    appendMarked(a, title, 0, title.length, occurrences(title, terms));
    h.appendChild(a);
    li.appendChild(h);
    var meta = el(doc, "p", "search-result__meta");
    meta.appendChild(el(doc, "span", "search-result__kind", d.k));
    if (d.d) {
      meta.appendChild(el(doc, "span", "search-result__date", d.d));
    }
    meta.appendChild(el(doc, "span", "search-result__url", a.href));
    li.appendChild(meta);
    var text = d.x || "";
    if (text) {
      var occ = occurrences(text, terms);
      var r = excerptRange(text, occ, EXCERPT);
      var p = el(doc, "p", "search-result__excerpt");
      if (r[0] > 0) {
        p.appendChild(doc.createTextNode("…"));
      }
      appendMarked(p, text, r[0], r[1], occ);
      if (r[1] < text.length) {
        p.appendChild(doc.createTextNode("…"));
      }
      li.appendChild(p);
    }
    return li;
  }

  /* The space-separated words of `q` none of whose terms is in the index. */
  function missingWords(q, found) {
    return q.split(/\s+/).filter(function (w) {
      var terms = queryTerms(w);
      return terms.length > 0 && !terms.some(function (t) {
        return found[t.text];
      });
    });
  }

  function setupPage(doc, win) {
    var form = doc.querySelector("form[data-search-index]");
    var region = doc.getElementById("search-results");
    if (!form || !region || !win.fetch || !win.Promise) {
      return;
    }
    var input = form.querySelector("input[name=q]");
    var index = new Index(form.getAttribute("data-search-index"), fetchText);
    var seq = 0;
    var timer = 0;
    var composing = false;

    function clear() {
      while (region.firstChild) {
        region.removeChild(region.firstChild);
      }
    }

    function say(text) {
      clear();
      region.appendChild(el(doc, "p", "search-status", text));
      region.removeAttribute("aria-busy");
    }

    function showMore(res, list, from, my) {
      var batch = res.hits.slice(from, from + PAGE_SIZE);
      return Promise.all(batch.map(function (h) {
        return index.doc(h.page);
      })).then(function (docs) {
        if (my !== seq) {
          return;
        }
        var first = null;
        for (var i = 0; i < docs.length; i++) {
          var li = resultItem(doc, docs[i], res.terms);
          first = first || li;
          list.appendChild(li);
        }
        var old = region.querySelector(".search-more");
        if (old) {
          old.parentNode.removeChild(old);
        }
        var next = from + batch.length;
        if (next < res.hits.length) {
          var more = el(doc, "button", "button search-more", "显示更多结果（还有 " + (res.hits.length - next) + " 条）");
          more.type = "button";
          more.addEventListener("click", function () {
            more.disabled = true;
            showMore(res, list, next, my).then(function (firstNew) {
              var link = firstNew && firstNew.querySelector("a");
              if (link) {
                link.focus();
              }
            });
          });
          region.appendChild(more);
        }
        region.removeAttribute("aria-busy");
        return first;
      });
    }

    function render(res, q, my) {
      if (!res.hits.length) {
        say("没有找到与“" + q + "”相关的内容。请换一个词，或减少关键词再试。");
        return;
      }
      clear();
      var missing = missingWords(q, res.found);
      var status = !res.allTerms ?
        "没有同时包含全部关键词的内容，以下 " + res.hits.length + " 条包含其中部分关键词" :
        missing.length ?
          "没有找到“" + missing.join("”“") + "”，以下 " + res.hits.length + " 条包含其余关键词" :
          "找到 " + res.hits.length + " 条与“" + q + "”相关的结果";
      region.appendChild(el(doc, "p", "search-status", status));
      var list = el(doc, "ol", "search-results__list");
      region.appendChild(list);
      return showMore(res, list, 0, my);
    }

    function run(q) {
      var my = ++seq;
      q = q.replace(/^\s+|\s+$/g, "");
      if (!q) {
        region.setAttribute("data-query", "");
        say("请输入要搜索的词语。");
        return;
      }
      region.setAttribute("aria-busy", "true");
      region.setAttribute("data-query", q);
      index.search(q).then(function (res) {
        if (my === seq) {
          return render(res, q, my);
        }
      }).catch(function () {
        if (my === seq) {
          say("搜索索引加载失败，请检查网络后重试。");
        }
      });
    }

    function remember(q) {
      if (win.history && win.history.replaceState) {
        var url = win.location.pathname + (q ? "?q=" + encodeURIComponent(q) : "");
        win.history.replaceState(null, "", url);
      }
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      win.clearTimeout(timer);
      remember(input.value);
      run(input.value);
    });
    input.addEventListener("compositionstart", function () {
      composing = true;
    });
    input.addEventListener("compositionend", function () {
      composing = false;
      input.dispatchEvent(new win.Event("input"));
    });
    input.addEventListener("input", function () {
      if (composing) {
        return;
      }
      win.clearTimeout(timer);
      timer = win.setTimeout(function () {
        remember(input.value);
        run(input.value);
      }, 200);
    });

    var q = queryParam(win.location.search);
    if (q) {
      input.value = q;
      var header = doc.getElementById("site-search-q");
      if (header) {
        header.value = q;
      }
      run(q);
    }
  }

  var api = {
    fold: fold,
    indexTerms: indexTerms,
    queryTerms: queryTerms,
    fnv1a: fnv1a,
    shardKey: shardKey,
    shardOf: shardOf,
    decode: decode,
    Index: Index,
    occurrences: occurrences,
    excerptRange: excerptRange
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  }
  if (typeof document !== "undefined" && typeof window !== "undefined") {
    setupPage(document, window);
  }
})();
