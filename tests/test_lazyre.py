"""vplint.lazyre: patterns compiled on first use behave as compiled ones, and every
module-level pattern of vplint compiles (a broken one must not wait for the first text
that reaches it)."""

from __future__ import annotations

import ast
import importlib
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import vplint
from vplint.lazyre import LazyPattern, lazy

TEXTS = ["", "Save 30% in 2 days", "最好的平台三天内交付", "no match here", "a-b a_b AB ab"]


@pytest.mark.parametrize("source,flags", [(r"(?<![a-z])ab?", re.I), (r"(\d+)\s*(days?)", 0),
                                          (r"(?P<w>[\u4e00-\u9fff]{2})", 0), (r"[-_ ]", 0)])
def test_lazy_pattern_gives_what_the_compiled_pattern_gives(source: str, flags: int) -> None:
    compiled = re.compile(source, flags)
    pattern = lazy(source, flags)
    assert not pattern.is_compiled
    assert (pattern.pattern, pattern.flags) == (source, int(flags))
    assert not pattern.is_compiled, "reading .pattern or .flags must not compile"
    for text in TEXTS:
        for name in ("search", "match", "fullmatch", "findall", "split"):
            got, want = getattr(pattern, name)(text), getattr(compiled, name)(text)
            if isinstance(want, re.Match):
                assert isinstance(got, re.Match) and got.span() == want.span()
                assert got.groups() == want.groups()
            else:
                assert got == want
        assert [m.span() for m in pattern.finditer(text, 1)] == \
            [m.span() for m in compiled.finditer(text, 1)]
        assert pattern.sub("X", text) == compiled.sub("X", text)
        assert pattern.subn("X", text, count=1) == compiled.subn("X", text, count=1)
    assert pattern.is_compiled
    assert pattern.groups == compiled.groups
    assert dict(pattern.groupindex) == dict(compiled.groupindex)


def test_lazy_pattern_pickles_and_compares_by_source() -> None:
    pattern = lazy(r"\bfast\b", re.I)
    assert pattern.search("So FAST.")
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy == pattern and hash(copy) == hash(pattern)
    assert not copy.is_compiled
    assert copy.search("so fast").span() == (3, 7)
    assert lazy(r"\bfast\b") != pattern


def test_a_broken_pattern_fails_when_used_and_unknown_attributes_are_errors() -> None:
    pattern = lazy("(unclosed")
    with pytest.raises(re.error):
        pattern.search("x")
    with pytest.raises(AttributeError):
        lazy("a").no_such_method  # noqa: B018


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(vplint.__path__, "vplint.")]


def test_every_module_level_pattern_of_vplint_compiles() -> None:
    found = 0
    for name in _modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                if isinstance(item, LazyPattern):
                    assert isinstance(item.compiled, re.Pattern), (name, item)
                    found += 1
    assert found > 150


def _misused(source: str) -> list[str]:
    """Uses of a module's lazily compiled constant that need the compiled pattern itself:
    handed to a function of `re` (which takes a string or a compiled pattern) or compared
    (a match's `.re` is the compiled pattern, never the lazy one)."""
    tree = ast.parse(source)
    lazies = {target.id for node in tree.body if isinstance(node, ast.Assign)
              and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
              and node.value.func.id == "lazy"
              for target in node.targets if isinstance(target, ast.Name)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            found += [f"line {node.lineno}: re.{node.func.attr}({a.id})" for a in node.args
                      if isinstance(a, ast.Name) and a.id in lazies]
        if isinstance(node, ast.Compare):
            found += [f"line {node.lineno}: compared with {a.id}"
                      for a in [node.left, *node.comparators]
                      if isinstance(a, ast.Name) and a.id in lazies]
    return found


def test_the_misuse_finder_finds_misuses() -> None:
    source = ('X = lazy("a")\nY = "b"\n'
              'def f(m, t):\n    return m.re is X or re.search(X, t) or re.search(Y, t)\n')
    assert sorted(_misused(source)) == ["line 4: compared with X", "line 4: re.search(X)"]


def test_no_module_hands_a_lazy_pattern_where_a_compiled_one_is_needed() -> None:
    root = Path(vplint.__file__).parent
    found = {str(path.relative_to(root)): bad for path in sorted(root.rglob("*.py"))
             if (bad := _misused(path.read_text(encoding="utf-8")))}
    assert found == {}, "use the lazy pattern's methods, or its .compiled"
