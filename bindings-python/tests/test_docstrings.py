"""The examples in the docstrings run as tests: every ``>>>`` line of the
package's modules, functions, classes and methods (native ones included)
must print what the docstring says."""

from __future__ import annotations

import doctest
import inspect

import pytest

import motcua
from motcua import _batch, _errors, _motcua, _status, _table


def docstrings():
    seen = set()
    for module in (motcua, _batch, _errors, _motcua, _status, _table):
        yield module.__name__, module.__doc__
        for name, value in vars(module).items():
            owner = getattr(value, "__module__", None) or "motcua"
            if name.startswith("__") or id(value) in seen or not owner.startswith("motcua"):
                continue
            seen.add(id(value))
            if inspect.isclass(value) or callable(value):
                yield f"{module.__name__}.{name}", getattr(value, "__doc__", None)
            if inspect.isclass(value):
                for attr, member in vars(value).items():
                    if not attr.startswith("_"):
                        yield f"{module.__name__}.{name}.{attr}", getattr(member, "__doc__", None)


EXAMPLES = [(name, doc) for name, doc in docstrings() if doc and ">>>" in doc]


def test_there_are_docstring_examples():
    assert len(EXAMPLES) >= 8


@pytest.mark.parametrize("name,doc", EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_docstring_example(name, doc):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(doc, {}, name, None, 0)  # each example imports what it uses
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output = []
    runner.run(test, out=output.append)
    assert runner.failures == 0, "".join(output)
