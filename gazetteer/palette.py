"""Status colours and names shared by every view of the map (page, file, legend).

Okabe-Ito colours: distinct under the common colour-vision deficiencies.
"""

#: Okabe-Ito colours per status.
PALETTE: dict[str, str] = {
    "KIA": "#0072B2",                # blue
    "junta": "#D55E00",              # vermillion
    "BGF/militia": "#CC79A7",        # reddish purple
    "other armed group": "#009E73",  # bluish green
    "contested": "#F0E442",          # yellow
    "unknown": "#999999",            # grey
}
#: Human-readable status names for legends and tooltips.
LABELS: dict[str, str] = {
    "KIA": "KIA and allies",
    "junta": "Junta (Myanmar military)",
    "BGF/militia": "BGF / junta-aligned militia",
    "other armed group": "Other armed group (MNDAA, TNLA, ...)",
    "contested": "Contested",
    "unknown": "Unknown",
}
