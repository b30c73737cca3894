"""Pandera models for the tables of a parsed brief (see CONTRACT.md).

Severity is decided by where a check lives, so each pass can be validated
lazily and reported with Pandera's structured failure cases:

- ``ERROR_MODELS``: one model per contract table; any failure keeps the brief
  out of the warehouse.
- ``WARNING_MODELS``: gaps a person should look at; the brief still loads.
  (``Check(raise_warning=True)`` was not used: Pandera then only emits a
  ``SchemaWarning`` text and drops the failure cases.)
- ``cross_table_schemas``: checks that need another table of the same brief,
  built per brief because a model only ever sees one frame.
"""

import datetime as dt
import importlib.util
import sys
from collections.abc import Hashable, Mapping
from typing import Any, Literal

import pandas as pd
import pandera.pandas as pa
import pycountry
from pandera.engines.pandas_engine import Date, Decimal
from pandera.typing import Series


def _dask_dataframe_known_absent() -> None:
    """Pandera imports dask.dataframe, if it can, the first time it builds a schema from a
    model. Dask is installed for prefect-dask alone, without pyarrow, which dask.dataframe
    requires: the import always fails, but only after loading dask.array, about 0.25 s of the
    flow's process. Without pyarrow, say up front that it is absent: Pandera gets the same
    ImportError at once. (With pyarrow, nothing changes.)"""
    if "dask.dataframe" not in sys.modules and importlib.util.find_spec("pyarrow") is None:
        sys.modules["dask.dataframe"] = None


_dask_dataframe_known_absent()

Severity = Literal["error", "warning"]

ISO3_CODES = frozenset(country.alpha_3 for country in pycountry.countries)
CURRENCY_CODES = frozenset(currency.alpha_3 for currency in pycountry.currencies)
CONTRIBUTION_KINDS = ("assessed", "voluntary_core", "voluntary_non_core", "voluntary", "total")
QUALIFIERS = ("exact", "more_than", "about", "up_to")
INDICATOR_NAMES = ("oda_usd", "oda_gni_percent", "oda_donor_rank")
AGENCY_KINDS = ("government", "private")

YEARS = {"min_value": 1900, "max_value": 2100}
DATES = {"min_value": dt.date(1900, 1, 1), "max_value": dt.date(2100, 12, 31)}
CONVENTIONS = {"min_value": 0, "max_value": 200}
NOT_BLANK = r"\S"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def _text(nullable: bool = False, **checks: Any) -> Any:
    """A VARCHAR column. Coerced because pandas gives empty frames object columns."""
    return pa.Field(nullable=nullable, coerce=True, **checks)


def _integer(nullable: bool = True, **checks: Any) -> Any:
    """An INTEGER column. Coerced so plain int64 (no NULLs) is as good as Int64."""
    return pa.Field(nullable=nullable, coerce=True, **checks)


def _flag_rows(df: pd.DataFrame, ok: pd.Series, *columns: str) -> pd.DataFrame | bool:
    """Spread a per-row verdict over `columns` only.

    A dataframe check that returns a frame reports each failing row as
    ``{column: value}`` for its False cells, so the failure cases name just
    the columns a person needs to see, not every column of the row. When
    every row passes, a plain True says so for a fraction of the cost.
    """
    if ok.astype(bool).all():
        return True
    verdict = pd.DataFrame(True, index=df.index, columns=df.columns)
    verdict.loc[~ok.astype(bool), list(columns)] = False
    return verdict


def _not_before(df: pd.DataFrame, start: str, end: str) -> pd.DataFrame | bool:
    """Rows where `end` precedes `start` fail; rows missing either pass."""
    backwards = (df[end] < df[start]).fillna(False).astype(bool)
    return _flag_rows(df, ~backwards, start, end)


def _present(series: pd.Series) -> pd.Series:
    """True where a value is stated: not NULL and not blank text."""
    return series.notna() & series.astype(str).str.strip().ne("")


class _Table(pa.DataFrameModel):
    """Every table carries the brief it was read from; columns are exactly the contract's."""

    brief_id: Series[str] = _text(str_matches=r"^[0-9a-f]{16}$")

    class Config:
        strict = True


class Briefs(_Table):
    """One row per PDF; loader-set columns (ingested_at, run_id, is_current) are absent."""

    sha256: Series[str] = _text(str_matches=r"^[0-9a-f]{64}$")
    source_file: Series[str] = _text(str_matches=NOT_BLANK)
    partner: Series[str] = _text(str_matches=NOT_BLANK)
    partner_iso3: Series[str] = _text(nullable=True)
    title: Series[str] = _text(nullable=True)
    published: Series[Date] = pa.Field(nullable=True, in_range=DATES)
    page_count: Series[pd.Int64Dtype] = _integer(ge=1)
    conventions_ratified: Series[pd.Int64Dtype] = _integer(in_range=CONVENTIONS)
    fundamental_conventions: Series[pd.Int64Dtype] = _integer(in_range=CONVENTIONS)
    governance_conventions: Series[pd.Int64Dtype] = _integer(in_range=CONVENTIONS)
    technical_conventions: Series[pd.Int64Dtype] = _integer(in_range=CONVENTIONS)
    protocols_ratified: Series[pd.Int64Dtype] = _integer(ge=0)
    contact_email: Series[str] = _text(nullable=True, str_matches=EMAIL)
    contact_phone: Series[str] = _text(nullable=True)

    class Config:
        name = "briefs"

    @pa.parser("published")
    def _published_as_dates(cls, series: pd.Series) -> pd.Series:
        """The parser may hand over datetime64; the contract column is a DATE."""
        if pd.api.types.is_datetime64_any_dtype(series):
            return series.dt.date.astype(object)
        return series

    @pa.check("partner_iso3", name="iso3_exists")
    def _iso3_exists(cls, series: pd.Series) -> pd.Series:
        return series.isin(ISO3_CODES)

    @pa.check("published", name="first_of_month")
    def _first_of_month(cls, series: pd.Series) -> pd.Series:
        """The contract stores a stated month as its first day."""
        return series.map(lambda day: getattr(day, "day", None) == 1).astype(bool)

    @pa.dataframe_check(name="one_row")
    def _one_row(cls, df: pd.DataFrame) -> bool:
        return len(df) == 1

    @pa.dataframe_check(name="brief_id_is_sha256_prefix", ignore_na=False)
    def _brief_id_is_sha256_prefix(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        """NULLs are the not_nullable check's to report."""
        ok = (df["brief_id"] == df["sha256"].str[:16]) | df["brief_id"].isna() | df["sha256"].isna()
        return _flag_rows(df, ok, "brief_id", "sha256")

    @pa.dataframe_check(name="conventions_add_up", ignore_na=False)
    def _conventions_add_up(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        """Only judged where the total and all three parts are stated."""
        parts = ["fundamental_conventions", "governance_conventions", "technical_conventions"]
        ok = (df[parts].sum(axis=1, skipna=False) == df["conventions_ratified"]).fillna(True)
        return _flag_rows(df, ok, "conventions_ratified", *parts)


class Contributions(_Table):
    kind: Series[str] = _text(isin=CONTRIBUTION_KINDS)
    amount: Series[Decimal(18, 2)] = pa.Field(gt=0)  # Decimal objects, never coerced
    currency: Series[str] = _text()
    qualifier: Series[str] = _text(isin=QUALIFIERS)
    period_start: Series[pd.Int64Dtype] = _integer(in_range=YEARS)
    period_end: Series[pd.Int64Dtype] = _integer(in_range=YEARS)
    page: Series[pd.Int64Dtype] = _integer(ge=1)
    evidence: Series[str] = _text(nullable=True)

    class Config:
        name = "contributions"

    @pa.check("currency", name="iso4217_exists")
    def _iso4217_exists(cls, series: pd.Series) -> pd.Series:
        return series.isin(CURRENCY_CODES)

    @pa.dataframe_check(name="period_end_not_before_start", ignore_na=False)
    def _period_order(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return _not_before(df, "period_start", "period_end")


class Indicators(_Table):
    name: Series[str] = _text(isin=INDICATOR_NAMES)
    value: Series[float] = pa.Field(coerce=True, ge=0)
    year: Series[pd.Int64Dtype] = _integer(in_range=YEARS)
    page: Series[pd.Int64Dtype] = _integer(ge=1)
    evidence: Series[str] = _text(nullable=True)

    class Config:
        name = "indicators"


class Projects(_Table):
    project_id: Series[str] = _text(str_matches=NOT_BLANK)
    title: Series[str] = _text(str_matches=NOT_BLANK)
    start_year: Series[pd.Int64Dtype] = _integer(in_range=YEARS)
    end_year: Series[pd.Int64Dtype] = _integer(in_range=YEARS)
    description: Series[str] = _text(nullable=True)
    page: Series[pd.Int64Dtype] = _integer(ge=1)

    class Config:
        name = "projects"
        unique = ["project_id", "brief_id"]

    @pa.dataframe_check(name="end_year_not_before_start", ignore_na=False)
    def _year_order(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return _not_before(df, "start_year", "end_year")


class ProjectCountries(_Table):
    project_id: Series[str] = _text()
    iso3: Series[str] = _text()
    country: Series[str] = _text(nullable=True)

    class Config:
        name = "project_countries"
        unique = ["project_id", "brief_id", "iso3"]

    @pa.check("iso3", name="iso3_exists")
    def _iso3_exists(cls, series: pd.Series) -> pd.Series:
        return series.isin(ISO3_CODES)


class ProjectFunders(_Table):
    project_id: Series[str] = _text()
    agency: Series[str] = _text(str_matches=NOT_BLANK)

    class Config:
        name = "project_funders"
        unique = ["project_id", "brief_id", "agency"]


class Agencies(_Table):
    name: Series[str] = _text(str_matches=NOT_BLANK)
    acronym: Series[str] = _text(nullable=True)
    kind: Series[str] = _text(isin=AGENCY_KINDS)

    class Config:
        name = "agencies"


class Priorities(_Table):
    ordinal: Series[pd.Int64Dtype] = _integer(nullable=False, ge=1)
    text: Series[str] = _text(str_matches=NOT_BLANK)

    class Config:
        name = "priorities"
        unique = ["brief_id", "ordinal"]


class Sections(_Table):
    ordinal: Series[pd.Int64Dtype] = _integer(nullable=False, ge=1)
    heading: Series[str] = _text(nullable=True)
    body: Series[str] = _text(nullable=True)
    page_start: Series[pd.Int64Dtype] = _integer(ge=1)
    page_end: Series[pd.Int64Dtype] = _integer(ge=1)

    class Config:
        name = "sections"
        unique = ["brief_id", "ordinal"]

    @pa.dataframe_check(name="page_end_not_before_start", ignore_na=False)
    def _page_order(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        return _not_before(df, "page_start", "page_end")


def _optional() -> Any:
    """A column a warning looks at; its type and presence are the error models' job."""
    return pa.Field(nullable=True, required=False)


class BriefWarnings(pa.DataFrameModel):
    published: Series[Any] = _optional()
    contact_email: Series[Any] = _optional()

    class Config:
        name = "briefs"

    @pa.check("published", name="published_present", ignore_na=False)
    def _published_present(cls, series: pd.Series) -> pd.Series:
        return series.notna()

    @pa.check("contact_email", name="contact_email_present", ignore_na=False)
    def _contact_email_present(cls, series: pd.Series) -> pd.Series:
        return _present(series)


class ContributionWarnings(pa.DataFrameModel):
    evidence: Series[Any] = _optional()

    class Config:
        name = "contributions"

    @pa.dataframe_check(name="has_contributions")
    def _has_contributions(cls, df: pd.DataFrame) -> bool:
        """Every brief so far states money to the ILO; none read suggests a parser miss."""
        return len(df) > 0

    @pa.check("evidence", name="evidence_present", ignore_na=False)
    def _evidence_present(cls, series: pd.Series) -> pd.Series:
        return _present(series)


class IndicatorWarnings(pa.DataFrameModel):
    evidence: Series[Any] = _optional()

    class Config:
        name = "indicators"

    @pa.check("evidence", name="evidence_present", ignore_na=False)
    def _evidence_present(cls, series: pd.Series) -> pd.Series:
        return _present(series)


class ProjectWarnings(pa.DataFrameModel):
    title: Series[Any] = _optional()
    start_year: Series[Any] = _optional()
    end_year: Series[Any] = _optional()
    description: Series[Any] = _optional()

    class Config:
        name = "projects"

    @pa.dataframe_check(name="years_stated", ignore_na=False)
    def _years_stated(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        """Reported by title: the years are what is missing."""
        return _flag_rows(df, df["start_year"].notna() | df["end_year"].notna(), "title")

    @pa.dataframe_check(name="description_present", ignore_na=False)
    def _description_present(cls, df: pd.DataFrame) -> pd.DataFrame | bool:
        """Reported by title: the description is what is missing."""
        return _flag_rows(df, _present(df["description"]), "title")


ERROR_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "briefs": Briefs,
    "contributions": Contributions,
    "indicators": Indicators,
    "projects": Projects,
    "project_countries": ProjectCountries,
    "project_funders": ProjectFunders,
    "agencies": Agencies,
    "priorities": Priorities,
    "sections": Sections,
}

WARNING_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "briefs": BriefWarnings,
    "contributions": ContributionWarnings,
    "indicators": IndicatorWarnings,
    "projects": ProjectWarnings,
}


PER_BRIEF_CHECKS = frozenset({"one_row", "has_contributions"})
"""Table-level checks that only mean something for one brief's tables (see schemas.validate)."""


def _pairs(tables: Mapping[str, pd.DataFrame], owners: Mapping[str, pd.Series], table: str, column: str,
           ) -> frozenset[tuple[int, Any]]:
    """(brief, value) for the stated values of one column, or none if the table or column is missing."""
    frame = tables.get(table)
    if frame is None or column not in frame.columns:
        return frozenset()
    return frozenset((owner, value) for owner, value in zip(owners[table], frame[column])
                     if isinstance(value, Hashable) and _stated(value))


def _stated(value: Any) -> bool:
    """Not NULL; a value pandas cannot judge (a tuple, say) counts as stated."""
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):
        return True


def _refers_to(column: str, allowed: frozenset[tuple[int, Any]], owner: pd.Series, name: str) -> pa.Column:
    """`column` must hold one of the values `allowed` for the row's own brief; NULLs and absence
    are left to ERROR_MODELS. `owner` gives each row's brief by index label (Pandera hands a
    check the column without its NULLs)."""
    def check(series: pd.Series) -> pd.Series:
        keys = zip(owner.loc[series.index], series)
        return pd.Series([isinstance(value, Hashable) and (brief, value) in allowed for brief, value in keys],
                         index=series.index, dtype=bool)

    return pa.Column(checks=pa.Check(check, name=name), name=column, nullable=True, required=False)


def cross_table_schemas(
    tables: Mapping[str, pd.DataFrame], owners: Mapping[str, pd.Series] | None = None,
) -> list[tuple[str, Severity, pa.DataFrameSchema]]:
    """Checks between tables of the same brief, as (table, severity, schema) passes.

    `owners` maps each table to the brief (0, 1, ...) of each row, by index label, when the
    tables hold several briefs; by default they hold one.
    """
    owners = owners or {name: pd.Series(0, index=frame.index) for name, frame in tables.items()}
    brief_ids = _pairs(tables, owners, "briefs", "brief_id")
    project_ids = _pairs(tables, owners, "projects", "project_id")
    acronyms = _pairs(tables, owners, "agencies", "acronym")

    def schema(table: str, *, projects: bool = False) -> pa.DataFrameSchema:
        columns = [_refers_to("brief_id", brief_ids, owners[table], "brief_id_matches_briefs")]
        if projects:
            columns.append(_refers_to("project_id", project_ids, owners[table], "project_exists"))
        return pa.DataFrameSchema({column.name: column for column in columns}, name=table)

    passes: list[tuple[str, Severity, pa.DataFrameSchema]] = [
        (table, "error", schema(table, projects=table in ("project_countries", "project_funders")))
        for table in ERROR_MODELS
        if table != "briefs" and table in tables
    ]
    if "project_funders" in tables:
        funders = pa.DataFrameSchema(
            {"agency": _refers_to("agency", acronyms, owners["project_funders"], "agency_known")},
            name="project_funders")
        passes.append(("project_funders", "warning", funders))
    return passes
