"""Validate a parsed brief: every pass runs lazily, so one run reports every failure."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from schemas.tables import ERROR_MODELS, WARNING_MODELS, Severity, cross_table_schemas

EXAMPLE_VALUES = 3
EXAMPLE_CHARS = 200
VALUE_CHARS = 60
# Checks whose failure case is the name of the column that is missing or unexpected.
NAMES_A_COLUMN = frozenset({"column_in_dataframe", "column_in_schema"})


@dataclass(frozen=True)
class CheckFailure:
    """One failed check of one table, as stored in quality_checks."""

    table_name: str
    check_name: str
    column_name: str | None  # comma-separated when a check spans columns; None for the whole table
    failures: int  # failing rows (or values)
    severity: Severity
    example: str  # a few failing values, for a person to look up


def validate_brief(tables: Mapping[str, pd.DataFrame]) -> list[CheckFailure]:
    """All failed checks of a parsed brief; raises only on programmer error."""
    failures = [
        CheckFailure(table, "table_present", None, 1, "error", "missing")
        for table in ERROR_MODELS
        if table not in tables
    ]
    for table, severity, schema in _passes(tables):
        if table in tables:
            failures += _run(table, severity, schema, tables[table])
    return failures


def has_errors(failures: Iterable[CheckFailure]) -> bool:
    """True if any failure must keep the brief out of the warehouse."""
    return any(failure.severity == "error" for failure in failures)


def _passes(
    tables: Mapping[str, pd.DataFrame],
) -> Iterator[tuple[str, Severity, pa.DataFrameSchema]]:
    for table, model in ERROR_MODELS.items():
        yield table, "error", model.to_schema()
    for table, model in WARNING_MODELS.items():
        yield table, "warning", model.to_schema()
    yield from cross_table_schemas(tables)


def _run(
    table: str, severity: Severity, schema: pa.DataFrameSchema, frame: pd.DataFrame
) -> list[CheckFailure]:
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        return _summarise(table, severity, exc.failure_cases, len(frame))
    return []


def _summarise(
    table: str, severity: Severity, cases: pd.DataFrame, rows: int
) -> list[CheckFailure]:
    """Fold Pandera's one-row-per-failing-value frame into one entry per (check, column)."""
    grouped: dict[tuple[str, str | None], dict[Any, str]] = {}
    for check, column, row, shown in _findings(table, cases, rows):
        grouped.setdefault((check, column), {})[row] = shown
    return [
        CheckFailure(table, check, column, len(shown), severity, _example(shown.values()))
        for (check, column), shown in grouped.items()
    ]


def _findings(
    table: str, cases: pd.DataFrame, rows: int
) -> Iterator[tuple[str, str | None, Any, str]]:
    """(check, column, failing row, shown value) for each failure case.

    Pandera reports four shapes: a value of one column; a {column: value} dict
    for a row-wise dataframe check; one value per key column for multi-column
    uniqueness; and table-level verdicts whose column is the schema name.
    """
    key_columns: dict[tuple[str, Any], dict[str, Any]] = {}
    for number, case in enumerate(cases.to_dict("records")):
        check, column, value = case["check"], case["column"], case["failure_case"]
        row = case["index"] if pd.notna(case["index"]) else f"case {number}"
        if check in NAMES_A_COLUMN:
            yield check, value, row, str(value)
        elif isinstance(value, dict):
            yield check, ",".join(value), row, _pairs(value)
        elif column == table:
            yield check, None, row, f"{rows} rows" if isinstance(value, bool) else _show(value)
        elif case["schema_context"] == "DataFrameSchema":
            key_columns.setdefault((check, row), {})[column] = value
        else:
            yield check, column, row, _show(value)
    for (check, row), values in key_columns.items():
        yield check, ",".join(values), row, _pairs(values)


def _show(value: Any) -> str:
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return "NULL"
    text = str(value)
    return text if len(text) <= VALUE_CHARS else text[: VALUE_CHARS - 1] + "…"


def _pairs(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{column}={_show(value)}" for column, value in values.items())


def _example(shown: Iterable[str]) -> str:
    distinct = list(dict.fromkeys(shown))
    text = "; ".join(distinct[:EXAMPLE_VALUES])
    if len(distinct) > EXAMPLE_VALUES:
        text += "; …"
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"
