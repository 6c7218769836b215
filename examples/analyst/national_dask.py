"""The national report on Dask: a synthetic year of every unit of the 34
provinces, stored as Parquet partitioned by province and month, reported
by unit and by province on a LocalCluster of process workers, and checked
against the single-process result.

    .venv/bin/python examples/analyst/national_dask.py                    # 2 M records
    .venv/bin/python examples/analyst/national_dask.py --records 30000000 --out out/national-30m

The dataset is seeded and synthetic (provinces P01-P34, each with 16
departments and 90 communes, dossiers in the one-stop shares of the sample
center: mostly online, most resolved early or on time); it exercises the
engine, not the law. Each (province, month) is one Parquet file, so one
Dask partition; each worker counts its partitions with report_table (Rust,
the GIL released) and the partial reports merge in a tree. It prints the
records per second with 1 and 2 workers, the scaling ratio, the peak
memory of a worker and the single-process figure, and fails if any report
differs from the single-process one.
"""

from __future__ import annotations

import argparse
import resource
import time
import typing
from pathlib import Path

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]  # the arrow extra
import pyarrow.dataset as ds  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

import motcua

PROVINCES = [f"P{p:02}" for p in range(1, 35)]
DEPARTMENTS, COMMUNES = 16, 90
YEAR = 2026


def write_dataset(root: Path, records: int, seed: int) -> int:
    """Writes the year's records, one Parquet file per province and month
    (hive layout ``province=P01/month=01/``); returns the number written."""
    rng = np.random.default_rng(seed)
    # Provinces of uneven size, as the country's are.
    weights = rng.uniform(0.4, 2.0, size=len(PROVINCES))
    per_province = np.floor(records * weights / weights.sum()).astype(int)
    per_province[0] += records - per_province.sum()
    written = 0
    for province, count in zip(PROVINCES, per_province):
        units = [f"{province}.S{d:02}" for d in range(DEPARTMENTS)] + [
            f"{province}.X{c:03}" for c in range(COMMUNES)
        ]
        for month in range(1, 13):
            n = int(count // 12 + (1 if month <= count % 12 else 0))
            first = np.datetime64(f"{YEAR}-{month:02}-01T07:30", "s")
            received = first + rng.integers(0, 28 * 86_400, size=n).astype("timedelta64[s]")
            due = received + rng.integers(1, 25, size=n).astype("timedelta64[D]").astype("timedelta64[s]")
            took = rng.gamma(2.0, 3.0, size=n) * 86_400
            ended = received + took.astype("int64").astype("timedelta64[s]")
            outcome = rng.integers(0, 100, size=n)
            ending = np.where(outcome < 92, "resolved", np.where(outcome < 94, "withdrawn", ""))
            ended = np.where(ending == "", np.datetime64("NaT"), ended)
            channel = np.array(["online", "direct", "postal"])[
                np.searchsorted([0.72, 0.97], rng.uniform(size=n))
            ]
            unit = np.array(units)[rng.integers(0, len(units), size=n)]
            table = pa.table({
                "agency": pa.array(unit).dictionary_encode(),
                "channel": pa.array(channel).dictionary_encode(),
                "received_at": pa.array(received),
                "due_at": pa.array(due),
                "ended_at": pa.array(ended),
                "ending": pa.array(ending, mask=ending == "").dictionary_encode(),
            })
            folder = root / f"province={province}" / f"month={month:02}"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, folder / "part.parquet")
            written += n
    return written


def single_process(root: Path) -> tuple[dict[str, motcua.PeriodReport], float]:
    """The reports by province read in this process, and the seconds taken."""
    start = time.perf_counter()
    table = ds.dataset(root, format="parquet", partitioning="hive").to_table()
    table = table.set_column(
        table.schema.get_field_index("province"), "province", table["province"].cast(pa.string())
    )
    reports = motcua.report_table(table, str(YEAR), group_by="agency", split_by="province")
    return reports, time.perf_counter() - start


def _peak_rss_mib() -> float:
    """The peak resident memory of this process (a worker), in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def on_dask(root: Path, workers: int) -> tuple[dict[str, motcua.PeriodReport], float, float]:
    """The reports by province on a LocalCluster of ``workers`` process
    workers, the seconds taken and the peak memory of a worker (MiB)."""
    import dask.dataframe as dd  # the dask extra
    import distributed

    import motcua.dask

    cluster_of = typing.cast(typing.Any, distributed.LocalCluster)
    client_of = typing.cast(typing.Any, distributed.Client)
    with cluster_of(n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None) as cluster, client_of(cluster) as client:
        frame = dd.read_parquet(root, dtype_backend="pyarrow")
        frame["province"] = frame["province"].astype("string")
        start = time.perf_counter()
        reports = motcua.dask.report(frame, str(YEAR), group_by="agency", split_by="province")
        seconds = time.perf_counter() - start
        peaks = client.run(_peak_rss_mib)
    return typing.cast(dict[str, motcua.PeriodReport], reports), seconds, max(peaks.values())


def run(root: Path, records: int, seed: int) -> None:
    """Writes the dataset under ``root`` unless it is there, then prints the
    figures of the 1- and 2-worker runs and the single-process one (also
    ``benches/python/bench_dask.py``)."""
    if not root.exists():
        start = time.perf_counter()
        n = write_dataset(root, records, seed)
        print(f"wrote {n:,} records, {len(PROVINCES)} provinces x 12 months, to {root} "
              f"in {time.perf_counter() - start:.1f} s")
    n = ds.dataset(root, format="parquet", partitioning="hive").count_rows()
    print(f"{n:,} records in {len(PROVINCES)} provinces")
    # Dask first, from a driver that holds no rows, so that a worker's peak
    # memory is its own.
    runs = {workers: on_dask(root, workers) for workers in (1, 2)}
    expected, single = single_process(root)
    print(f"single process (pyarrow + report_table, all cores): {single:6.1f} s  {n / single / 1e6:5.2f} M records/s")
    rates = {}
    for workers, (got, seconds, peak) in runs.items():
        same = sorted(got) == sorted(expected) and all(
            got[p].rows == expected[p].rows and got[p].index_inputs() == expected[p].index_inputs()
            for p in expected
        )
        if not same:
            raise SystemExit(f"the Dask result with {workers} worker(s) differs from the single-process one")
        rates[workers] = n / seconds
        print(f"Dask, {workers} process worker(s):                       {seconds:6.1f} s  "
              f"{rates[workers] / 1e6:5.2f} M records/s  peak memory per worker {peak:,.0f} MiB  (equal: yes)")
    print(f"scaling from 1 to 2 workers: {rates[2] / rates[1]:.2f}x")
    total = sum(r.total["received"] for r in expected.values())
    print(f"received in {YEAR}: {total:,}; on time (II.06a, resolved early or on time): "
          f"{sum(r.total['early'] + r.total['on_time'] for r in expected.values()) / max(1, sum(r.total['resolved'] for r in expected.values())):.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=766)
    parser.add_argument("--out", type=Path, default=Path("out/national"))
    args = parser.parse_args()
    run(args.out, args.records, args.seed)


if __name__ == "__main__":
    main()
