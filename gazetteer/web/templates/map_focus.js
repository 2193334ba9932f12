{#- Leaflet focuses the map on a press (for its keyboard controls). Inside the page's
    iframe that focus also scrolls the page to the map when the map is partly out of
    view, so the press ends over another spot and the click on a marker is lost. Focus
    without scrolling instead (keyboard panning and zooming still work). -#}
{% macro script(this, kwargs) %}
(function (map) {
    var keyboard = map.keyboard;
    if (!keyboard) { return; }
    keyboard.disable();   // unbinds Leaflet's own handler before it is replaced
    keyboard._onMouseDown = function () {
        if (!this._focused) { this._map._container.focus({preventScroll: true}); }
    };
    keyboard.enable();
})({{ this._parent.get_name() }});
{% endmacro %}
