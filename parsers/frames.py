"""Records → pandas frames shaped like the contract, for validation and loading.

A run validates and loads its briefs in batches, so a batch becomes one frame per table
(a Batch) in one step: building a frame costs about the same for one row as for a thousand,
and nine small frames per brief cost more than parsing its text. Only the flow's process
needs pandas; the extraction children hand over plain rows (parsers.records).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from parsers.columns import COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, Records, Row

OBJECT_COLUMNS = {"amount", "published"}  # Decimal money and dates stay Python objects


def to_frame(table: str, rows: Sequence[Row]) -> pd.DataFrame:
    """Rows as a frame with the contract's columns: nullable integers, Decimal money and dates as
    objects, text as strings. Every column's type is set, not inferred, so a brief has the same
    frames alone as in a batch (where another brief's text can fill a column it left empty)."""
    frame = pd.DataFrame(list(rows), columns=COLUMNS[table])
    for column in frame.columns:
        if column in INTEGER_COLUMNS:
            frame[column] = frame[column].astype("Int64")
        elif column in FLOAT_COLUMNS:
            frame[column] = frame[column].astype("float64")
        elif column in OBJECT_COLUMNS:
            frame[column] = frame[column].astype(object)
        else:
            frame[column] = frame[column].astype("str")
    return frame


def to_frames(records: Records) -> dict[str, pd.DataFrame]:
    """One brief's records as one frame per contract table."""
    return {table: to_frame(table, records.get(table, [])) for table in COLUMNS}


@dataclass
class Batch:
    """Many briefs in one frame per contract table; `owners[table]` gives, for each row of
    that table, the position of the brief it came from (0 … size-1)."""

    tables: dict[str, pd.DataFrame]
    owners: dict[str, pd.Series]
    size: int

    def rows_of(self, table: str) -> list[int]:
        """How many rows of `table` each brief has."""
        counts = self.owners[table].value_counts()
        return [int(counts.get(position, 0)) for position in range(self.size)]

    def only(self, positions: Sequence[int]) -> Batch:
        """The batch of the briefs at `positions`, numbered 0 … len(positions)-1 in that order."""
        if list(positions) == list(range(self.size)):
            return self
        renumber = {position: new for new, position in enumerate(positions)}
        tables, owners = {}, {}
        for table, frame in self.tables.items():
            kept = self.owners[table].isin(renumber).to_numpy()
            tables[table] = frame[kept].reset_index(drop=True)
            owners[table] = self.owners[table][kept].map(renumber).reset_index(drop=True).astype("int64")
        return Batch(tables, owners, len(positions))

    def brief(self, position: int) -> dict[str, pd.DataFrame]:
        """One brief's frames, as it would have alone."""
        return {table: frame[(self.owners[table] == position).to_numpy()].reset_index(drop=True)
                for table, frame in self.tables.items()}


def stack(briefs: Sequence[Records]) -> Batch:
    """The records of many briefs as one Batch."""
    tables, owners = {}, {}
    for table in COLUMNS:
        rows = [row for records in briefs for row in records.get(table, [])]
        tables[table] = to_frame(table, rows)
        owners[table] = pd.Series(
            [position for position, records in enumerate(briefs) for _ in records.get(table, [])], dtype="int64")
    return Batch(tables, owners, len(briefs))


def stack_frames(briefs: Sequence[Mapping[str, pd.DataFrame]]) -> Batch:
    """Briefs already in frames, each with every contract table and its columns, as one Batch."""
    tables, owners = {}, {}
    for table in COLUMNS:
        stated = [(position, brief[table]) for position, brief in enumerate(briefs) if len(brief[table])]
        frames = [frame for _, frame in stated] or [briefs[0][table] if briefs else to_frame(table, [])]
        tables[table] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
        owners[table] = pd.Series([position for position, frame in stated for _ in range(len(frame))], dtype="int64")
    return Batch(tables, owners, len(briefs))
