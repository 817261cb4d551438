"""What a database's schema is, as comparable lines: tables with their columns, keys and checks,
indexes, triggers and (PostgreSQL) functions. Each released schema version is frozen as such a
description in `schema/<dialect>-v<N>.txt`, made from a database that version's code created
and never edited afterwards; `refund-desk check` compares the live database with its version's
description and names every difference, so a dropped or altered trigger or index is found."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import peewee as pw

_SPACE = re.compile(r"\s+")
# peewee's CREATE TABLE spells table options and constraints into the text SQLite keeps.
_CHECK = re.compile(r"CHECK \((.*?)\)(?:,|\s*\))")


def dialect(database: pw.Database) -> str:
    return "sqlite" if isinstance(database, pw.SqliteDatabase) else "postgresql"


def _norm(sql: str) -> str:
    return _SPACE.sub(" ", sql.strip())


def describe(database: pw.Database) -> list[str]:
    """The schema of the bound database as sorted description lines."""
    if dialect(database) == "sqlite":
        return _describe_sqlite(database)
    return _describe_postgresql(database)


def _describe_sqlite(database: pw.Database) -> list[str]:
    lines: list[str] = []
    rows = database.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    for kind, name, table, sql in rows:
        if kind == "table":
            lines.append(f"table {name}")
            for _cid, col, ctype, notnull, default, pk, hidden in database.execute_sql(
                f'PRAGMA table_xinfo("{name}")'
            ).fetchall():
                if hidden:
                    continue
                parts = [f"table {name} column {col} {ctype.upper()}"]
                parts += ["not null"] if notnull else []
                parts += [f"default {default}"] if default is not None else []
                parts += [f"pk {pk}"] if pk else []
                lines.append(" ".join(parts))
            for fk in database.execute_sql(f'PRAGMA foreign_key_list("{name}")').fetchall():
                lines.append(f"table {name} fk {fk[3]} -> {fk[2]}({fk[4]})")
            for idx in database.execute_sql(f'PRAGMA index_list("{name}")').fetchall():
                if idx[3] == "u":  # a UNIQUE constraint of the table itself
                    cols = [
                        c[2]
                        for c in database.execute_sql(f'PRAGMA index_info("{idx[1]}")').fetchall()
                    ]
                    lines.append(f"table {name} unique ({', '.join(cols)})")
            for check in _CHECK.findall(sql or ""):
                lines.append(f"table {name} check ({_norm(check)})")
            if "WITHOUT ROWID" in (sql or "").upper():
                lines.append(f"table {name} without rowid")
        elif kind in ("index", "trigger", "view") and sql:
            lines.append(f"{kind} {name} on {table}: {_norm(sql)}")
    return sorted(lines)


def _describe_postgresql(database: pw.Database) -> list[str]:
    lines: list[str] = []
    q = database.execute_sql
    for (table,) in q(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    ).fetchall():
        lines.append(f"table {table}")
    for table, col, dtype, length, nullable, default in q(
        "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, "
        "column_default FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall():
        parts = [f"table {table} column {col} {dtype.upper()}" + (f"({length})" if length else "")]
        parts += ["not null"] if nullable == "NO" else []
        parts += [f"default {default}"] if default is not None else []
        lines.append(" ".join(parts))
    for table, name, definition in q(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
        "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = current_schema()"
    ).fetchall():
        lines.append(f"table {table.strip(chr(34))} constraint {name}: {_norm(definition)}")
    for table, name, definition in q(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
    ).fetchall():
        lines.append(f"index {name} on {table}: {_norm(definition)}")
    for table, name, definition in q(
        "SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t "
        "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE NOT t.tgisinternal AND n.nspname = current_schema()"
    ).fetchall():
        lines.append(f"trigger {name} on {table}: {_norm(definition)}")
    for name, source in q(
        "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = current_schema()"
    ).fetchall():
        lines.append(f"function {name}: {_norm(source)}")
    return sorted(lines)


def frozen(dialect_name: str, version: int | str) -> list[str]:
    """The frozen description of a released schema version ("sqlite", 3) or a named variant of
    an early one ("sqlite", "1a")."""
    name = f"{dialect_name}-v{version}.txt"
    text = resources.files(__package__).joinpath("schema", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def has_frozen(dialect_name: str, version: int | str) -> bool:
    name = f"{dialect_name}-v{version}.txt"
    return resources.files(__package__).joinpath("schema", name).is_file()


@dataclass(frozen=True)
class SchemaDifference:
    missing: list[str]  # in the version's description, not in the database
    unexpected: list[str]  # in the database, not in the description

    @property
    def same(self) -> bool:
        return not self.missing and not self.unexpected

    def lines(self, limit: int = 20) -> list[str]:
        out = [f"- {line}" for line in self.missing] + [f"+ {line}" for line in self.unexpected]
        return out[:limit] + ([f"… {len(out) - limit} more"] if len(out) > limit else [])


def compare(expected: list[str], actual: list[str]) -> SchemaDifference:
    want, have = set(expected), set(actual)
    return SchemaDifference(sorted(want - have), sorted(have - want))


def render(lines: list[str], header: str) -> str:
    return "".join(f"# {h}\n" for h in header.splitlines()) + "".join(f"{x}\n" for x in lines)
