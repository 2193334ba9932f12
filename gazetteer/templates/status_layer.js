{#- One feature group holding a circle marker per place. Everything that comes from
    data (names, tooltips) arrives as JSON with <, >, &, quotes, backticks and $
    escaped (mapview.js_json); each tooltip is also HTML escaped in Python. Element
    names depend only on the group's id, so one state always gives the same script. -#}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup({{ this.options|tojson }});
(function (group, data) {
    /* kcm:layer-helpers */
    data.items.forEach(function (m) {
        var marker = L.circleMarker([m.lat, m.lon], styleOf(data, m));
        marker.bindTooltip(tipOf(data, m), {direction: "top", offset: [0, -6], opacity: 0.95,
                                        className: "kcm-tooltip"});
        group.addLayer(marker);
    });
})({{ this.get_name() }}, {{ this.markers_js }});
{% endmacro %}
