{#- Shared by status_layer.js and area_layer.js (inserted where they say
    "kcm:layer-helpers"). A layer's shapes outlive the feature groups streamlit-folium
    replaces on every rerun: each new group adopts them, so a date step restyles the
    shapes that changed instead of drawing them all again. -#}
    // The same entities as mapview.escape_text (backtick and dollar written as escapes).
    var ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#x27;",
                    "\u0060": "&#96;", "\u0024": "&#36;", "\\": "&#92;"};
    function esc(text) {
        return String(text).replace(/[&<>"'\u0060\u0024\\]/g,
                                    function (c) { return ENTITIES[c]; });
    }
    // A tooltip template [before place, between, after date] filled in (mapview._fill_tip).
    function fillTip(pieces, place, date) {
        return pieces[0] + esc(place) + pieces[1] + (date || "") + pieces[2];
    }
    // streamlit-folium binds its click handler to the map's layers after each rerun;
    // shapes drawn later (after a fetch) get it here, when it is in reach.
    var reportClick = typeof onLayerClick === "function" ? onLayerClick : null;
    // The lasting layer called "name" for the shapes of "key", adopted by "group": it is
    // on the map while the latest group adopting it is. A new one has no items yet
    // (items === null) until present() builds them.
    function adopt(name, group, key) {
        var slots = window.kcmSlots = window.kcmSlots || {};
        var slot = slots[name];
        if (!slot || slot.key !== key) {
            if (slot && slot.layer._map) { slot.layer._map.removeLayer(slot.layer); }
            slot = slots[name] = {key: key, layer: L.featureGroup(), items: null, looks: [],
                                  loading: false};
        }
        slot.owner = group;
        slot.restyled = 0;
        group.on("add", function () {
            if (!group._map.hasLayer(slot.layer)) { group._map.addLayer(slot.layer); }
        });
        group.on("remove", function () {
            var map = group._map;
            // the next group is adopted in the same task: leave only if none was
            setTimeout(function () {
                if (slot.owner === group && map.hasLayer(slot.layer)) {
                    map.removeLayer(slot.layer);
                }
            }, 0);
        });
        return slot;
    }
    // Show the slot's day: restyle its shapes, or first build them (build ends with a
    // paint) from the embedded data, or from the JSON file at url, fetched once.
    function present(name, slot, embedded, url, build, paint) {
        if (slot.items) { paint(slot); return; }
        if (embedded !== null) { build(slot, embedded); return; }
        if (slot.loading) { return; }
        slot.loading = true;
        fetch(url).then(function (r) {
            if (!r.ok) { throw new Error("HTTP " + r.status); }
            return r.json();
        }).then(function (data) {
            if (window.kcmSlots[name] === slot) { build(slot, data); }
        }).catch(function (err) { console.warn(name + " not loaded:", err); });
    }
    // Give item i (its shapes) a new style; look names its style and tooltip entries, so
    // the caller skips items whose look is unchanged.
    function restyle(slot, i, style, look) {
        slot.looks[i] = look;
        slot.restyled += 1;
        var shapes = slot.items[i];
        for (var j = 0; j < shapes.length; j++) {
            var shape = shapes[j];
            shape.setStyle(style);
            if (shape._path) {
                shape._path.setAttribute("class", style.className +
                                         (shape.options.interactive ? " leaflet-interactive" : ""));
            }
            if (shape.isTooltipOpen()) { shape.getTooltip().update(); }
        }
    }
