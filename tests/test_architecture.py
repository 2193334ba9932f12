"""The package's layout rules, read from the import graph (every import, module-level or
inside a function): the pipeline never imports the web wing nor the web libraries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "gazetteer"
WEB_LIBRARIES = ("streamlit", "streamlit_folium", "folium", "branca", "altair")


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """``(module, at_top_level)`` for every import statement in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found += [(name, id(node) in top) for name in (node.module, *names)]
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


PIPELINE = [p for p in PACKAGE.rglob("*.py") if "web" not in p.relative_to(PACKAGE).parts]


def test_the_rules_see_every_module():
    assert len(PIPELINE) > 15 and (PACKAGE / "web" / "map.py").is_file()


@pytest.mark.parametrize("path", PIPELINE, ids=module_name)
def test_pipeline_modules_import_no_web_library(path: Path):
    bad = [name for name, _ in imports_of(path)
           if name.split(".")[0] in WEB_LIBRARIES]
    assert bad == [], f"{module_name(path)} imports {bad}"


@pytest.mark.parametrize("path", PIPELINE, ids=module_name)
def test_only_the_entry_points_import_the_web_wing(path: Path):
    web = [(name, top) for name, top in imports_of(path)
           if name == "gazetteer.web" or name.startswith("gazetteer.web.")]
    if path.name == "cli.py":  # the commands that draw a map import it when they run
        assert all(not top for _, top in web), f"cli.py imports {web} at module level"
    else:
        assert web == [], f"{module_name(path)} imports {web}"


def test_the_dashboard_uses_the_package_only_through_its_wing():
    outside = [name for name, _ in imports_of(ROOT / "dashboard.py")
               if name.startswith("gazetteer.") and not name.startswith(
                   ("gazetteer.web", "gazetteer.errors"))]
    assert outside == []
