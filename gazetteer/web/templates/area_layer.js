{#- Areas of control: one GeoJSON polygon per cell, in a pane between the land and the
    markers. The cells ({places, geometries}) are drawn once per page and kept; each
    rerun's group brings the day's payload (mapview.AreaLayer.day) and restyles the cells
    whose look changed. Data arrives as JSON with <, >, &, quotes, backticks and $
    escaped (mapview.js_json); tooltip templates are HTML escaped in Python and place
    names here (esc). Hatch patterns for assumed and unknown areas are SVG patterns built
    with DOM calls, once per page. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup({{ this.options|tojson }});
{{ this.get_name() }}.beforeAdd = function (map) {
    if (!map.getPane({{ this.pane|tojson }})) {
        map.createPane({{ this.pane|tojson }}).style.zIndex = {{ this.pane_z|tojson }};
    }
};
(function (group, cells, day, hatches, pane, url) {
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
    function paint(slot) {
        var d = slot.day;
        var styles = d.styles.map(function (s) { return JSON.stringify(s); });
        var tips = d.tips.map(function (t) { return JSON.stringify(t); });
        slot.items.forEach(function (shapes, i) {
            var s = d.codes[2 * i], t = d.codes[2 * i + 1];
            var look = styles[s] + tips[t];
            if (slot.looks[i] !== look) {
                restyle(slot, i, Object.assign({dashArray: null}, d.styles[s]), look);
            }
        });
    }
    function draw(slot, cells) {
        slot.items = cells.places.map(function (place, i) {
            var shapes = [];
            L.geoJSON(cells.geometries[i], {pane: pane}).eachLayer(function (shape) {
                shape.options.place = place;
                shape.bindTooltip(function () {
                    return fillTip(slot.day.tips[slot.day.codes[2 * i + 1]], place);
                }, {sticky: true, opacity: 0.9, className: "kcm-tooltip kcm-area-tooltip"});
                if (reportClick) { shape.on("click", reportClick); }
                slot.layer.addLayer(shape);
                shapes.push(shape);
            });
            return shapes;
        });
        paint(slot);
    }
    var slot = adopt("areas", group, day.key);
    slot.day = day;
    present("areas", slot, cells, url, draw, paint);
})({{ this.get_name() }}, {{ this.cells_js }}, {{ this.day_js }},
   {{ this.hatches|tojson }}, {{ this.pane|tojson }}, {{ this.cells_url|tojson }});
{% endmacro %}
