"""Throughput of `briefs ingest` against pdfplumber's own speed on the same files.

Run: .venv/bin/python benchmarks/throughput.py [--n 200] [--n 50] [--seed 1] [--repeat 1]

For each corpus size N it generates N briefs with the test fixture builder (varied partners,
layouts, 2-6 pages), then measures, each in its own process tree:
  floor      pdfplumber alone reading every page's characters (the floor for this stack)
  ingest x1  `briefs ingest --workers 1` into a new warehouse
  ingest x2  `briefs ingest --workers 2` into another new warehouse
  x1 cold    the same with BRIEFS_RUNNER=off: no warm runner, the CLI imports everything itself
  x2 cold
  unchanged  `briefs ingest` again over the same folder (nothing new)
  startup    `briefs ingest` of one brief minus pdfplumber's time for that brief
and the peak memory of the whole process tree of each, as RSS and as PSS (shared pages split).
A run handed to the warm runner is a fork of the runner, not a child of the command: its tree
is the command's plus the runner's forks (the runner itself is reported apart, idle).
The Prefect server and the warm runner that briefs reuses are started before timing, as they
are on a user's second run. Prints a table and the ratios the README reports. Timings vary with the machine's load: --repeat R measures the floor
and both ingests R times, interleaved, and reports the median time, the highest peak memory and
each repeat's x1/x2 ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRIEFS = str(ROOT / ".venv" / "bin" / "briefs")
FLOOR = """
import sys, pdfplumber
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.chars
            page.close()
"""


def _tree(root: int, forks_of: int | None = None) -> list[int]:
    """A process and all its descendants, from /proc; and those of `forks_of` (the warm runner)
    without it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry.name))
    found, stack = [], [root, *children.get(forks_of, [])]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
SAMPLE_EVERY = 0.1  # seconds between RSS samples of the process tree
TREE_EVERY = 0.5  # seconds between searches for the tree's processes (each reads every /proc/PID/stat),
# after the first second, in which it is searched at every sample: a short run's processes come and go in it
PSS_EVERY = 1.0  # seconds between PSS readings, unless RSS has grown by PSS_GROWTH since the last
PSS_GROWTH = 1.05


def _rss_kib(pids: list[int]) -> int:
    """RSS summed over `pids`, from /proc/PID/statm: cheap enough to read at every sample."""
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
        except (OSError, IndexError):
            continue
    return total


def _pss_kib(pids: list[int]) -> int:
    """PSS summed over `pids`. RSS counts a page shared by forked children once per process;
    PSS splits it between them, so it is what the tree really holds. Reading it walks each
    process's page tables (about 2 ms for a process of 150 MiB), so it is read less often."""
    total = 0
    for pid in pids:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
    return total


def measure(command: list[str], env: dict[str, str], runner: int | None = None) -> tuple[float, float, float]:
    """(seconds, peak RSS MiB, peak PSS MiB) of one command's process tree.

    The sampler shares the machine with what it measures, so it stays light: RSS every 100 ms,
    the tree's processes (which live for the whole run) found again every half second after the
    first second (at every sample in it, so that a short run's fork is seen), PSS
    every second and whenever RSS has grown 5% since it was last read. (Reading PSS every 50 ms
    cost 2-3 s of CPU in a 20 s run, a tenth of what two workers have to spare; these settings
    cost about 0.2 s in a run of 200 briefs, half what reading the tree and PSS twice as often did.)"""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    peak_rss = peak_pss = 0
    pss_read, rss_then, tree_read, pids = 0.0, 0, 0.0, [process.pid]
    while process.poll() is None:
        if time.perf_counter() - tree_read >= (TREE_EVERY if time.perf_counter() - started > 1 else SAMPLE_EVERY):
            pids, tree_read = _tree(process.pid, runner), time.perf_counter()
        rss = _rss_kib(pids)
        if rss > rss_then * PSS_GROWTH or time.perf_counter() - pss_read >= PSS_EVERY:
            peak_pss, pss_read, rss_then = max(peak_pss, _pss_kib(pids)), time.perf_counter(), rss
        peak_rss = max(peak_rss, rss)
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 3):
        raise RuntimeError(f"{command} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, peak_rss / 1024, peak_pss / 1024


def build(folder: Path, n: int, seed: int) -> None:
    spec = importlib.util.spec_from_file_location("build_briefs", ROOT / "tests" / "fixtures" / "build_briefs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_briefs"] = module
    spec.loader.exec_module(module)
    module.build_corpus(folder, n, seed=seed)
    for gold in folder.glob("*.gold.json"):
        gold.unlink()


def run(n: int, seed: int, repeat: int, env: dict[str, str], scratch: Path, runner: int) -> dict[str, list[tuple[float, float, float]]]:
    """Every measure of one corpus size: a list of (seconds, peak RSS, peak PSS), one per repeat."""
    folder = scratch / f"corpus-{n}"
    folder.mkdir()
    build(folder, n, seed)
    python = str(ROOT / ".venv" / "bin" / "python")
    results: dict[str, list[tuple[float, float, float]]] = {
        name: [] for name in ("floor", "ingest x1", "ingest x2", "x1 cold", "x2 cold")}
    cold = {**env, "BRIEFS_RUNNER": "off"}
    for r in range(repeat):
        results["floor"].append(measure([python, "-c", FLOOR, str(folder)], env))
        for name, how in (("ingest", env), ("cold", cold)):
            for workers in (1, 2):
                db = scratch / f"{name}-w{workers}-{n}-{r}.duckdb"
                row = f"ingest x{workers}" if name == "ingest" else f"x{workers} cold"
                results[row].append(measure(
                    [BRIEFS, "ingest", str(folder), "--db", str(db), "--workers", str(workers)], how, runner))
    loaded = scratch / f"ingest-w2-{n}-{repeat - 1}.duckdb"  # the last full run's warehouse
    results["unchanged"] = [measure([BRIEFS, "ingest", str(folder), "--db", str(loaded)], env, runner)]
    one = scratch / f"one-{n}"
    one.mkdir()
    first = sorted(folder.glob("*.pdf"))[0]
    (one / first.name).write_bytes(first.read_bytes())
    single_floor = measure([python, "-c", FLOOR, str(one)], env)[0]
    single, rss, pss = measure([BRIEFS, "ingest", str(one), "--db", str(scratch / f"one-{n}.duckdb")], env, runner)
    results["startup"] = [(single - single_floor, rss, pss)]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, action="append", help="corpus size (repeatable); default 50 and 200")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="times to measure the floor and both ingests")
    args = parser.parse_args()
    sizes = args.n or [50, 200]
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        env = {**os.environ, "PREFECT_HOME": os.environ.get("PREFECT_HOME", str(scratch / "prefect")), "COLUMNS": "200"}
        subprocess.run([BRIEFS, "ingest", str(ROOT / "raw"), "--db", str(scratch / "warm.duckdb")], env=env,
                       check=False, capture_output=True)
        runner = _warm_runner(env)
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print(f"warm runner {runner}, idle: RSS {_rss_kib([runner]) / 1024:.0f} MiB, PSS {_pss_kib([runner]) / 1024:.0f} MiB")
        print(f"{'N':>5} {'measure':<12} {'seconds':>9} {'peak RSS MiB':>13} {'peak PSS MiB':>13}")
        try:
            for n in sizes:
                results = run(n, args.seed, args.repeat, env, scratch, runner)
                seconds = {name: statistics.median(m[0] for m in runs) for name, runs in results.items()}
                for name, runs in results.items():
                    print(f"{n:>5} {name:<12} {seconds[name]:>9.2f} {max(m[1] for m in runs):>13.0f} "
                          f"{max(m[2] for m in runs):>13.0f}")
                floor, one, two, unchanged = (seconds[k] for k in ("floor", "ingest x1", "ingest x2", "unchanged"))
                print(f"{n:>5} ratios: x1/floor {one / floor:.2f}   x1/x2 {one / two:.2f}   "
                      f"unchanged/x1 {unchanged / one:.1%}   startup {seconds['startup']:.2f} s   "
                      f"cold x1/x2 {seconds['x1 cold'] / seconds['x2 cold']:.2f}")
                if args.repeat > 1:
                    for label, x1s, x2s in (("x1/x2", "ingest x1", "ingest x2"), ("cold x1/x2", "x1 cold", "x2 cold")):
                        each = [x1[0] / x2[0] for x1, x2 in zip(results[x1s], results[x2s])]
                        print(f"{n:>5} {label} in each repeat: {'  '.join(f'{ratio:.2f}' for ratio in each)}")
        finally:
            if "PREFECT_HOME" not in os.environ:
                subprocess.run([BRIEFS, "server", "stop"], env=env, check=False, capture_output=True)


def _warm_runner(env: dict[str, str]) -> int:
    """The pid of the warm runner the first ingest started, once it is ready to take runs."""
    from briefs.runner import ready

    deadline = time.monotonic() + 120
    while (runner := ready(env)) is None:
        if time.monotonic() > deadline:
            raise RuntimeError("the warm runner did not start; see $PREFECT_HOME/briefs-runner.log")
        time.sleep(0.5)
    return runner.pid


if __name__ == "__main__":
    main()
