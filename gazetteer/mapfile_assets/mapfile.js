/* The map file's script: decodes the data (gazetteer/mapdata.py describes the tables),
   draws the boundaries, one circle marker per place and the labels, and moves through
   time entirely in the page: a date step finds each place's interval by bisection and
   restyles only the markers whose look changed.

   Safety: every string from the data (names, excerpts, outlets, files) reaches the page
   through textContent or a text node, never innerHTML; the data itself is JSON read with
   JSON.parse. Nothing is fetched: no tiles, fonts or scripts from anywhere. */
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("kcm-data").textContent);
  var B = JSON.parse(document.getElementById("kcm-boundaries").textContent);
  var DAY_MS = 86400000;
  var BIT = {changedNone: 1 << 13, changedGiven: 1 << 14, sinceNone: 1 << 15,
             sinceGiven: 1 << 16, inherit: 1 << 17, count: 1 << 18};
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var P = D.places, R = D.rows, N = P.name.length;
  var UNKNOWN = D.statuses.indexOf("unknown");

  // -- decoding ---------------------------------------------------------------------
  function iso(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  function parseIso(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text || "")) { return null; }
    var t = Date.parse(text + "T00:00:00Z");
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }
  function slug(text) {
    return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "-").replace(/^-+|-+$/g, "");
  }

  var IV = new Array(N);     // per place: {start: [], code: [], changed: [], since: [], rows: []}
  (function decodeIntervals() {
    for (var i = 0; i < N; i++) {
      var a = D.iv[i], j = 0, prevStart = null, prevRows = [], first = R.ro[i];
      var iv = {start: [], code: [], changed: [], since: [], rows: []};
      while (j < a.length) {
        var start = prevStart === null ? a[j++] : prevStart + a[j++];
        var code = a[j++];
        var changed = code & BIT.changedNone ? null : code & BIT.changedGiven ? start + a[j++] : start;
        var since = code & BIT.sinceNone ? null : code & BIT.sinceGiven ? start + a[j++] : start;
        var count = code & BIT.count ? a[j++] : 1;
        var rows = code & BIT.inherit ? prevRows.slice() : [];
        for (var c = 0; c < count; c++) { rows.push(first + a[j++]); }
        iv.start.push(start); iv.code.push(code); iv.changed.push(changed);
        iv.since.push(since); iv.rows.push(rows);
        prevStart = start; prevRows = rows;
      }
      IV[i] = iv;
    }
  })();

  var NROWS = R.rc.length;
  var rowText = new Int32Array(NROWS), rowDay = new Array(NROWS), rowHl = new Map();
  (function decodeRows() {
    var next = 0, k = 0;
    for (var r = 0; r < NROWS; r++) {
      if (k < R.rx.length && R.rx[k] === r) { rowText[r] = R.rx[k + 1]; k += 2; }
      else { rowText[r] = next++; }
    }
    for (var p = 0; p < N; p++) {
      var prev = null;
      for (var q = R.ro[p]; q < R.ro[p + 1]; q++) {
        var d = R.rd[q];
        rowDay[q] = d === null ? null : prev === null ? d : prev + d;
        if (d !== null) { prev = rowDay[q]; }
      }
    }
    var row = 0;
    for (var h = 0; h < R.rh.length; h += 3) {
      row += R.rh[h];
      rowHl.set(row, [R.rh[h + 1], R.rh[h + 2]]);
    }
  })();
  function rowInfo(r) {
    var c = R.rc[r], prec = c & 3, rest = c >> 2, nt = R.types.length;
    return {type: R.types[rest % nt], actor: R.actors[Math.floor(rest / nt)], prec: prec,
            day: rowDay[r], file: R.rf[r], text: R.texts[rowText[r]], hl: rowHl.get(r)};
  }

  // -- state on a day -----------------------------------------------------------------
  function intervalAt(i, day) {
    var s = IV[i].start, lo = 0, hi = s.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (s[mid] <= day) { lo = mid + 1; } else { hi = mid; } }
    return lo - 1;
  }
  function styleIndex(i, k, day) {
    if (k < 0) { return UNKNOWN * 8; }
    var code = IV[i].code[k], changed = IV[i].changed[k];
    var recent = changed !== null && day - changed >= 0 && day - changed < D.recent ? 1 : 0;
    return (code & 7) * 8 + ((code >> 3) & 1) * 4 + recent * 2 + ((code >> 4) & 1);
  }
  function stateOf(i, day) {
    var k = intervalAt(i, day);
    if (k < 0) { return {k: -1, status: UNKNOWN, assumed: 0, disputed: 0, prec: 0, kind: 0,
                         holder: -1, since: null, rows: [], style: UNKNOWN * 8}; }
    var iv = IV[i], code = iv.code[k];
    return {k: k, status: code & 7, assumed: (code >> 3) & 1, disputed: (code >> 4) & 1,
            prec: (code >> 5) & 3, kind: (code >> 7) & 7, holder: ((code >> 10) & 7) - 1,
            since: iv.since[k], rows: iv.rows[k], style: styleIndex(i, k, day)};
  }

  // -- map ----------------------------------------------------------------------------
  var map = L.map("kcm-map", {zoomControl: true, minZoom: 4, maxZoom: 14,
                              attributionControl: false, preferCanvas: false});
  map.createPane("kcmbase").style.zIndex = 350;
  L.control.scale({imperial: false}).addTo(map);
  var land = L.geoJSON(B, {
    pane: "kcmbase", interactive: false,
    style: function (f) {
      var p = f.properties || {};
      if (p.country !== "MMR") { return {color: "#9a9a9a", weight: 0.8, fillColor: "#e4e4e0", fillOpacity: 1}; }
      return p.name === "Kachin" ? {color: "#2b2b2b", weight: 2.5, fillColor: "#fbfaf5", fillOpacity: 1}
                                 : {color: "#6b6b6b", weight: 1, fillColor: "#f6f4ee", fillOpacity: 1};
    }
  }).addTo(map);

  var markers = new Array(N), current = new Int16Array(N).fill(-1), slugs = new Array(N);
  var shownState = new Array(N);
  var sel = -1, today = D.day;
  for (var i = 0; i < N; i++) {
    slugs[i] = slug(P.name[i]);
    var m = L.circleMarker([P.lat[i], P.lon[i]], {place: P.name[i], radius: 7,
                                                  bubblingMouseEvents: false,
                                                  color: "#1a1a1a", fillColor: "#999999"});
    m.bindTooltip(tooltipNode.bind(null, i), {className: "kcm-tooltip", direction: "top",
                                              offset: [0, -8]});
    m.on("click", select.bind(null, i));
    markers[i] = m.addTo(map);
  }
  map.setView([D.view[0], D.view[1]], D.view[2]);

  // Each of the 48 marker looks is a CSS class (kcm-s<index>): a restyle sets one class
  // attribute, and the path is rebuilt only when the radius changes.
  (function styleSheet() {
    var rules = D.styles.map(function (st, s) {
      var dash = st.dashArray ? st.dashArray.split(" ").join("px ") + "px" : "none";
      return "path.kcm-s" + s + " { fill: " + st.fillColor + "; fill-opacity: " + st.fillOpacity +
        "; stroke: " + st.color + "; stroke-opacity: " + st.opacity + "; stroke-width: " +
        st.weight + "px; stroke-dasharray: " + dash + "; }";
    });
    rules.push("path.kcm-marker.kcm-selected { stroke: #000; stroke-width: 4px; stroke-dasharray: none; }");
    var tag = document.createElement("style");
    tag.textContent = rules.join("\n");
    document.head.appendChild(tag);
  })();

  var lastPath = null;      // the last path restyled: reading its style flushes the rest
  function restyle(i, s) {
    var style = D.styles[s], m = markers[i];
    if (m._radius !== style.radius) { m.setRadius(style.radius); }
    lastPath = m._path || lastPath;
    if (m._path) {
      m._path.setAttribute("class", style.className + " kcm-s" + s + " kcm-place-" + slugs[i] +
                           " leaflet-interactive" + (i === sel ? " kcm-selected" : ""));
    }
    current[i] = s;
  }

  // labels: reported places first, then region names, then the rest
  var items = [], labelOf = new Int32Array(N);
  var order = P.order, regionsAt = order.length;
  for (var o = 0; o < order.length; o++) {
    if (R.ro[order[o] + 1] === R.ro[order[o]]) { regionsAt = o; break; }
  }
  function addPlaceLabels(from, to) {
    for (var q = from; q < to; q++) {
      var pi = order[q];
      labelOf[pi] = items.length;
      items.push({lat: P.lat[pi], lng: P.lon[pi], text: P.name[pi], radius: 10});
    }
  }
  addPlaceLabels(0, regionsAt);
  B.features.forEach(function (f) {
    var p = f.properties || {};
    if (p.name && typeof p.label_lat === "number") {
      items.push({lat: p.label_lat, lng: p.label_lon, text: p.name, radius: 0,
                  cls: "kcm-region-label",
                  font: "600 10px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"});
    }
  });
  addPlaceLabels(regionsAt, order.length);
  var labels = new window.KcmLabels(map, items);

  // -- text helpers (text nodes only) -------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function add(parent) {
    for (var a = 1; a < arguments.length; a++) {
      var c = arguments[a];
      if (c === null || c === undefined) { continue; }
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function swatch(status) {
    var s = el("span", "kcm-swatch");
    s.style.background = D.palette[status];
    return s;
  }
  function dateText(day, prec) {
    if (day === null) { return ""; }
    var t = iso(day);
    return prec === 1 ? t.slice(0, 7) : prec === 2 ? t.slice(0, 4) : t;
  }
  function monthName(day) {
    var d = new Date(day * DAY_MS);
    return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function sinceText(st) {
    if (st.since === null || st.status === UNKNOWN) { return ""; }
    if (D.kinds[st.kind] === "baseline") { return "as of " + iso(st.since) + " (baseline)"; }
    if (st.prec === 1) { return "since " + monthName(st.since) + " (the day is not known)"; }
    if (st.prec === 2) { return "since " + iso(st.since).slice(0, 4) + " (the day and month are not known)"; }
    if (st.prec === 3) { return "since " + iso(st.since) + " (no date stated; dated by publication)"; }
    return "since " + iso(st.since);
  }
  function whenText(day, prec) {
    if (prec === 1) { return "in " + monthName(day) + " (day not stated)"; }
    if (prec === 2) { return "in " + iso(day).slice(0, 4) + " (day and month not stated)"; }
    if (prec === 3) { return "by " + iso(day) + " (no date stated; dated by publication)"; }
    return "on " + iso(day);
  }
  function reports(rows) {
    var files = [];
    rows.forEach(function (r) {
      var f = R.files.name[R.rf[r]];
      if (files.indexOf(f) < 0) { files.push(f); }
    });
    return rows.length + (rows.length === 1 ? " report" : " reports") +
      (files.length ? ": " + files.join(", ") : "");
  }
  function basisText(i, k) {
    var iv = IV[i], origin = k;
    while (origin > 0 && (iv.code[origin] & BIT.inherit)) { origin--; }
    var code = iv.code[origin], kind = D.kinds[(code >> 7) & 7];
    var later = iv.rows[k].length - iv.rows[origin].length;
    var text;
    if (kind === "baseline") {
      text = D.base[String(i)] || "baseline";
    } else {
      var rows = iv.rows[origin], first = rows.length ? rowInfo(rows[0]) : null;
      var actor = first && first.actor ? first.actor : "unknown actor";
      var when = iv.since[origin] === null ? "" : " " + whenText(iv.since[origin], (code >> 5) & 3);
      var holder = ((code >> 10) & 7) - 1;
      if (kind === "assault") {
        var partial = rows.some(function (r) { return rowInfo(r).type === "partial capture"; });
        text = "Contested: " + actor + (partial ? " partial capture" : " assault") +
          (holder >= 0 ? (partial ? " from the " : " on the ") + D.statuses[holder] : "") + when;
      } else {
        text = (kind === "capture" ? "Captured by " : "Held by ") + actor + when;
      }
      text += " (" + reports(rows) + ")";
    }
    if (later > 0) { text += "; confirmed by " + later + " later report" + (later === 1 ? "" : "s"); }
    return text;
  }

  function tooltipNode(i) {
    var st = stateOf(i, today), box = el("div");
    add(box, el("strong", null, P.name[i]), " \u2014 " + D.labels[st.status]);
    var since = sinceText(st);
    if (since) { add(box, el("br"), el("small", null, since)); }
    var flags = [];
    if (st.assumed) { flags.push("assumed baseline, no article supports it"); }
    if (st.disputed) { flags.push("sources disagree"); }
    if (st.style & 2) { flags.push("changed in the last " + D.recent + " days"); }
    if (P.approx[i]) { flags.push("approximate location"); }
    if (flags.length) { add(box, el("br"), el("small", null, flags.join("; "))); }
    return box;
  }

  // -- the source panel ---------------------------------------------------------------
  var panel = document.getElementById("kcm-panel");
  var panelParts = null;

  function metaNode(i) {
    var meta = el("div", "kcm-meta"), det = P.details[String(i)];
    var kind = P.kinds[P.kind[i]];
    if (det) {
      var parts = [kind.charAt(0).toUpperCase() + kind.slice(1)];
      if (det[0]) { parts.push(det[0] + " Township"); }
      if (det[1]) { parts.push(det[1] + " District"); }
      if (det[2]) { parts.push(det[2]); }
      add(meta, parts.join(", ") + ". Pcode: " + (det[3] || "none") + ".");
      if (det[4].length) { add(meta, el("br"), "Also written: " + det[4].join(", ") + "."); }
    } else {
      add(meta, "Named in an article; not in the gazetteer.");
    }
    if (P.approx[i]) {
      add(meta, el("br"), el("span", "kcm-flag", "Approximate location:"), " " +
          ((det && det[5]) || "no sourced coordinate; placed at the nearest known town."));
    }
    return meta;
  }

  function statusNode(i, st) {
    var box = el("div", "kcm-status");
    box.style.borderLeftColor = D.palette[st.status];
    var since = sinceText(st);
    add(box, "On ", el("strong", null, iso(today)), ": ", swatch(st.status),
        el("strong", "kcm-status-label", D.labels[st.status]), since ? " " + since + "." : ".");
    if (st.status === D.statuses.indexOf("contested") && st.holder >= 0) {
      add(box, " Held by " + D.labels[st.holder] + " when the fighting began.");
    }
    if (st.k >= 0) { add(box, el("br"), el("small", null, basisText(i, st.k))); }
    if (st.assumed) {
      add(box, el("br"), el("span", "kcm-flag", "Assumed:"),
          " no article in the table supports this baseline.");
    }
    if (st.disputed) {
      (D.disputes.at[String(i)] || []).forEach(function (d) {
        if (d.slice(1).some(function (r) { return st.rows.indexOf(r) >= 0; })) {
          add(box, el("br"), el("span", "kcm-flag", "Sources disagree:"),
              " " + D.disputes.notes[d[0]]);
        }
      });
    }
    return box;
  }

  function historyNode(i, st) {
    var iv = IV[i];
    if (!iv.start.length) { return el("p", null, "No change of control is reported for this place."); }
    var table = el("table", "kcm-history"), head = el("tr");
    add(head, el("th", null, "From"), el("th", null, "Status"), el("th", null, "Basis"));
    add(table, head);
    for (var k = 0; k < iv.start.length; k++) {
      var code = iv.code[k], tr = el("tr", k === st.k ? "kcm-current" : null);
      var prec = (code >> 5) & 3, status = code & 7;
      var from = D.kinds[(code >> 7) & 7] === "baseline" ? "baseline" :
        dateText(iv.start[k], prec === 3 ? 0 : prec) + (prec === 1 ? " (day not known)" : "");
      var cell = el("td");
      add(cell, swatch(status), D.labels[status],
          (code >> 4) & 1 ? el("span", "kcm-flag", " (disputed)") : null,
          (code >> 3) & 1 ? el("em", null, " (assumed)") : null);
      add(tr, el("td", null, from), cell, el("td", null, basisText(i, k)));
      add(table, tr);
    }
    return table;
  }

  function marked(text, spans) {
    // spans: [[start, end, cls]] non-overlapping, any order
    var q = el("blockquote"), pos = 0;
    spans.sort(function (a, b) { return a[0] - b[0]; });
    spans.forEach(function (s) {
      if (s[0] > pos) { add(q, text.slice(pos, s[0])); }
      add(q, el("mark", s[2], text.slice(s[0], s[1])));
      pos = s[1];
    });
    if (pos < text.length) { add(q, text.slice(pos)); }
    return q;
  }

  function mentions(text, names, spans) {
    var lower = text.toLowerCase();
    names.forEach(function (name) {
      var needle = name.toLowerCase(), from = 0;
      if (!needle) { return; }
      for (;;) {
        var at = lower.indexOf(needle, from);
        if (at < 0) { break; }
        var end = at + needle.length;
        var edge = /[\p{L}\p{N}_]/u;
        if (!(at > 0 && edge.test(lower[at - 1])) && !(end < lower.length && edge.test(lower[end])) &&
            spans.every(function (s) { return end <= s[0] || at >= s[1]; })) {
          spans.push([at, end, "kcm-place"]);
        }
        from = end;
      }
    });
  }

  function excerptNodes(i) {
    var byText = new Map(), list = [];
    for (var r = R.ro[i]; r < R.ro[i + 1]; r++) {
      var t = rowText[r];
      if (!byText.has(t)) { byText.set(t, []); list.push(t); }
      byText.get(t).push(r);
    }
    var det = P.details[String(i)], names = [P.name[i]].concat(det ? det[4] : []);
    names.sort(function (a, b) { return b.length - a.length; });
    var passages = list.map(function (t) {
      var rows = byText.get(t), info = rows.map(rowInfo), f = info[0].file;
      var pub = R.files.published[f];
      return {rows: rows, info: info, file: f, pub: pub,
              key: [pub === null ? "" : iso(pub), info[0].day === null ? "" : iso(info[0].day),
                    R.files.name[f]].join("|")};
    });
    passages.sort(function (a, b) { return a.key < b.key ? 1 : a.key > b.key ? -1 : 0; });
    return passages.map(function (ps) {
      var box = el("div", "kcm-excerpt"), f = ps.file;
      box.dataset.rows = ps.rows.join(" ");
      var outlet = R.outlets[R.files.outlet[String(f)]] || "";
      var what = [];
      ps.info.forEach(function (x) {
        var w = x.type + " " + (x.day === null ? "(undated)" : x.prec === 3 ?
          "(no date stated; published " + iso(x.day) + ")" : whenText(x.day, x.prec));
        if (what.indexOf(w) < 0) { what.push(w); }
      });
      var src = el("div", "kcm-src");
      add(src, el("strong", "kcm-outlet", outlet || "Outlet not stated"),
          ", published " + (ps.pub === null ? "date unknown" : iso(ps.pub)) + " \u00b7 ",
          el("code", "kcm-file", R.files.name[f]), " \u00b7 " + what.join("; ") + " here",
          el("span", "kcm-badge", "backs this status"));
      add(box, src);
      var title = R.files.title[String(f)];
      if (title) { add(box, add(el("div", "kcm-src"), el("em", null, title))); }
      var text = ps.info[0].text, spans = [];
      ps.info.forEach(function (x) {
        if (x.hl && spans.every(function (s) { return x.hl[1] <= s[0] || x.hl[0] >= s[1]; })) {
          spans.push([x.hl[0], x.hl[1], "kcm-event"]);
        }
      });
      mentions(text, names, spans);
      add(box, marked(text, spans));
      return box;
    });
  }

  function renderPanel() {
    if (sel < 0) { return; }
    var st = stateOf(sel, today);
    if (!panelParts || panelParts.place !== sel) {
      panel.textContent = "";
      var excerpts = excerptNodes(sel);
      panelParts = {place: sel, status: el("div"), history: el("div"), excerpts: excerpts};
      panel.dataset.place = P.name[sel];
      add(panel, el("h2", null, P.name[sel]), metaNode(sel), panelParts.status,
          el("h3", null, "Control history"), panelParts.history,
          el("h3", null, "Sources (" + excerpts.length + ")"));
      if (!excerpts.length) { add(panel, el("p", null, "No excerpt mentions this place.")); }
      excerpts.forEach(function (x) { panel.appendChild(x); });
    }
    panelParts.status.replaceChildren(statusNode(sel, st));
    panelParts.history.replaceChildren(historyNode(sel, st));
    panelParts.excerpts.forEach(function (box) {
      var backs = box.dataset.rows.split(" ").some(function (r) { return st.rows.indexOf(+r) >= 0; });
      box.classList.toggle("kcm-backs", backs);
      box.querySelector(".kcm-badge").hidden = !backs;
    });
  }

  function select(i) {
    var prev = sel;
    sel = i;
    if (prev >= 0 && current[prev] >= 0) { restyle(prev, current[prev]); }
    if (i >= 0) {
      restyle(i, current[i] >= 0 ? current[i] : stateOf(i, today).style);
      markers[i].bringToFront();
    }
    labels.setSelected(i >= 0 ? labelOf[i] : -1);
    renderPanel();
    writeHash();
  }

  // -- time ---------------------------------------------------------------------------
  var slider = document.getElementById("kcm-date"), out = document.getElementById("kcm-day");
  var prevBtn = document.getElementById("kcm-prev"), nextBtn = document.getElementById("kcm-next");
  var playBtn = document.getElementById("kcm-play"), speed = document.getElementById("kcm-speed");
  slider.min = D.first; slider.max = D.last;

  function changeAfter(day) {
    var c = D.changes, lo = 0, hi = c.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (c[mid] <= day) { lo = mid + 1; } else { hi = mid; } }
    return lo < c.length ? c[lo] : null;
  }
  function changeBefore(day) {
    var c = D.changes, lo = 0, hi = c.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (c[mid] < day) { lo = mid + 1; } else { hi = mid; } }
    return lo > 0 ? c[lo - 1] : null;
  }

  function setDay(day) {
    today = Math.min(Math.max(day, D.first), D.last);
    for (var i = 0; i < N; i++) {
      var s = styleIndex(i, intervalAt(i, today), today);
      if (s !== current[i]) { restyle(i, s); }
    }
    slider.value = today;
    out.textContent = iso(today);
    prevBtn.disabled = changeBefore(today) === null;
    nextBtn.disabled = changeAfter(today) === null;
    renderPanel();
    writeHash();
  }

  function writeHash() {
    var h = "date=" + iso(today) + (sel >= 0 ? "&place=" + encodeURIComponent(P.name[sel]) : "");
    try { history.replaceState(null, "", "#" + h); } catch (err) { /* some file:// */ }
  }

  // Each slider step's timing, for benchmarks: [ms to the new colours (the step's script
  // and the browser's style recalculation, forced here), ms to the next painted frame,
  // ms the input event waited before its handler ran].
  var timings = [];
  slider.addEventListener("input", function (ev) {
    var t0 = performance.now();
    stop();
    setDay(+slider.value);
    if (lastPath) { void getComputedStyle(lastPath).fill; }
    var done = performance.now();
    var waited = ev.timeStamp ? Math.max(0, t0 - ev.timeStamp) : 0;
    requestAnimationFrame(function () {
      setTimeout(function () { timings.push([done - t0, performance.now() - t0, waited]); }, 0);
    });
  });
  prevBtn.addEventListener("click", function () { stop(); var d = changeBefore(today); if (d !== null) { setDay(d); } });
  nextBtn.addEventListener("click", function () { stop(); var d = changeAfter(today); if (d !== null) { setDay(d); } });

  var timer = null;
  function stop() {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    playBtn.textContent = "\u25b6 Play";
  }
  function tick() {
    var d = changeAfter(today);
    if (d === null) { stop(); return; }
    setDay(d);
    timer = setTimeout(tick, +speed.value);
  }
  playBtn.addEventListener("click", function () {
    if (timer !== null) { stop(); return; }
    if (changeAfter(today) === null) { setDay(D.first); }
    playBtn.textContent = "\u275a\u275a Pause";
    timer = setTimeout(tick, 50);
  });

  // -- legend -------------------------------------------------------------------------
  function withAlpha(hex, alpha) {
    var v = parseInt(hex.slice(1), 16);
    return "rgba(" + (v >> 16) + "," + ((v >> 8) & 255) + "," + (v & 255) + "," + alpha + ")";
  }
  (function legend() {
    var box = document.getElementById("kcm-legend");
    function item(label, style) {
      var it = el("span", "kcm-item"), dot = el("span", "kcm-dot");
      dot.setAttribute("role", "presentation");
      var size = 2 * style.radius;
      dot.style.width = dot.style.height = size + "px";
      dot.style.background = withAlpha(style.fillColor, style.fillOpacity);
      dot.style.border = style.weight + "px " + (style.dashArray ? "dashed " : "solid ") + style.color;
      it.setAttribute("role", "listitem");
      return add(it, dot, label);
    }
    (D.legend || D.labels).forEach(function (label, s) { add(box, item(label, D.styles[s * 8])); });
    var grey = D.statuses.indexOf("KIA");
    add(box, item("assumed baseline (no article supports it)", D.styles[grey * 8 + 4]),
        item("changed in the last " + D.recent + " days", D.styles[grey * 8 + 2]),
        item("sources disagree", D.styles[grey * 8 + 1]));
  })();

  // -- start ----------------------------------------------------------------------------
  var params = new URLSearchParams(location.hash.slice(1));
  var start = parseIso(params.get("date"));
  setDay(start === null ? D.day : start);
  var wanted = P.name.indexOf(params.get("place") || "");
  if (wanted >= 0) { select(wanted); }
  labels.update();

  window.kcm = {
    day: function () { return iso(today); },
    setDay: function (text) { var d = parseIso(text); if (d !== null) { stop(); setDay(d); } },
    select: function (name) { select(P.name.indexOf(name)); },
    timings: timings,
    labels: labels,
    map: map,
    land: land
  };
})();
