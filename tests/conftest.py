"""Shared test helpers: the official SARIF 2.1.0 schema as a validator."""
import json
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="session")
def sarif_errors():
    """``sarif_errors(text)``: the messages of every violation of the OASIS SARIF 2.1.0
    schema (``tests/sarif-schema-2.1.0.json``, see its ``.SOURCE`` file) in a SARIF log."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (the [test] extra) validates SARIF")
    with open(os.path.join(HERE, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))

    def errors(text: str) -> list:
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]
    return errors
