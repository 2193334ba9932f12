{#- State and country boundaries as a non-interactive GeoJSON layer, either fetched from
    the app's static folder (url) or embedded (data). State names become permanent labels
    built as text nodes, never parsed as HTML. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJSON(null, {
    interactive: false,
    pane: {{ this.pane|tojson }},
    style: function (feature) {
        var p = feature.properties || {};
        var styles = {{ this.styles|tojson }};
        if (p.country !== {{ this.country|tojson }}) { return styles.neighbour; }
        return p.name === {{ this.focus|tojson }} ? styles.focus : styles.home;
    },
    onEachFeature: function (feature, layer) {
        var p = feature.properties || {};
        if (!p.name || {{ this.labels|tojson }} === false) { return; }
        var label = document.createElement("span");
        label.textContent = p.name;
        layer.bindTooltip(label, {permanent: true, direction: "center",
                                  className: "kcm-region-label", opacity: 0.8});
    }
});
{{ this.get_name() }}.beforeAdd = function (map) {
    // the land is drawn in its own pane under the overlays (areas, then markers)
    if (!map.getPane({{ this.pane|tojson }})) {
        var pane = map.createPane({{ this.pane|tojson }});
        pane.style.zIndex = {{ this.pane_z|tojson }};
        pane.style.pointerEvents = "none";
    }
};
{% if this.url %}
fetch({{ this.url|tojson }})
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (data) {
        {{ this.get_name() }}.addData(data);
        {{ this.get_name() }}.bringToBack();
    })
    .catch(function (err) { console.warn("boundaries not loaded:", err); });
{% else %}
{{ this.get_name() }}.addData({{ this.data|tojson }});
{% endif %}
{% endmacro %}
