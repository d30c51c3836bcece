"""The import direction docs/architecture.md describes, read from the source (ast): every
import of a pipeline module, at the top of a file or inside a function, goes to the same
floor or one below, and no chain of imports comes back to where it started."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "pipeline"

# Floors, bottom first; a module is on the floor of the longest name here that prefixes it.
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

# Imports that still run upward, each with why. The list can only shrink (an entry no
# longer needed fails the test).
ALLOWED_UPWARD: dict[tuple[str, str], str] = {
    # sources/ingest.py compiles declared policies at ingest; next, the caller
    # (Pipeline.ingest) hands ingest the compiler instead.
    ("pipeline.sources.ingest", "pipeline.policy.library"): "compiler given by caller",
}

# Re-exports kept while modules move (none now).
SHIMS: set[str] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(node: ast.Import | ast.ImportFrom) -> set[str]:
    """The pipeline modules one import statement loads: ``from pipeline.x import y`` counts
    y when y is a submodule, else x."""
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in MODULES}
    if node.level or not node.module:
        return set()
    subs = {f"{node.module}.{a.name}" for a in node.names} & MODULES.keys()
    return subs or ({node.module} & MODULES.keys())


def _imports(path: Path) -> set[str]:
    """The pipeline modules a file imports when it runs, at its top or inside a function
    (``if TYPE_CHECKING:`` blocks excluded: they never run)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            children = node.orelse
        elif isinstance(node, ast.Import | ast.ImportFrom):
            found.update(_targets(node))
            children = []
        else:
            children = list(ast.iter_child_nodes(node))
        for child in children:
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def floor(module: str) -> int:
    best, level = "", -1
    for i, names in enumerate(FLOORS):
        for name in names:
            if (module == name or module.startswith(name + ".")) and len(name) > len(best):
                best, level = name, i
    assert level >= 0, f"{module} is on no floor: add its package to FLOORS"
    return level


def test_every_module_is_on_a_floor() -> None:
    for module in MODULES:
        floor(module)


def test_no_import_runs_upward() -> None:
    upward = [
        f"{a} (floor {floor(a)}) imports {b} (floor {floor(b)})"
        for a, targets in GRAPH.items()
        for b in sorted(targets)
        if floor(b) > floor(a) and (a, b) not in ALLOWED_UPWARD
    ]
    assert not upward, "imports that run up the layers:\n" + "\n".join(upward)


def test_allowlist_names_only_what_is_still_there() -> None:
    """An entry whose import is gone must leave the list (so it only ever shrinks)."""
    stale = [pair for pair in ALLOWED_UPWARD if pair[1] not in GRAPH.get(pair[0], set())]
    assert not stale, f"remove from ALLOWED_UPWARD: {stale}"
    for shim in SHIMS:
        assert shim in MODULES, f"{shim} is gone: remove it from SHIMS"


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for module in sorted(GRAPH):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_import_cycle() -> None:
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


@pytest.mark.parametrize(
    ("module", "target"),
    [("pipeline.models", "pipeline.policy.models"), ("pipeline.sources.ingest", "pipeline.models")],
)
def test_the_reader_sees_imports(module: str, target: str) -> None:
    """The reader itself: it finds imports it must find (else every test above passes)."""
    assert target in GRAPH[module]
