"""The national report on Dask at the issue's scale (issue 18): 30 M
synthetic records (34 provinces, Parquet by province and month), reported on
a LocalCluster of 1 and then 2 process workers and in one process. Prints
records per second for each, the scaling ratio from 1 to 2 workers, the
peak memory of a worker, and fails if a Dask result differs from the
single-process one. The dataset and the runs are those of
``examples/analyst/national_dask.py``; it is written once, under
``out/national-<records>``, and reused.

Run with the project venv after scripts/build-python.sh:
    .venv/bin/python benches/python/bench_dask.py [RECORDS]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "analyst"))

import national_dask  # noqa: E402  (the example, found through the path above)


def main() -> None:
    records = int(sys.argv[1]) if len(sys.argv) > 1 else 30_000_000
    national_dask.run(Path("out") / f"national-{records}", records, seed=766)


if __name__ == "__main__":
    main()
