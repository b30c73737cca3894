"""Time the ingest of the bundled sample against pdfplumber's own extraction of the same file.

Run: .venv/bin/python benchmarks/sample.py [PDF]
Prints seconds for: pdfplumber alone (words of every page), our extract → parse → validate
in-process, and `briefs ingest` end to end as a user runs it (a cold first run with a new
PREFECT_HOME, then a warm run in the same home). Numbers vary with the machine's load:
report the median of --repeat runs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def pdfplumber_alone(pdf: Path) -> float:
    started = time.perf_counter()
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
            page.close()
    return time.perf_counter() - started


def analyse_in_process(pdf: Path) -> float:
    from briefs.analyse import analyse

    sha256 = hashlib.sha256(pdf.read_bytes()).hexdigest()
    started = time.perf_counter()
    analyse(pdf, sha256)
    return time.perf_counter() - started


def cli_run(pdf: Path, prefect_home: Path, db: Path) -> float:
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/briefs"), "ingest", str(pdf), "--db", str(db)],
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pdf", nargs="?", type=Path, default=ROOT / "raw" / "japan-ilo-cooperation-2023-04.pdf")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    analyse_in_process(args.pdf)
    alone = statistics.median(pdfplumber_alone(args.pdf) for _ in range(args.repeat))
    ours = statistics.median(analyse_in_process(args.pdf) for _ in range(args.repeat))
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "prefect"
        cold = cli_run(args.pdf, home, Path(scratch) / "cold.duckdb")
        warm = statistics.median(cli_run(args.pdf, home, Path(scratch) / f"warm{i}.duckdb") for i in range(args.repeat))

    print(f"file: {args.pdf.name} ({args.pdf.stat().st_size // 1024} KiB)")
    print(f"{'pdfplumber alone (words of every page)':48s} {alone:7.3f} s")
    print(f"{'extract + parse + validate, in-process':48s} {ours:7.3f} s")
    print(f"{'briefs ingest, cold (new PREFECT_HOME)':48s} {cold:7.3f} s")
    print(f"{'briefs ingest, warm (same PREFECT_HOME)':48s} {warm:7.3f} s")


if __name__ == "__main__":
    main()
