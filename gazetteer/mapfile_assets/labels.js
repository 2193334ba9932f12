/* Place labels that never overlap: after every zoom or pan, labels are placed greedily in
   priority order (the selected place first), each at the first of four spots around its
   marker (right, left, above, below) that is free of labels already placed and of other
   markers; a label with no free spot is hidden until the reader zooms in. The selected
   place is always named. Labels are text nodes (textContent), never HTML.

   new KcmLabels(map, items, {pane, zIndex, font, avoid})
     items: [{lat, lng, text, radius (px of its marker; 0 = a region name, centred),
              cls (CSS class, default kcm-label), font (CSS font, to measure it)}] in
            priority order.
   avoid: a CSS selector of other labels on the map (e.g. region names drawn as
          Leaflet tooltips) that these labels must not cover.
   .setSelected(index or -1), .setRadius(index, px), .update(), .visible() -> [indices],
   .remove() (takes the labels off the map for good)
   Units: pixels; positions are Leaflet layer points. */
(function (root) {
  "use strict";

  var CELL = 48;          // collision grid cell, px
  var HEIGHT = 14;        // label line height, px (CSS: 11px/14px)
  var GAP = 3;            // gap between a marker's edge and its label, px

  function KcmLabels(map, items, options) {
    var opts = options || {};
    this.map = map;
    this.items = items;
    this.selected = -1;
    this.font = opts.font || "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    var name = opts.pane || "kcmlabels";
    this.pane = map.getPane(name) || map.createPane(name);
    this.pane.style.zIndex = String(opts.zIndex || 450);
    this.pane.classList.add("kcm-labels");
    this.nodes = new Array(items.length);
    this.widths = new Float32Array(items.length);
    this.shown = [];
    this.avoid = opts.avoid || null;
    this._ctx = document.createElement("canvas").getContext("2d");
    var self = this;
    this._hide = function () { self.pane.style.display = "none"; };
    this._show = function () {
      self.pane.style.display = "";
      // after Leaflet has moved its own tooltips (the labels to avoid)
      requestAnimationFrame(function () { self.update(); });
    };
    map.on("zoomstart", this._hide);
    map.on("zoomend moveend resize", this._show);
  }

  KcmLabels.prototype.remove = function () {
    this.map.off("zoomstart", this._hide);
    this.map.off("zoomend moveend resize", this._show);
    this.draw([]);
  };

  // Boxes (layer points) of the other labels to keep clear of.
  KcmLabels.prototype.obstacles = function (origin) {
    if (!this.avoid) { return []; }
    var box = this.map.getContainer().getBoundingClientRect(), out = [];
    this.map.getContainer().querySelectorAll(this.avoid).forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width && r.height) {
        out.push([r.left - box.left + origin.x, r.top - box.top + origin.y,
                  r.right - box.left + origin.x, r.bottom - box.top + origin.y, -2]);
      }
    });
    return out;
  };

  KcmLabels.prototype.width = function (i) {
    if (!this.widths[i]) {
      var item = this.items[i];
      this._ctx.font = item.font || this.font;
      this.widths[i] = Math.ceil(this._ctx.measureText(item.text).width) + 4 +
        (i === this.selected ? 8 : 0);
    }
    return this.widths[i];
  };

  KcmLabels.prototype.setSelected = function (index) {
    if (this.selected >= 0) { this.widths[this.selected] = 0; }
    this.selected = index;
    if (index >= 0) { this.widths[index] = 0; }
    this.update();
  };

  KcmLabels.prototype.setRadius = function (index, radius) {
    this.items[index].radius = radius;
  };

  function Grid() { this.cells = new Map(); }
  Grid.prototype.keys = function (b, fn) {
    for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++) {
      for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
        if (fn(gx * 65536 + gy) === false) { return false; }
      }
    }
    return true;
  };
  Grid.prototype.add = function (b) {
    var cells = this.cells;
    this.keys(b, function (k) {
      var list = cells.get(k);
      if (list) { list.push(b); } else { cells.set(k, [b]); }
    });
  };
  Grid.prototype.free = function (b, owner) {
    var cells = this.cells;
    return this.keys(b, function (k) {
      var list = cells.get(k);
      if (!list) { return true; }
      for (var j = 0; j < list.length; j++) {
        var o = list[j];
        if (o[4] !== owner && b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) {
          return false;
        }
      }
      return true;
    });
  };

  KcmLabels.prototype.spots = function (x, y, r, w) {
    if (!r) { return [[x - w / 2, y - HEIGHT / 2]]; }
    return [[x + r + GAP, y - HEIGHT / 2], [x - r - GAP - w, y - HEIGHT / 2],
            [x - w / 2, y - r - GAP - HEIGHT], [x - w / 2, y + r + GAP]];
  };

  KcmLabels.prototype.update = function () {
    var map = this.map, items = this.items;
    var size = map.getSize();
    var o = map.containerPointToLayerPoint([0, 0]);
    var view = [o.x, o.y, o.x + size.x, o.y + size.y];
    var labels = new Grid(), marks = new Grid();
    this.obstacles(o).forEach(function (b) { labels.add(b); });
    var pts = new Array(items.length);
    for (var i = 0; i < items.length; i++) {
      var it = items[i];
      var p = map.latLngToLayerPoint([it.lat, it.lng]);
      if (p.x < view[0] || p.x > view[2] || p.y < view[1] || p.y > view[3]) { continue; }
      pts[i] = p;
      if (it.radius) {
        marks.add([p.x - it.radius, p.y - it.radius, p.x + it.radius, p.y + it.radius, i]);
      }
    }
    var order = this.selected >= 0 ? [this.selected] : [];
    for (var k = 0; k < items.length; k++) { if (k !== this.selected) { order.push(k); } }
    var placed = [];
    for (var n = 0; n < order.length; n++) {
      var idx = order[n], pt = pts[idx];
      if (!pt) { continue; }
      var w = this.width(idx), spots = this.spots(pt.x, pt.y, items[idx].radius, w);
      var forced = idx === this.selected, chosen = null;
      for (var s = 0; s < spots.length && !chosen; s++) {
        var b = [spots[s][0], spots[s][1], spots[s][0] + w, spots[s][1] + HEIGHT, idx];
        var inside = b[0] >= view[0] && b[2] <= view[2] && b[1] >= view[1] && b[3] <= view[3];
        if ((inside || forced) && labels.free(b, -1) && (forced || marks.free(b, idx))) {
          chosen = b;
        }
      }
      if (!chosen && forced) {
        chosen = [spots[0][0], spots[0][1], spots[0][0] + w, spots[0][1] + HEIGHT, idx];
      }
      if (chosen) { labels.add(chosen); placed.push(chosen); }
    }
    this.draw(placed);
  };

  KcmLabels.prototype.draw = function (placed) {
    var keep = new Set();
    for (var j = 0; j < placed.length; j++) {
      var b = placed[j], i = b[4], node = this.nodes[i];
      if (!node) {
        node = this.nodes[i] = document.createElement("span");
        node.className = this.items[i].cls || "kcm-label";
        node.textContent = this.items[i].text;
      }
      node.classList.toggle("kcm-label-selected", i === this.selected);
      node.style.transform = "translate(" + Math.round(b[0]) + "px," + Math.round(b[1]) + "px)";
      if (node.parentNode !== this.pane) { this.pane.appendChild(node); }
      keep.add(i);
    }
    for (var k = 0; k < this.shown.length; k++) {
      var old = this.shown[k];
      if (!keep.has(old) && this.nodes[old].parentNode) {
        this.pane.removeChild(this.nodes[old]);
      }
    }
    this.shown = Array.from(keep);
  };

  KcmLabels.prototype.visible = function () { return this.shown.slice(); };

  root.KcmLabels = KcmLabels;
})(window);
