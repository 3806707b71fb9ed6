"""The layout DESIGN.md draws, read from the imports: lib <- core (accounts, articles, pages) <- features.

Every project module is parsed with `ast` (imports inside functions count too), so the rule holds
without a reviewer: lib imports no app, the core imports no feature, no two apps import each other
round a circle, and only Django's wiring (manage.py, wsgi/asgi) imports the `firstnews` project package.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORE = {"accounts", "articles", "pages"}
SKIPPED_DIRS = {"tests", "bench", "migrations", ".venv", "var", "node_modules", "static", "media"}
PROJECT = "firstnews"
WIRING = {"manage.py", "firstnews/wsgi.py", "firstnews/asgi.py"}


def packages(root=ROOT):
    """Top-level packages of the project: the apps (each with apps.py), lib, and the project package."""
    apps = {path.parent.name for path in root.glob("*/apps.py")}
    return apps, apps | {"lib", PROJECT}


def project_files(root=ROOT):
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if not SKIPPED_DIRS.intersection(relative.parts[:-1]) and not relative.parts[0].startswith("."):
            yield relative


def imported_modules(source, relative):
    """Absolute names of every module `source` imports, relative imports resolved against its package."""
    package = list(relative.parts[:-1])
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            else:
                yield node.module


def import_graph(root=ROOT):
    """{(importing package, imported package): [file, …]} for imports between the project's packages."""
    _apps, known = packages(root)
    edges = {}
    for relative in project_files(root):
        source = (root / relative).read_text(encoding="utf-8")
        owner = relative.parts[0] if len(relative.parts) > 1 else relative.name
        for module in imported_modules(source, relative):
            target = (module or "").split(".")[0]
            if target in known and target != owner:
                edges.setdefault((owner, target), []).append(str(relative))
    return edges


def violations(root=ROOT):
    """Every broken rule, as sentences."""
    apps, _known = packages(root)
    edges = import_graph(root)
    found = []
    for (source, target), files in sorted(edges.items()):
        where = ", ".join(sorted(set(files)))
        if source == "lib":
            found.append(f"lib imports the app {target} ({where})")
        if source in CORE and target in apps - CORE:
            found.append(f"core app {source} imports feature app {target} ({where})")
        if target == PROJECT and not set(files) <= WIRING:
            found.append(f"{where} import(s) the project package {PROJECT}")
    found.extend(f"import circle: {' -> '.join(cycle)}" for cycle in cycles(edges, apps | {"lib"}))
    return found


def cycles(edges, nodes):
    """Each circle among `nodes` once, found by depth-first search."""
    graph = {node: sorted(target for (source, target) in edges if source == node and target in nodes) for node in nodes}
    found, seen = [], set()

    def visit(node, path):
        for target in graph[node]:
            if target in path:
                cycle = path[path.index(target) :] + [target]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append(cycle)
            else:
                visit(target, [*path, target])

    for node in sorted(nodes):
        visit(node, [node])
    return found


def test_the_import_graph_follows_the_layout():
    assert violations() == []


def test_core_apps_are_apps_and_lib_is_not():
    apps, _known = packages()
    assert apps >= CORE
    assert "lib" not in apps and (ROOT / "lib" / "__init__.py").exists()


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("lib/bad.py", "from articles.models import Article\n", "lib imports the app articles"),
        ("articles/bad.py", "import directory.models\n", "core app articles imports feature app directory"),
        (
            "pages/bad.py",
            "def f():\n    from comments import services\n",
            "core app pages imports feature app comments",
        ),
        ("directory/bad.py", "from firstnews import settings\n", "import(s) the project package firstnews"),
        (
            "accounts/bad.py",
            "from directory.models import Listing\n",
            "import circle: accounts -> directory -> accounts",
        ),
    ],
)
def test_a_bad_import_is_caught(tmp_path, path, source, expected):
    """The checker itself can fail: a small copy of the layout with one bad import added."""
    for app in ("accounts", "articles", "pages", "directory", "comments"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "apps.py").write_text("")
    (tmp_path / "lib").mkdir()
    (tmp_path / PROJECT).mkdir()
    (tmp_path / "directory" / "models.py").write_text("from articles.models import Article\nfrom accounts import x\n")
    (tmp_path / "accounts" / "x.py").write_text("from lib import ratelimit\n")
    assert violations(tmp_path) == []
    (tmp_path / path).write_text(source)
    assert any(expected in sentence for sentence in violations(tmp_path)), violations(tmp_path)
