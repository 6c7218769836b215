"""National scale: mergeable reports (the merge of the parts equals the
whole, reports pickle), the national report on Dask (1 or 2 process workers
give exactly the single-process result), and every core in one process (the
batch functions and report_table give the same answers on 1 and 2 threads)."""

from __future__ import annotations

import datetime as dt
import pickle

import numpy as np
import pytest

import motcua

pd = pytest.importorskip("pandas")

QUARTER = motcua.Period.quarter(2026, 3)
END = dt.datetime(2026, 9, 30, 23, 59, 59)


@pytest.fixture(scope="module")
def dossiers():
    return motcua.sample_center()


@pytest.fixture(scope="module")
def frame(dossiers):
    f = motcua.records_frame(dossiers, END)
    # Two provinces, by the code's last digit; a month column to partition by.
    f["province"] = ["H21" if int(c[-1]) % 2 else "H56" for c in f["code"]]
    f["month"] = f["received_at"].dt.month.astype("Int64").astype(str)
    return f


def test_reports_of_the_parts_merge_into_the_whole_and_pickle(dossiers):
    whole = motcua.PeriodReport(QUARTER, group_by="agency")
    whole.add_all(dossiers)
    parts = [motcua.PeriodReport(QUARTER, group_by="agency") for _ in range(3)]
    for i, d in enumerate(dossiers):
        parts[i % 3].add(d)
    merged = pickle.loads(pickle.dumps(parts[2]))
    merged.merge(parts[0])
    merged.merge(pickle.loads(pickle.dumps(parts[1])))
    assert merged.rows == whole.rows and merged.excluded == whole.excluded
    assert merged.index_inputs() == whole.index_inputs()
    copy = pickle.loads(pickle.dumps(whole))
    assert copy.to_dict() == whole.to_dict() and copy.index_inputs() == whole.index_inputs()
    import copy as copying

    # A dossier is counted once: a report holding the same dossiers does
    # not merge in. A pickled report keeps counts, not codes (its JSON
    # would carry every code), so its dossiers are not checked again.
    with pytest.raises(motcua.DuplicateDossierCodeError):
        copying.copy(whole).merge(whole)
    doubled = copying.copy(whole)
    doubled.merge(copy)
    assert doubled.total["received"] == 2 * whole.total["received"] == 2 * copy.total["received"]
    before = merged.to_dict()
    with pytest.raises(motcua.InvalidArgumentError):
        merged.merge(motcua.PeriodReport(motcua.Period.quarter(2026, 4), group_by="agency"))
    with pytest.raises(motcua.InvalidArgumentError):
        merged.merge(motcua.PeriodReport(QUARTER, group_by="field"))
    with pytest.raises(motcua.InvalidTypeError):
        merged.merge({"rows": {}})
    assert merged.to_dict() == before
    with pytest.raises(motcua.DuplicateDossierCodeError):
        merged.merge(merged)  # itself: the same dossiers, and no borrow error
    assert merged.to_dict() == before
    with pytest.raises(motcua.InvalidArgumentError):
        motcua._motcua._period_report_from_state('{"report": 1}')


@pytest.mark.parametrize("workers", [1, 2])
def test_dask_with_process_workers_equals_one_process(frame, tmp_path, workers):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import motcua.dask

    frame.to_parquet(tmp_path / "national", partition_cols=["province", "month"], index=False)
    national = dd.read_parquet(tmp_path / "national")
    assert national.npartitions > 2
    expected = motcua.report_table(frame, QUARTER, group_by="agency", split_by="province")
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster):
        got = motcua.dask.report(national, QUARTER, group_by="agency", split_by="province", split_every=2)
        whole = motcua.dask.report(national, QUARTER, group_by="agency")
    assert sorted(got) == sorted(expected) == ["H21", "H56"]
    for province, report in expected.items():
        assert got[province].rows == report.rows and got[province].excluded == report.excluded
        assert got[province].index_inputs() == report.index_inputs()
    single = motcua.report_table(frame, QUARTER, group_by="agency")
    assert whole.rows == single.rows and whole.index_inputs() == single.index_inputs()


def test_a_partition_without_a_column_fails_the_whole_computation(frame):
    dd = pytest.importorskip("dask.dataframe")
    import dask
    import motcua.dask

    good = frame.iloc[:100]
    bad = frame.iloc[100:200].drop(columns=["ending"])
    parts = [dask.delayed(lambda f: f)(good), dask.delayed(lambda f: f)(bad)]
    national = dd.from_delayed(parts, meta=good.iloc[:0], verify_meta=False)
    with pytest.raises(motcua.MissingColumnError) as e:
        motcua.dask.report(national, QUARTER, split_every=2)
    assert "partition 1" in str(e.value) and "ending" in str(e.value)
    with pytest.raises(motcua.InvalidTypeError):
        motcua.dask.report(frame, QUARTER)


def test_the_batch_functions_answer_the_same_on_one_and_two_threads():
    cal = motcua.Calendar.vietnam()
    days = np.arange("2024-01-01", "2027-12-31", dtype="datetime64[D]")
    dates = np.resize(days, 300_000)
    n = np.resize(np.arange(-40, 40), 300_000)
    one = cal.add_working_days(dates, n, threads=1)
    assert (cal.add_working_days(dates, n, threads=2) == one).all()
    assert (cal.add_working_days(dates, n) == one).all()
    assert (cal.working_days_between(dates, one, threads=2) == cal.working_days_between(dates, one, threads=1)).all()
    assert (cal.is_working_day(dates, threads=2) == cal.is_working_day(dates, threads=1)).all()
    instants = dates.astype("datetime64[s]") + np.timedelta64(9, "h")
    assert (cal.add_working_time(instants, hours=20, threads=2) == cal.add_working_time(instants, hours=20, threads=1)).all()
    assert (motcua.to_lunar(dates, threads=2) == motcua.to_lunar(dates, threads=1)).all()
    # The first error is the lowest element's, whatever the threads.
    bad = dates.copy()
    bad[250_000] = np.datetime64("2200-01-01")
    bad[200_000] = np.datetime64("2199-01-01")
    for threads in (1, 2):
        with pytest.raises(motcua.OutOfRangeError) as e:
            cal.add_working_days(bad, 1, threads=threads)
        assert "element 200000" in str(e.value)
    with pytest.raises(motcua.InvalidArgumentError):
        cal.add_working_days(dates, 1, threads=0)


def test_report_table_counts_the_same_on_one_and_two_threads(frame):
    big = pd.concat([frame] * 8, ignore_index=True)
    one = motcua.report_table(big, QUARTER, group_by="agency", split_by="province", threads=1)
    two = motcua.report_table(big, QUARTER, group_by="agency", split_by="province", threads=2)
    assert len(big) > 2 * 32_768
    for province in one:
        assert one[province].rows == two[province].rows
        assert one[province].index_inputs() == two[province].index_inputs()


def test_report_table_names_the_lowest_bad_row_on_any_threads(frame):
    big = pd.concat([frame] * 8, ignore_index=True)
    # On two threads, row 190000 is the second thread's first block and
    # row 150000 the first thread's third: the lower one is named anyway.
    big.loc[190_000, "supplement_requests"] = -1
    big.loc[150_000, "supplement_requests"] = -2
    for threads in (1, 2, 3):
        with pytest.raises(motcua.InvalidArgumentError, match="row 150000: supplement_requests -2"):
            motcua.report_table(big, QUARTER, threads=threads)


def test_arrow_strings_are_coded_as_pandas_factorize_codes_them():
    pa = pytest.importorskip("pyarrow")
    from motcua._table import _arrow_labels

    rng = np.random.default_rng(18)
    words = np.array(["Sở Tư pháp", "UBND xã", "", "Công an", "x" * 300], dtype=object)
    values = words[rng.integers(0, len(words), 200_000)]
    values[rng.integers(0, len(values), 5_000)] = None
    chunked = pa.chunked_array([values[:70_001], values[70_001:70_001], values[70_001:]], pa.string())
    columns = {
        "string, chunked": chunked,
        "large_string": pa.array(values, pa.large_string()),
        "sliced": pa.array(np.concatenate([words[:3], values]), pa.string()).slice(3),
        "string_view": pa.array(values, pa.string_view()),
        "dictionary": pa.array(values, pa.string()).dictionary_encode(),
    }
    expected_codes, expected_labels = pd.factorize(pd.Series(values).replace("", None))
    expected = np.array([None, *expected_labels], dtype=object)[expected_codes + 1]
    for name, column in columns.items():
        one = _arrow_labels(name, column, 1)
        two = _arrow_labels(name, column, 2)
        assert (one[0] == two[0]).all() and one[1].to_list() == two[1].to_list(), name
        codes, labels = one[0], one[1].to_list()
        assert labels == list(expected_labels), name  # in order of first appearance
        assert (np.array([None, *labels], dtype=object)[codes + 1] == expected).all(), name


def test_the_national_example_on_a_small_dataset(tmp_path):
    # examples/analyst/national_dask.py on a small version of its data:
    # the Dask result with 1 and with 2 process workers equals the
    # single-process one exactly (the script exits non-zero otherwise).
    pytest.importorskip("distributed")
    import pathlib
    import subprocess
    import sys

    script = pathlib.Path(__file__).resolve().parents[2] / "examples" / "analyst" / "national_dask.py"
    run = subprocess.run([sys.executable, str(script), "--records", "30000", "--out", str(tmp_path / "n")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.count("(equal: yes)") == 2
    assert (tmp_path / "n" / "province=P34" / "month=12" / "part.parquet").exists()
