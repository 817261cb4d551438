"""The release's numbers agree: the package version, the newest CHANGELOG entry, and the schema
that entry names are the ones this checkout builds and writes."""

import re
import tomllib
from pathlib import Path

from refund_desk.store import migrations

ROOT = Path(__file__).resolve().parents[2]


def _entries() -> list[tuple[str, int]]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return [
        (version, int(schema))
        for version, schema in re.findall(r"^## (\d+\.\d+\.\d+) — schema (\d+)$", text, re.M)
    ]


def test_the_newest_changelog_entry_is_this_version_and_schema():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    newest = _entries()[0]
    assert newest == (version, migrations.LATEST), (
        f"CHANGELOG.md's newest entry is {newest}; pyproject says {version}, the schema is "
        f"{migrations.LATEST}: a schema change needs a new version and its entry"
    )


def test_versions_only_grow_and_schemas_never_shrink():
    entries = _entries()
    assert len(entries) >= 2
    as_tuples = [tuple(int(p) for p in v.split(".")) for v, _ in entries]
    assert as_tuples == sorted(as_tuples, reverse=True) and len(set(as_tuples)) == len(as_tuples)
    schemas = [s for _, s in entries]
    assert schemas == sorted(schemas, reverse=True)
