{#- Areas of control: one GeoJSON polygon per place, in a pane between the land and the
    markers. Geometries and styles arrive as JSON with <, >, &, quotes, backticks and $
    escaped (mapview.js_json); each tooltip is also HTML escaped in Python. Hatch patterns
    for assumed and unknown areas are SVG patterns built with DOM calls, once per page. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup({{ this.options|tojson }});
{{ this.get_name() }}.beforeAdd = function (map) {
    if (!map.getPane({{ this.pane|tojson }})) {
        map.createPane({{ this.pane|tojson }}).style.zIndex = {{ this.pane_z|tojson }};
    }
};
(function (group, geometries, data, hatches, pane, url) {
    /* kcm:layer-helpers */
    var ns = "http://www.w3.org/2000/svg";
    if (!document.getElementById("kcm-hatches")) {
        var svg = document.createElementNS(ns, "svg");
        svg.setAttribute("id", "kcm-hatches");
        svg.setAttribute("width", "0");
        svg.setAttribute("height", "0");
        svg.style.position = "absolute";
        var defs = document.createElementNS(ns, "defs");
        Object.keys(hatches).forEach(function (slug) {
            var pattern = document.createElementNS(ns, "pattern");
            pattern.setAttribute("id", "kcm-hatch-" + slug);
            pattern.setAttribute("patternUnits", "userSpaceOnUse");
            pattern.setAttribute("width", "9");
            pattern.setAttribute("height", "9");
            pattern.setAttribute("patternTransform", "rotate(45)");
            var line = document.createElementNS(ns, "rect");
            line.setAttribute("width", "2.5");
            line.setAttribute("height", "9");
            line.setAttribute("fill", hatches[slug]);
            line.setAttribute("fill-opacity", "0.45");
            pattern.appendChild(line);
            defs.appendChild(pattern);
        });
        svg.appendChild(defs);
        document.body.appendChild(svg);
    }
    function draw(geoms) {
        data.items.forEach(function (a, i) {
            var style = Object.assign({pane: pane, place: a.place}, styleOf(data, a));
            var shape = L.geoJSON(geoms[i], {style: function () { return style; },
                                             pane: pane});
            shape.eachLayer(function (layer) {
                layer.options.place = a.place;
                layer.bindTooltip(tipOf(data, a), {sticky: true, opacity: 0.9,
                                              className: "kcm-tooltip kcm-area-tooltip"});
                group.addLayer(layer);
            });
        });
    }
    if (geometries !== null) { draw(geometries); return; }
    // Geometries depend only on the set of places: fetched once per page, then reused.
    var cache = window.kcmCellCache = window.kcmCellCache || {};
    if (cache[url]) { draw(cache[url]); return; }
    fetch(url).then(function (r) { return r.json(); }).then(function (geoms) {
        cache[url] = geoms;
        draw(geoms);
    });
})({{ this.get_name() }}, {{ this.geometries_js }}, {{ this.areas_js }},
   {{ this.hatches|tojson }}, {{ this.pane|tojson }}, {{ this.geometries_url|tojson }});
{% endmacro %}
