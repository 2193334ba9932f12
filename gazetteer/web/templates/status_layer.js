{#- A circle marker per place. The markers of a set of places (sites: [place, slug, lat,
    lon], embedded or fetched once from url) are built once per page and kept; each
    rerun's group brings the day's payload (mapview.StatusLayer.day) and restyles the
    markers whose look changed. Everything from data arrives as JSON with <, >, &,
    quotes, backticks and $ escaped (mapview.js_json); tooltip templates and dates are
    HTML escaped in Python and place names here (esc). -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup({{ this.options|tojson }});
(function (group, sites, url, day) {
    /* kcm:layer-helpers */
    function paint(slot) {
        var d = slot.day, sites = slot.sites;
        var styles = d.styles.map(function (s) { return JSON.stringify(s); });
        var tips = d.tips.map(function (t) { return JSON.stringify(t); });
        sites.forEach(function (site, i) {
            var s = d.codes[3 * i], t = d.codes[3 * i + 1], k = d.codes[3 * i + 2];
            var look = styles[s] + tips[t] + d.dates[k];
            if (slot.looks[i] === look) { return; }
            var style = Object.assign({dashArray: null}, d.styles[s], {place: site[0]});
            style.className = style.className + " kcm-place-" + site[1];
            restyle(slot, i, style, look);
        });
    }
    // Town labels (labels.js, loaded with Leaflet): placed by rank, never overlapping,
    // again after each zoom or pan; the clicked place is always named.
    function label(slot, sites) {
        var order = sites.map(function (site, i) { return i; });
        order.sort(function (a, b) { return sites[a][4] - sites[b][4]; });
        slot.labelOf = [];
        var items = order.map(function (i, n) {
            slot.labelOf[i] = n;
            return {lat: sites[i][2], lng: sites[i][3], text: sites[i][0], radius: 10};
        });
        var start = function () {
            if (window.kcmPageLabels) { window.kcmPageLabels.remove(); }
            slot.labels = window.kcmPageLabels = new KcmLabels(
                slot.layer._map, items, {avoid: ".kcm-region-label"});
            select(slot);
            slot.labels.update();
        };
        if (typeof KcmLabels !== "function") { return; }
        if (slot.layer._map) { start(); } else { slot.layer.once("add", start); }
    }
    // The place chosen on the page (the day's "selected"), when it changes there; a click
    // names its place at once (build), before the page's next rerun confirms it.
    function select(slot) {
        var chosen = slot.day.selected;
        if (!slot.labels || chosen === undefined || chosen === slot.chosen) { return; }
        slot.chosen = chosen;
        slot.labels.setSelected(chosen >= 0 ? slot.labelOf[chosen] : -1);
    }
    function build(slot, sites) {
        slot.sites = sites;
        slot.items = sites.map(function (site, i) {
            var marker = L.circleMarker([site[2], site[3]], {place: site[0]});
            marker.bindTooltip(function () {
                var d = slot.day, c = d.codes;
                return fillTip(d.tips[c[3 * i + 1]], site[0], d.dates[c[3 * i + 2]]);
            }, {direction: "top", offset: [0, -6], opacity: 0.95, className: "kcm-tooltip"});
            if (reportClick) { marker.on("click", reportClick); }
            marker.on("click", function () {
                if (slot.labels) { slot.labels.setSelected(slot.labelOf[i]); }
            });
            slot.layer.addLayer(marker);
            return [marker];
        });
        label(slot, sites);
        paint(slot);
    }
    var slot = adopt("status", group, day.key);
    slot.day = day;
    present("status", slot, sites, url, build, paint);
    select(slot);
})({{ this.get_name() }}, {{ this.sites.js if this.embed_sites else "null" }},
   {{ this.sites_url|tojson }}, {{ this.day_js }});
{% endmacro %}
