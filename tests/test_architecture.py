"""Dependencies point one way (README, "What is where"): no app imports from one above it.

`editing` (shared editing tools) sits below them all and imports none of them.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["clinic_site", "articles", "conditions", "references"]  # top to bottom


def imported_apps(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0]


@pytest.mark.parametrize("app", LAYERS)
def test_app_imports_only_from_apps_below_it(app):
    above = set(LAYERS[: LAYERS.index(app)])
    offending = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / app).rglob("*.py")
        for name in imported_apps(path)
        if name in above
    }
    assert not offending


def test_shared_editing_tools_import_none_of_our_apps():
    offending = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "editing").rglob("*.py")
        for name in imported_apps(path)
        if name in LAYERS
    }
    assert not offending


def test_nothing_reads_the_shared_folder_beside_the_project():
    for path in [*ROOT.glob("*/**/*.py"), ROOT / "Makefile", ROOT / "manage.py"]:
        if ".venv" in path.parts or path == Path(__file__):
            continue
        assert "../shared" not in path.read_text(), path
