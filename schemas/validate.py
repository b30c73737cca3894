"""Validate parsed briefs: every pass runs lazily, so one run reports every failure.

Pandera's cost is per check far more than per row (about 40 ms for a brief's nine tables,
about as much for fifty briefs at once), so a batch of briefs shaped like the contract is
validated in one pass per table, and each failure goes back to the brief its row came from.
"""

import copy
import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from parsers.frames import Batch, stack_frames
from schemas.tables import ERROR_MODELS, PER_BRIEF_CHECKS, WARNING_MODELS, Severity, cross_table_schemas

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
            failures += [failure for failure, _ in _run(table, severity, schema, tables[table])[0]]
    return failures


def validate_briefs(briefs: Sequence[Mapping[str, pd.DataFrame]]) -> list[list[CheckFailure]]:
    """The failed checks of each brief, the same as validate_brief gives for it alone.

    Briefs with every table and exactly its columns are validated as one batch (validate_batch);
    any other brief alone.
    """
    shaped = [index for index, tables in enumerate(briefs) if _shaped(tables)] if len(briefs) > 1 else []
    together = dict(zip(shaped, validate_batch(stack_frames([briefs[i] for i in shaped])))) if shaped else {}
    return [together[i] if i in together else validate_brief(tables) for i, tables in enumerate(briefs)]


def validate_batch(batch: Batch) -> list[list[CheckFailure]]:
    """The failed checks of each brief of a batch, the same as validate_brief gives for it alone.

    A batch's frames have the contract's columns. Its briefs with one brief row and some
    contributions are validated together; any other brief alone, and so is every brief of the
    batch if a failure cannot be traced to the row, and so the brief, it came from.
    """
    regular = [position for position, (brief_rows, contributions)
               in enumerate(zip(batch.rows_of("briefs"), batch.rows_of("contributions")))
               if brief_rows == 1 and contributions > 0] if batch.size > 1 else []
    together = dict(zip(regular, _validate_together(batch.only(regular)) or [])) if regular else {}
    return [together[i] if i in together else validate_brief(batch.brief(i)) for i in range(batch.size)]


def has_errors(failures: Iterable[CheckFailure]) -> bool:
    """True if any failure must keep the brief out of the warehouse."""
    return any(failure.severity == "error" for failure in failures)


def _passes(
    tables: Mapping[str, pd.DataFrame], owners: Mapping[str, pd.Series] | None = None,
) -> Iterator[tuple[str, Severity, pa.DataFrameSchema]]:
    """Every schema to run; with `owners` (several briefs in each table), without the checks
    that only mean something for one brief, which validate_batch has already settled."""
    schema = _batch_schema if owners else _schema
    for table, model in ERROR_MODELS.items():
        yield table, "error", schema(model)
    for table, model in WARNING_MODELS.items():
        yield table, "warning", schema(model)
    yield from cross_table_schemas(tables, owners)


def _schema(model: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    return model.to_schema()


@functools.cache
def _batch_schema(model: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    schema = copy.deepcopy(model.to_schema())
    schema.checks = [check for check in schema.checks if check.name not in PER_BRIEF_CHECKS]
    return schema


def _shaped(tables: Mapping[str, pd.DataFrame]) -> bool:
    """Every contract table, with exactly its columns: the briefs a Batch can hold."""
    return all(table in tables and set(tables[table].columns) == set(model.to_schema().columns)
               for table, model in ERROR_MODELS.items())


def _validate_together(batch: Batch) -> list[list[CheckFailure]] | None:
    """Each brief's failures from one pass per table over all of them; None if one cannot be traced."""
    failures: list[list[CheckFailure]] = [[] for _ in range(batch.size)]
    for table, severity, schema in _passes(batch.tables, batch.owners):
        found, untraced = _run(table, severity, schema, batch.tables[table], batch.owners[table])
        if untraced:
            return None
        for failure, brief in found:
            failures[brief].append(failure)
    return failures


def _run(
    table: str, severity: Severity, schema: pa.DataFrameSchema, frame: pd.DataFrame, owner: pd.Series | None = None,
) -> tuple[list[tuple[CheckFailure, int]], bool]:
    """(failure, brief) of one pass, the brief by `owner` (default: all one brief), and whether
    some failure had no row to trace it by."""
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        return _summarise(table, severity, exc.failure_cases, frame, owner)
    return [], False


def _summarise(
    table: str, severity: Severity, cases: pd.DataFrame, frame: pd.DataFrame, owner: pd.Series | None,
) -> tuple[list[tuple[CheckFailure, int]], bool]:
    """Fold Pandera's one-row-per-failing-value frame into one entry per (brief, check, column)."""
    grouped: dict[tuple[int, str, str | None], dict[Any, str]] = {}
    untraced = False
    for check, column, row, shown in _findings(table, cases, len(frame)):
        brief = 0
        if owner is not None:
            if isinstance(row, str) or row not in owner.index:
                untraced = True
                continue
            brief = int(owner.loc[row])
        grouped.setdefault((brief, check, column), {})[row] = shown
    found = [
        (CheckFailure(table, check, column, len(shown), severity, _example(shown.values())), brief)
        for (brief, check, column), shown in grouped.items()
    ]
    return found, untraced


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
