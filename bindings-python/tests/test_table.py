"""Dossier tables (pandas, pyarrow, Polars, numpy mappings) into reports and
the index: the same answers as replaying the dossiers one by one."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

import motcua

pd = pytest.importorskip("pandas")

PERIOD = motcua.Period.quarter(2026, 3)
END = dt.datetime(2026, 9, 30, 23, 59, 59)


@pytest.fixture(scope="module")
def dossiers():
    return motcua.sample_center(seed=11, dossiers=900)


@pytest.fixture(scope="module")
def frame(dossiers):
    return motcua.records_frame(dossiers, END)


@pytest.fixture(scope="module")
def replayed(dossiers):
    """The reference: every dossier's log replayed by PeriodReport.add."""
    by_agency = motcua.PeriodReport(PERIOD, group_by="procedure")
    by_agency.add_all(dossiers)
    per_agency = {}
    for d in dossiers:
        agency = d.procedure.agency
        if agency not in per_agency:
            per_agency[agency] = motcua.PeriodReport(PERIOD, group_by="procedure")
        per_agency[agency].add(d)
    return by_agency, per_agency


def same(a, b):
    assert a.rows == b.rows
    assert a.total == b.total
    assert a.excluded == b.excluded
    assert a.index_inputs() == b.index_inputs()


def test_pandas_table_matches_replayed_logs(frame, replayed):
    report = motcua.report_table(frame, PERIOD, group_by="procedure")
    same(report, replayed[0])
    assert report.total["received"] > 0 and report.total["carried_over"] > 0


def test_split_by_agency_gives_one_report_and_index_per_agency(frame, replayed):
    reports = motcua.report_table(frame, PERIOD, group_by="procedure", split_by="agency")
    assert sorted(reports) == sorted(replayed[1])
    for agency, report in reports.items():
        same(report, replayed[1][agency])
    method = motcua.Methodology.default_766()
    inputs = {a: r.index_inputs() for a, r in reports.items()}
    assert len({str(i) for i in inputs.values()}) > 1  # agencies differ
    for i in inputs.values():
        assert method.score(i).max_measured > 0


def test_arrow_and_polars_tables_give_the_same_report(frame, replayed):
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    same(motcua.report_table(table, PERIOD, group_by="procedure"), replayed[0])
    # Several chunks, and dictionary-typed strings as Polars categoricals give.
    chunked = pa.concat_tables([table.slice(0, 300), table.slice(300)])
    same(motcua.report_table(chunked, PERIOD, group_by="procedure"), replayed[0])
    polars_frame = pl.from_arrow(table).with_columns(pl.col("procedure").cast(pl.Categorical))
    same(motcua.report_table(polars_frame, PERIOD, group_by="procedure"), replayed[0])


def test_numpy_mapping_and_categoricals(frame, replayed):
    mapping = {c: frame[c].to_numpy() for c in frame.columns}
    same(motcua.report_table(mapping, PERIOD, group_by="procedure"), replayed[0])
    categorical = frame.astype({"procedure": "category", "channel": "category"})
    same(motcua.report_table(categorical, PERIOD, group_by="procedure"), replayed[0])


def test_aware_instants_are_converted_to_vietnam_time(frame, replayed):
    aware = frame.copy()
    for c in ("received_at", "due_at", "ended_at"):
        aware[c] = aware[c].dt.tz_localize("Asia/Ho_Chi_Minh").dt.tz_convert("UTC")
    same(motcua.report_table(aware, PERIOD, group_by="procedure"), replayed[0])
    pa = pytest.importorskip("pyarrow")
    same(motcua.report_table(pa.Table.from_pandas(aware), PERIOD, group_by="procedure"), replayed[0])


def test_optional_columns_default_and_total_needs_no_group_column(frame):
    bare = frame.drop(columns=["paused", "supplement_requests", "agency", "procedure", "field"])
    report = motcua.report_table(bare, PERIOD, group_by="total")
    assert report.total == motcua.report_table(frame, PERIOD, group_by="total").total


def test_missing_columns_are_listed(frame):
    with pytest.raises(motcua.MissingColumnError) as e:
        motcua.report_table(frame.drop(columns=["due_at"]), PERIOD)
    assert isinstance(e.value, KeyError) and e.value.code == "table.missing_column"
    assert "due_at" in str(e.value) and "channel, received_at, due_at, ended_at, ending" in str(e.value)
    renamed = frame.rename(columns={"agency": "co_quan"})
    with pytest.raises(motcua.MissingColumnError, match="lacks column.s. agency"):
        motcua.report_table(renamed, PERIOD)


def test_wrong_types_and_bad_values_are_typed_errors(frame):
    as_text = frame.astype({"received_at": str})
    with pytest.raises(motcua.InvalidTypeError, match="received_at must hold datetimes"):
        motcua.report_table(as_text, PERIOD)
    bad_channel = frame.copy()
    bad_channel.loc[5, "channel"] = "fax"
    with pytest.raises(motcua.InvalidArgumentError, match='channel "fax" is not one of'):
        motcua.report_table(bad_channel, PERIOD)
    no_agency = frame.copy()
    no_agency.loc[7, "agency"] = None
    with pytest.raises(motcua.InvalidArgumentError, match="row 7: the group column is missing"):
        motcua.report_table(no_agency, PERIOD)
    with pytest.raises(motcua.InvalidTypeError, match="pandas DataFrame, a pyarrow Table"):
        motcua.report_table([1, 2, 3], PERIOD)
    with pytest.raises(motcua.InvalidTypeError, match="supplement_requests must hold int"):
        motcua.report_table(frame.astype({"supplement_requests": float}), PERIOD)
    short = {c: frame[c].to_numpy() for c in frame.columns}
    short["due_at"] = short["due_at"][:-1]
    with pytest.raises(motcua.InvalidArgumentError, match="columns of different lengths"):
        motcua.report_table(short, PERIOD)


def test_inconsistent_rows_are_excluded_not_fatal(frame):
    broken = frame.copy()
    ended = broken["ended_at"].notna() & broken["received_at"].notna()
    first = broken.index[ended][0]
    broken.loc[first, "ended_at"] = broken.loc[first, "received_at"] - pd.Timedelta(days=3)
    report = motcua.report_table(broken, PERIOD)
    assert report.excluded.get("inconsistent") == 1


def test_report_record_of_a_dossier(dossiers):
    record = dossiers[0].report_record(END)
    assert set(record) == {
        "channel",
        "received_at",
        "due_at",
        "ended_at",
        "ending",
        "paused",
        "supplement_requests",
        "facts",
    }
    assert record["channel"] in ("direct", "online", "postal")
    assert isinstance(record["received_at"], dt.datetime)
    assert np.dtype("datetime64[s]") == motcua.records_frame(dossiers[:3], END)["due_at"].dtype


def test_an_export_read_back_from_csv_gives_the_same_report(frame, replayed, tmp_path):
    # CSV readers give empty cells as "" (pyarrow) or NaN (pandas): both are missing.
    path = tmp_path / "dossiers.csv"
    frame.to_csv(path, index=False)
    text = {c: str for c in ("code", "procedure", "field", "agency", "channel", "ending")}
    from_pandas = pd.read_csv(path, parse_dates=["received_at", "due_at", "ended_at"], dtype=text)
    same(motcua.report_table(from_pandas, PERIOD, group_by="procedure"), replayed[0])
    pa_csv = pytest.importorskip("pyarrow.csv")
    pa = pytest.importorskip("pyarrow")
    options = pa_csv.ConvertOptions(column_types={c: pa.string() for c in text},
                                    timestamp_parsers=[pa_csv.ISO8601], strings_can_be_null=False)
    table = pa_csv.read_csv(path, convert_options=options)
    same(motcua.report_table(table, PERIOD, group_by="procedure"), replayed[0])


def test_bad_tables_are_typed_errors_naming_what_is_wrong(frame):
    mapping = {c: frame[c].to_numpy() for c in frame.columns}
    with_na = dict(mapping, ending=pd.Series(frame["ending"], dtype="string").to_numpy())
    assert motcua.report_table(with_na, PERIOD).total == motcua.report_table(frame, PERIOD).total
    bad = [
        (dict(mapping, agency=np.arange(len(frame))), motcua.InvalidTypeError, "agency must hold strings"),
        (dict(mapping, channel="direct"), motcua.InvalidTypeError, "one-dimensional"),
        (dict(mapping, due_at=np.stack([mapping["due_at"]] * 2)), motcua.InvalidTypeError, "one-dimensional"),
        (frame["agency"], motcua.InvalidTypeError, "not pandas.Series"),
    ]
    for table, error, message in bad:
        with pytest.raises(error, match=message):
            motcua.report_table(table, PERIOD)
    with pytest.raises(motcua.InvalidTypeError, match="period must be a motcua.Period"):
        motcua.report_table(frame, 2026)
    # A period's text is a period (issue 16).
    same(motcua.report_table(frame, "2026-Q3"), motcua.report_table(frame, motcua.Period.quarter(2026, 3)))
    with pytest.raises(motcua.InvalidTypeError, match="group_by must be a str"):
        motcua.report_table(frame, PERIOD, group_by=None)
    with pytest.raises(motcua.InvalidTypeError, match="split_by must be a column name"):
        motcua.report_table(frame, PERIOD, split_by=["agency"])
    fax = frame.copy()
    fax.loc[11, "channel"] = "fax"
    with pytest.raises(motcua.InvalidArgumentError, match='row 11: channel "fax"'):
        motcua.report_table(fax, PERIOD)
    short = dict(mapping, due_at=mapping["due_at"][:-1])
    with pytest.raises(motcua.InvalidArgumentError, match=f"channel has {len(frame)} rows, due_at {len(frame) - 1}"):
        motcua.report_table(short, PERIOD)
    assert list(motcua.records_frame([], END).columns)[:4] == ["code", "procedure", "field", "agency"]


def test_polars_edge_cases(frame):
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    with pytest.raises(motcua.InvalidTypeError, match="collect"):
        motcua.report_table(pl.from_pandas(frame).lazy(), PERIOD)
    # An extract where nothing has ended yet: the ending column is all null.
    running = frame[frame["ended_at"].isna()].head(20)
    table = pl.from_pandas(running).with_columns(pl.lit(None).alias("ending"))
    assert motcua.report_table(table, PERIOD).total["in_progress"] == motcua.report_table(running, PERIOD).total["in_progress"]
