"""The house rules docs/architecture.md describes, read from the source (ast): every import
of a pipeline module (at the top of a file or inside a function, relative or by
``importlib``, and the package ``__init__`` it runs) goes to the same floor or one below,
with no exceptions; no chain of imports comes back to where it started; no module is over
500 lines; only settings.py reads or sets environment variables."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pipeline"

# Floors, bottom first; a module is on the floor of the longest name here that prefixes it
# ("pipeline" itself is the package's __init__ only).
FLOORS: list[list[str]] = [
    # the types, the settings, the ports, and what needs nothing above them
    [
        "pipeline",
        "pipeline.errors",
        "pipeline.folders",
        "pipeline.executors",
        "pipeline.models",
        "pipeline.policy.models",  # policy types the review record carries: pure pydantic
        "pipeline.settings",
        "pipeline.ports",
        "pipeline.assets",
        "pipeline.terms",  # the drug and condition vocabulary: yaml and regular expressions
    ],
    ["pipeline.llm"],
    ["pipeline.sources"],
    ["pipeline.cases", "pipeline.policy", "pipeline.render"],
    ["pipeline.retrieve"],
    ["pipeline.draft"],
    ["pipeline.check"],
    ["pipeline.review", "pipeline.runtime", "pipeline.batch", "pipeline.bench"],
    ["pipeline.evals", "pipeline.web", "pipeline.cli"],
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom, importer: str) -> set[str]:
    """The pipeline modules one import statement loads: ``from pipeline.x import y`` counts
    y when y is a submodule, else x; a relative import is resolved against ``importer``."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in MODULES}
    module = node.module or ""
    if node.level:
        package = importer.split(".")
        if MODULES[importer].name != "__init__.py":
            package = package[:-1]  # a module's level 1 is its package
        base = package[: len(package) - node.level + 1]
        module = ".".join(base + ([module] if module else []))
    subs = {f"{module}.{a.name}" for a in node.names} & MODULES.keys()
    return subs or ({module} & MODULES.keys())


def _dynamic_target(node: ast.Call) -> str | None:
    """``importlib.import_module("pipeline.x")`` (or ``__import__``) with a literal name."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name not in {"import_module", "__import__"} or not node.args:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value in MODULES:
        return arg.value
    return None


def _with_packages(importer: str, targets: set[str]) -> set[str]:
    """Importing ``a.b.c`` runs ``a.b``'s ``__init__`` first: the packages above each target
    count as imported too where their ``__init__`` imports pipeline modules itself (else
    running it loads nothing), except the importer's own (they are loading already)."""
    own = {".".join(importer.split(".")[:i]) for i in range(1, importer.count(".") + 2)}
    out = set(targets)
    for target in targets:
        parts = target.split(".")
        out |= {".".join(parts[:i]) for i in range(2, len(parts))} - own
    return {m for m in out if m in targets or DIRECT.get(m)}


def _imports(source: str, importer: str) -> set[str]:
    """The pipeline modules a module's source imports when it runs, at its top or inside a
    function (``if TYPE_CHECKING:`` blocks excluded: they never run)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            children = node.orelse
        elif isinstance(node, ast.Import | ast.ImportFrom):
            found.update(_targets(node, importer))
            children = []
        else:
            if isinstance(node, ast.Call) and (target := _dynamic_target(node)):
                found.add(target)
            children = list(ast.iter_child_nodes(node))
        for child in children:
            visit(child)

    visit(ast.parse(source))
    return found - {importer}


SOURCES = {name: path.read_text(encoding="utf-8") for name, path in MODULES.items()}
DIRECT = {name: _imports(source, name) for name, source in SOURCES.items()}
GRAPH = {name: _with_packages(name, targets) for name, targets in DIRECT.items()}


def floor(module: str) -> int:
    best, level = "", -1
    for i, names in enumerate(FLOORS):
        for name in names:
            # "pipeline" is the package's own __init__ only: a new top-level module must
            # be given its floor, not fall onto the bottom one.
            within = module.startswith(name + ".") and name != "pipeline"
            if (module == name or within) and len(name) > len(best):
                best, level = name, i
    assert level >= 0, f"{module} is on no floor: add its package to FLOORS"
    return level


def test_every_module_is_on_a_floor() -> None:
    for module in MODULES:
        floor(module)


def _upward(graph: dict[str, set[str]]) -> list[str]:
    return [
        f"{a} (floor {floor(a)}) imports {b} (floor {floor(b)})"
        for a, targets in graph.items()
        for b in sorted(targets)
        if floor(b) > floor(a)
    ]


def test_no_import_runs_upward() -> None:
    upward = _upward(GRAPH)
    assert not upward, "imports that run up the layers:\n" + "\n".join(upward)


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle() -> None:
    cycle = _cycle(GRAPH)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("module", "target"),
    [("pipeline.models", "pipeline.policy.models"), ("pipeline.sources.ingest", "pipeline.models")],
)
def test_the_reader_sees_imports(module: str, target: str) -> None:
    """The reader itself: it finds imports it must find (else every test above passes)."""
    assert target in GRAPH[module]


def test_the_reader_sees_every_kind_of_import() -> None:
    """Imports in a function, relative ones and ``importlib`` by name all count; a
    ``TYPE_CHECKING`` block does not (it never runs)."""
    source = """
from typing import TYPE_CHECKING
from . import judge
from ..review import draft_review
if TYPE_CHECKING:
    from pipeline.cli import app
def late():
    from pipeline.runtime import Pipeline
    importlib.import_module("pipeline.web.app")
"""
    assert _imports(source, "pipeline.check.finalize") == {
        "pipeline.check.judge",
        "pipeline.review",
        "pipeline.runtime",
        "pipeline.web.app",
    }


def test_the_checks_fail_on_a_cycle_and_an_upward_import() -> None:
    graph = {"pipeline.check.finalize": {"pipeline.review"}, "pipeline.review": set()}
    assert _upward(graph) == ["pipeline.check.finalize (floor 6) imports pipeline.review (floor 7)"]
    graph["pipeline.review"] = {"pipeline.check.finalize"}
    assert _cycle(graph) == [
        "pipeline.check.finalize",
        "pipeline.review",
        "pipeline.check.finalize",
    ]


# --- module size and the process environment -------------------------------------------
MAX_LINES = 500


def test_no_module_over_500_lines() -> None:
    """Small modules with clear names: one over the bar is split by concern."""
    long = {
        name: n for name, source in SOURCES.items() if (n := len(source.splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by concern): {long}"


_ENV_CALLS = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}


def _env_uses(source: str) -> list[int]:
    """Lines that read or set the process environment: ``os.environ``, ``os.getenv``...,
    or those names imported from ``os``."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in _ENV_CALLS:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            if any(a.name in _ENV_CALLS for a in node.names):
                lines.append(node.lineno)
    return sorted(lines)


def test_only_settings_reads_or_sets_the_environment() -> None:
    """settings.py is where environment variables are read and set (it says so)."""
    found = {
        name: lines
        for name, source in SOURCES.items()
        if name != "pipeline.settings" and (lines := _env_uses(source))
    }
    assert not found, f"environment read or set outside pipeline/settings.py: {found}"
    assert _env_uses("import os\nx = os.environ.get('A')\nfrom os import getenv\n") == [2, 3]


# --- package __init__ files: re-exports only ----------------------------------------------
def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _init_logic(source: str) -> list[int]:
    """Lines of an ``__init__.py`` that are more than re-exports: anything but its
    docstring, imports, ``__all__`` and the package's ``__version__`` string (metadata
    the review record carries, not logic)."""
    tree = ast.parse(source)
    lines = []
    for i, node in enumerate(tree.body):
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if i == 0 and isinstance(node, ast.Expr) and _is_str(node.value):
            continue  # the docstring
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            value = node.value
            items = value.elts if isinstance(value, ast.List | ast.Tuple) else [None]
            if names == ["__all__"] and all(_is_str(e) for e in items):
                continue
            if names == ["__version__"] and _is_str(value):
                continue
        lines.append(node.lineno)
    return lines


def test_package_inits_only_re_export() -> None:
    """A package's ``__init__.py`` holds its docstring, imports and ``__all__``: the code
    lives in modules with names a reader can find."""
    found = {
        name: lines
        for name, path in MODULES.items()
        if path.name == "__init__.py" and (lines := _init_logic(SOURCES[name]))
    }
    assert not found, f"logic in __init__.py (move it into a module): {found}"


def test_the_init_check_sees_logic() -> None:
    source = '''"""Doc."""
from __future__ import annotations
from pipeline.x import a
__all__ = ["a"]
__version__ = "1"
X = 3
def f():
    pass
class C:
    pass
__all__ += ["b"]
if a:
    import b
'''
    assert _init_logic(source) == [6, 7, 9, 11, 12]
    assert _init_logic('"""Doc."""\n"""Not a docstring."""\n') == [2]
