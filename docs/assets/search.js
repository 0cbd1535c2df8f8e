// Search over the site's own index (generator/search/index.py describes the files). Exact:
// the pages listed are the pages whose text holds every word of the query, no segmenter
// between the index and the query. The index files are scripts, so they load from a web
// server and from disk (file://) alike; nothing comes from the network.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL("../search-index/", script.src);
  var root = new URL("../", script.src);
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALUE = {};
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS[d]] = d;
  var files = {}, arrived = {};

  window.rsSearch = {
    load: function (name, data) { arrived[name] = data; },
    query: query,
    words: function (q) { return words(q).map(function (w) { return w.join(""); }); },
  };

  // One index file, once: a <script> tag, then the data it handed to rsSearch.load.
  function need(name) {
    if (!files[name]) {
      files[name] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = new URL(name + ".js", base).href;
        tag.onload = function () {
          if (name in arrived) return resolve(arrived[name]);
          delete files[name];
          reject(new Error("搜索索引缺少 " + name));
        };
        tag.onerror = function () {
          delete files[name];  // asked again next time: a file that failed once may load later
          tag.remove();
          reject(new Error("搜索索引缺少 " + name));
        };
        document.head.appendChild(tag);
      });
    }
    return files[name];
  }

  // The same fixed tables as generator/search/index.py (FOLD, SPACE), not the browser's
  // Unicode tables, which differ from Python's: full-width forms as ASCII, A–Z as a–z.
  var SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
    "\u2028\u2029\u202f\u205f\u3000\ufeff\x1c\x1d\x1e\x1f\x85";
  var SPACES = new RegExp("[" + SPACE + "]+");
  function fold(c) {
    var code = c.codePointAt(0);
    if (code >= 0xFF01 && code <= 0xFF5E) code -= 0xFEE0;
    else if (code === 0x3000) code = 0x20;
    if (code >= 0x41 && code <= 0x5A) code += 32;
    return String.fromCodePoint(code);
  }

  function bucketOf(key, buckets) {
    var h = 2166136261;
    for (var ch of key) h = Math.imul((h ^ ch.codePointAt(0)) >>> 0, 16777619) >>> 0;
    return h % buckets;
  }

  function decode(s) {
    var out = [], v = 0, scale = 1;
    for (var i = 0; i < s.length; i++) {
      var digit = VALUE[s[i]];
      v += (digit & 31) * scale;
      if (digit & 32) { scale *= 32; } else { out.push(v); v = 0; scale = 1; }
    }
    return out;
  }

  // page → positions of a pair of characters
  function pairPostings(s) {
    var a = decode(s), map = new Map(), i = 0, page = 0;
    while (i < a.length) {
      page += a[i];
      var n = a[i + 1], p = a[i + 2], spots = [p];
      for (var k = 1; k < n; k++) { p += a[i + 2 + k]; spots.push(p); }
      map.set(page, spots);
      i += 2 + n;
    }
    return map;
  }

  // page → {count, first} of one character
  function charPostings(s) {
    var a = decode(s), map = new Map(), page = 0;
    for (var i = 0; i < a.length; i += 3) {
      page += a[i];
      map.set(page, { count: a[i + 1], first: a[i + 2] });
    }
    return map;
  }

  // page → {count, first} of one word (no white space in it)
  async function findWord(meta, word) {
    if (word.length === 1) {
      var single = await need("u/" + bucketOf(word[0], meta.buckets));
      return word[0] in single ? charPostings(single[word[0]]) : new Map();
    }
    var offsets = [];
    for (var o = 0; o <= word.length - 2; o += 2) offsets.push(o);
    if (offsets[offsets.length - 1] !== word.length - 2) offsets.push(word.length - 2);
    var lists = [];
    for (var off of offsets) {
      var key = word[off] + word[off + 1];
      var bucket = await need("b/" + bucketOf(key, meta.buckets));
      if (!(key in bucket)) return new Map();
      lists.push({ off: off, map: pairPostings(bucket[key]) });
    }
    lists.sort(function (a, b) { return a.map.size - b.map.size; });
    var found = new Map(), lead = lists[0];
    lead.map.forEach(function (spots, page) {
      var others = [];
      for (var j = 1; j < lists.length; j++) {
        var there = lists[j].map.get(page);
        if (!there) return;
        others.push({ off: lists[j].off, at: new Set(there) });
      }
      var count = 0, first = -1;
      for (var p of spots) {
        var start = p - lead.off;
        if (others.every(function (x) { return x.at.has(start + x.off); })) {
          count++;
          if (first < 0 || start < first) first = start;
        }
      }
      if (count) found.set(page, { count: count, first: first });
    });
    return found;
  }

  function words(q) {
    return Array.from(q).map(fold).join("").split(SPACES).filter(Boolean).map(function (w) { return Array.from(w); });
  }

  // Every page that holds every word, best first: the words in its title, then how often
  // they occur, then the later year. filter: {region: name, year: number}.
  async function query(q, filter) {
    var meta = await need("meta");
    var list = words(q);
    if (!list.length) return [];
    var maps = [];
    for (var w of list) maps.push(await findWord(meta, w));
    var lengths = new Map(maps.map(function (m, i) { return [m, list[i].length]; }));
    maps.sort(function (a, b) { return a.size - b.size; });
    var region = filter && filter.region ? meta.regions.indexOf(filter.region) : -2;
    if (region === -1) return [];  // a region the index does not hold has no pages
    var year = filter && filter.year ? Number(filter.year) : 0;
    var folded = list.map(function (w) { return w.join(""); });
    var results = [];
    maps[0].forEach(function (hit, page) {
      var count = hit.count;
      for (var j = 1; j < maps.length; j++) {
        var other = maps[j].get(page);
        if (!other) return;
        count += other.count;
      }
      var entry = meta.pages[page];
      if (region !== -2 && entry[2] !== region) return;
      if (year && entry[3] !== year) return;
      var title = Array.from(entry[1]).map(fold).join("");
      results.push({
        page: page, url: entry[0], title: entry[1], region: entry[2] >= 0 ? meta.regions[entry[2]] : "",
        year: entry[3], count: count, first: hit.first, length: lengths.get(maps[0]),
        words: folded, inTitle: folded.every(function (w) { return title.indexOf(w) >= 0; }),
      });
    });
    results.sort(function (a, b) {
      return (b.inTitle - a.inTitle) || (b.count - a.count) || (b.year - a.year) || (a.page - b.page);
    });
    return results;
  }

  // The block around a match, with the match marked, and the anchor it sits under.
  async function snippet(meta, result) {
    var starts = meta.pages[result.page][4], chunk = 0;
    while (chunk + 1 < starts.length && starts[chunk + 1] <= result.first) chunk++;
    var blocks = await need("t/" + result.page + "-" + chunk), block = blocks[0];
    for (var b of blocks) if (b[0] <= result.first) block = b;
    var text = Array.from(block[2]), at = result.first - block[0], length = result.length;
    var from = Math.max(0, at - 30), to = Math.min(text.length, at + length + 60);
    return {
      anchor: block[1],
      before: (from > 0 ? "…" : "") + text.slice(from, at).join(""),
      match: text.slice(at, at + length).join(""),
      after: text.slice(at + length, to).join("") + (to < text.length ? "…" : ""),
    };
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // The search page: a box, region and year filters, results as you type.
  function page(form) {
    var box = form.querySelector("#rs-q"), regionBox = form.querySelector("#rs-region");
    var yearBox = form.querySelector("#rs-year"), status = document.getElementById("rs-status");
    var list = document.getElementById("rs-results"), more = document.getElementById("rs-more");
    var shown = [], next = 0, asked = 0, timer = 0;
    var params = new URLSearchParams(location.search);
    box.value = params.get("q") || "";
    regionBox.value = params.get("region") || "";
    yearBox.value = params.get("year") || "";

    function remember() {
      var p = new URLSearchParams();
      if (box.value) p.set("q", box.value);
      if (regionBox.value) p.set("region", regionBox.value);
      if (yearBox.value) p.set("year", yearBox.value);
      try { history.replaceState(null, "", "?" + p.toString()); } catch (e) { /* file:// may refuse */ }
    }

    function showMore() {
      var meta = arrived.meta;
      shown.slice(next, next + 20).forEach(function (r) {
        var item = element("li", "rs-result");
        var link = element("a", "rs-result__title", r.title);
        link.href = new URL(r.url, root).href;
        var where = element("p", "rs-result__meta",
          [r.region, r.year ? r.year + " 年" : "", r.count + " 处"].filter(Boolean).join(" · "));
        var quote = element("p", "rs-result__text");
        item.append(link, where, quote);
        list.append(item);
        snippet(meta, r).then(function (s) {
          var mark = element("mark", "", s.match);
          quote.append(document.createTextNode(s.before), mark, document.createTextNode(s.after));
          if (s.anchor) link.href = new URL(r.url, root).href + "#" + encodeURIComponent(s.anchor);
        }).catch(function () {});
      });
      next += 20;
      more.hidden = next >= shown.length;
    }

    async function run() {
      clearTimeout(timer);  // (a run from typing still waiting would only list the same again)
      var mine = ++asked, q = box.value.trim();
      remember();
      if (!q) { list.textContent = ""; status.textContent = "输入词语即可检索全部页面（区分字序，不分词）。"; more.hidden = true; return; }
      status.textContent = "检索中…";
      try {
        var results = await query(q, { region: regionBox.value, year: yearBox.value });
        if (mine !== asked) return;
        shown = results; next = 0; list.textContent = "";
        status.textContent = results.length
          ? "共 " + results.length + " 个页面含“" + q + "”" : "没有页面含“" + q + "”";
        showMore();
      } catch (err) {
        if (mine === asked) status.textContent = "搜索索引无法读取：" + err.message;
      }
    }

    function soon() { clearTimeout(timer); timer = setTimeout(run, 80); }
    box.addEventListener("input", soon);
    regionBox.addEventListener("change", run);
    yearBox.addEventListener("change", run);
    more.addEventListener("click", showMore);
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    run();
    box.focus();
  }

  function ready() {
    var form = document.getElementById("rs-search");
    if (form) page(form);
    document.addEventListener("keydown", function (e) {
      var target = e.target.tagName;
      if (e.key === "/" && target !== "INPUT" && target !== "SELECT" && target !== "TEXTAREA") {
        var box = document.getElementById("rs-q") || document.getElementById("rs-header-q");
        if (box) { e.preventDefault(); box.focus(); }
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
