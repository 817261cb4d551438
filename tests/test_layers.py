"""The package's layers, checked over the source of every module (design.md, "Layers").

Each layer imports only the layers below it:

    top        app, __main__, launch, cli/  start-up and the admin commands
    ui         Qt widgets, models, dialogs
    printing   reportlab layouts (may use reports and store)
    reports    monthly tables, analytics (may use store)
    store      peewee models and services (may use domain)
    base       localdirs, paths, remembered, logs and the package's own __init__ (its version):
               this PC's folders, the shipped resources, the log file; pure Python, importing
               nothing of the layers above
    domain     pure rules: nothing of the package outside domain/

and some libraries stay out of some layers: no Qt below ui, and none of Qt, peewee, reportlab,
openpyxl or a database driver in domain or base.

An import is every `import` and `from … import` anywhere in a module (inside functions and
`if TYPE_CHECKING:` too), and every `importlib.import_module`, `__import__` and
`importlib.util.find_spec` call: an import hidden behind importlib is an import all the same. A
call whose module name is not written out as a literal cannot be checked, so it is refused.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "refund_desk"
ROOT = "refund_desk"

# Each layer, lowest first; a module may import its own layer and those before it.
ORDER = ("domain", "base", "store", "reports", "printing", "ui", "top")
ALLOWED: dict[str, set[str]] = {layer: set(ORDER[: ORDER.index(layer) + 1]) for layer in ORDER}
# The top-level modules and packages of refund_desk, each with its layer; a new one must be
# placed here before the check passes.
PLACES = {
    "domain": "domain",
    "localdirs": "base",
    "paths": "base",
    "remembered": "base",
    "logs": "base",
    "drafts": "base",  # the refund form's unsaved edits kept in this PC's local data folder
    "__init__": "base",
    "store": "store",
    "reports": "reports",
    "printing": "printing",
    "ui": "ui",
    "cli": "top",
    "app": "top",
    "launch": "top",
    "__main__": "top",
}
QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
DRIVERS = {"peewee", "playhouse", "psycopg2", "sqlite3"}
FORBIDDEN: dict[str, set[str]] = {
    "domain": QT | DRIVERS | {"reportlab", "openpyxl"},
    "base": QT | DRIVERS | {"reportlab", "openpyxl"},
    "store": QT,
    "reports": QT,
    "printing": QT,
}
DYNAMIC = {"import_module", "__import__", "find_spec"}


@dataclass(frozen=True)
class Import:
    line: int
    target: str  # an absolute dotted name


def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = [ROOT, *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(source: str, module: str, is_package: bool = False) -> Iterator[Import]:
    """Every import in `source`, the module `module`, as absolute names. Raises ValueError for
    a dynamic import whose name is not a literal."""
    here = module.split(".") if is_package else module.split(".")[:-1]
    tree = ast.parse(source)
    dynamic = DYNAMIC | {  # `from importlib import import_module as load` hides nothing either
        alias.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name in DYNAMIC and alias.asname
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, here)
            for alias in node.names:  # a submodule, or a name the module `base` defines
                yield Import(node.lineno, f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and _called_name(node.func) in dynamic:
            yield Import(node.lineno, _dynamic_target(node, here, module))


def _resolve(name: str, level: int, here: list[str]) -> str:
    if not level:
        return name
    base = here[: len(here) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _dynamic_target(call: ast.Call, here: list[str], module: str) -> str:
    name = _literal(call.args[0] if call.args else None)
    if name is None:
        raise ValueError(
            f"{module}:{call.lineno}: a dynamic import of a name that is not a literal"
        )
    if not name.startswith("."):
        return name
    # import_module(".x", package): relative to `package`, a literal or this module's own
    package = call.args[1] if len(call.args) > 1 else None
    package = next((k.value for k in call.keywords if k.arg == "package"), package)
    if isinstance(package, ast.Name) and package.id == "__package__":
        base = here
    elif (text := _literal(package)) is not None:
        base = text.split(".")
    else:
        raise ValueError(f"{module}:{call.lineno}: a relative dynamic import without its package")
    level = len(name) - len(name.lstrip("."))
    return _resolve(name[level:], level, base)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def layer_of(target: str) -> str | None:
    """The layer of an absolute module name inside the package, None outside it."""
    parts = target.split(".")
    if parts[0] != ROOT:
        return None
    if len(parts) == 1 or parts[1] not in PLACES:  # the package (`from .. import __version__`);
        return PLACES["__init__"]  # an unplaced module fails test_every_top_level_module_…
    return PLACES[parts[1]]


def problems(source: str, module: str, is_package: bool = False) -> list[str]:
    """What `source`, the module `module`, imports against the layers."""
    mine = layer_of(module)
    found = []
    try:
        seen = list(imports(source, module, is_package))
    except ValueError as refused:
        return [str(refused)]
    for imp in seen:
        where = f"{module}:{imp.line}"
        layer = layer_of(imp.target)
        if layer is None:
            if imp.target.split(".")[0] in FORBIDDEN.get(mine, set()):
                found.append(f"{where}: {mine} imports {imp.target}")
        elif layer not in ALLOWED.get(mine, set()):
            found.append(f"{where}: {mine} imports {imp.target} ({layer})")
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_top_level_module_has_a_layer():
    names = {p.stem for p in PACKAGE.glob("*.py")}
    names |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert names == set(PLACES), "place each top-level module of refund_desk in PLACES"


def test_every_module_keeps_to_its_layer():
    found = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        found += problems(source, module_name(path), path.name == "__init__.py")
    assert not found, "imports against the layers (tests/test_layers.py):\n" + "\n".join(found)


@pytest.mark.parametrize("layer", ["domain", "base", "store", "reports", "printing"])
def test_importing_a_layer_loads_none_of_its_forbidden_libraries(layer):
    """What the source does not show (an import made by a library, or by `exec`): every
    module of the layer imported in a fresh interpreter, then what it loaded."""
    names = sorted(
        module_name(p)
        for p in _modules()
        if layer_of(module_name(p)) == layer and p.name != "__main__.py"
    )
    probe = "import importlib, sys\n"
    probe += "".join(f"importlib.import_module({n!r})\n" for n in names)
    probe += "print('\\n'.join(sorted({m.split('.')[0] for m in sys.modules})))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert names
    assert not set(loaded) & FORBIDDEN[layer], (
        f"importing {layer} loads {FORBIDDEN[layer] & set(loaded)}"
    )


# The check itself: each kind of import it must see, in a module of each layer.
HIDDEN = [
    ("refund_desk.store.x", "from ..ui import i18n", "store imports refund_desk.ui"),
    ("refund_desk.store.x", "def f():\n    from refund_desk.ui import jobs", "(ui)"),
    ("refund_desk.store.x", "if TYPE_CHECKING:\n    from ..reports import monthly", "(reports)"),
    (
        "refund_desk.reports.x",
        "import importlib\nimportlib.import_module('refund_desk.printing')",
        "reports imports refund_desk.printing",
    ),
    (
        "refund_desk.reports.x",
        "from importlib import import_module as m\nm('..cli', __package__)",
        "reports imports refund_desk.cli (top)",
    ),
    ("refund_desk.reports.x", "def f():\n    return __import__('refund_desk.cli.main')", "(top)"),
    (
        "refund_desk.printing.x",
        "import importlib.util\nimportlib.util.find_spec('refund_desk.ui')",
        "(ui)",
    ),
    ("refund_desk.printing.x", "from PySide6.QtGui import QPageSize", "printing imports PySide6"),
    ("refund_desk.domain.x", "def f():\n    import peewee", "domain imports peewee"),
    ("refund_desk.domain.x", "from .. import localdirs", "domain imports refund_desk.localdirs"),
    ("refund_desk.domain.x", "import reportlab.lib", "domain imports reportlab.lib"),
    ("refund_desk.paths", "from .store import db", "base imports refund_desk.store"),
    ("refund_desk.ui.x", "import refund_desk.launch", "ui imports refund_desk.launch (top)"),
    ("refund_desk.ui.x", "import importlib\nimportlib.import_module(name)", "not a literal"),
    ("refund_desk.ui.x", "import importlib\nimportlib.import_module('.x', pkg)", "its package"),
    (
        "refund_desk.reports.x",
        "import importlib\nimportlib.import_module('.ui', 'refund_desk')",
        "reports imports refund_desk.ui (ui)",
    ),
]


@pytest.mark.parametrize(("module", "source", "expected"), HIDDEN)
def test_the_check_sees_every_kind_of_import(module, source, expected):
    found = problems(source, module)
    assert len(found) == 1 and expected in found[0], found


ALLOWED_HERE = [
    ("refund_desk.ui.x", "from ..printing import refund_form\nfrom ..reports import monthly"),
    ("refund_desk.printing.x", "from ..reports import sheet\nfrom ..store import queries"),
    ("refund_desk.store.x", "from .. import localdirs, remembered\nimport peewee"),
    ("refund_desk.domain.x", "from .errors import Text\nimport holidays"),
    ("refund_desk.cli.x", "def f():\n    from .. import app"),
]


@pytest.mark.parametrize(("module", "source"), ALLOWED_HERE)
def test_the_check_lets_downward_imports_pass(module, source):
    assert problems(source, module) == []
