{#- Shared by status_layer.js and area_layer.js (inserted where they say
    "kcm:layer-helpers"): rebuild each item's style and tooltip from the shared tables of
    mapview.compact_items; the place name is escaped again here, as escape_text does. -#}
    function styleOf(data, m) {
        var style = Object.assign({}, data.styles[m.s]);
        if (m.k) {
            style.place = m.place;
            style.className = style.className + " kcm-place-" + m.k;
        }
        return style;
    }
    // The same entities as mapview.escape_text (backtick and dollar written as escapes).
    var ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;",
                    "\u0060": "&#96;", "\u0024": "&#36;", "\\": "&#92;"};
    function esc(text) {
        return String(text).replace(/[&<>"'\u0060\u0024\\]/g,
                                    function (c) { return ENTITIES[c]; });
    }
    function tipOf(data, m) {
        var t = m.t;
        return t.length === 2 ? data.tips[t[0]] + "<strong>" + esc(m.place) + "</strong>" +
            data.tips[t[1]] : data.tips[t[0]];
    }
