{#- One feature group holding a circle marker per place. Everything that comes from
    data (names, tooltips) arrives as JSON with <, >, &, quotes, backticks and $
    escaped (mapview.js_json); each tooltip is also HTML escaped in Python. Element
    names depend only on the group's id, so one state always gives the same script. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup({{ this.options|tojson }});
(function (group, data) {
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
    data.items.forEach(function (m) {
        var marker = L.circleMarker([m.lat, m.lon], styleOf(data, m));
        marker.bindTooltip(tipOf(data, m), {direction: "top", offset: [0, -6], opacity: 0.95,
                                        className: "kcm-tooltip"});
        group.addLayer(marker);
    });
})({{ this.get_name() }}, {{ this.markers_js }});
{% endmacro %}
