//! Label columns as `report_table` reads them: each row's index among the
//! column's distinct labels, `-1` where the value is missing or empty
//! ([`without_empty`], for every kind of column), the labels kept in Rust
//! ([`Labels`]). Arrow string columns (pandas' default strings, pyarrow
//! Tables, Polars) are coded here, on every core.
//!
//! Why not Arrow's own kernels (`pyarrow.compute.unique` and `index_in`):
//! they run on one thread, and on a 10 M-row table coding the label columns
//! with them was about 40 % of `report_table` on two threads
//! (`benches/python/bench_table.py`), which kept the second core from
//! paying off (issue 18). Here each thread codes its own run of rows
//! against its own dictionary, then the dictionaries are joined in row
//! order and each run's codes renumbered: the labels come in order of first
//! appearance, whatever the number of threads.
//!
//! The threads read the Arrow buffers with the GIL held, as [`crate::batch`]
//! copies its inputs: pyarrow hands them out writable, and no Python code
//! may change them while they are read.

use numpy::{PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use std::collections::HashMap;
use std::hash::BuildHasher;

use motcua::{Error, ErrorKind};

use crate::errors::IntoPy;

/// The value offsets of an Arrow `string` (32-bit) or `large_string`
/// (64-bit) array, as numpy views of its buffer.
#[derive(FromPyObject)]
pub enum Offsets<'py> {
    Small(PyReadonlyArray1<'py, i32>),
    Large(PyReadonlyArray1<'py, i64>),
}

/// One chunk of an Arrow string column, as `motcua/_table.py` passes it:
/// the validity bitmap (none: no value is missing), the offsets, the
/// value bytes, the chunk's offset into its buffers and its length.
pub type ChunkArg<'py> = (
    Option<PyReadonlyArray1<'py, u8>>,
    Offsets<'py>,
    PyReadonlyArray1<'py, u8>,
    usize,
    usize,
);

enum OffsetSlice<'a> {
    Small(&'a [i32]),
    Large(&'a [i64]),
}

/// A chunk's buffers, checked to hold its rows.
struct Chunk<'a> {
    validity: Option<&'a [u8]>,
    offsets: OffsetSlice<'a>,
    data: &'a [u8],
    offset: usize,
    len: usize,
}

fn malformed(column: &str, what: &str) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("column {column}: malformed Arrow string buffers ({what})"),
    )
}

impl<'a> Chunk<'a> {
    fn new(py: Python<'_>, column: &str, arg: &'a ChunkArg<'_>) -> PyResult<Self> {
        let (validity, offsets, data, offset, len) = arg;
        let (offset, len) = (*offset, *len);
        let chunk = Chunk {
            validity: validity.as_ref().map(|v| v.as_slice()).transpose()?,
            offsets: match offsets {
                Offsets::Small(o) => OffsetSlice::Small(o.as_slice()?),
                Offsets::Large(o) => OffsetSlice::Large(o.as_slice()?),
            },
            data: data.as_slice()?,
            offset,
            len,
        };
        let end = offset
            .checked_add(len)
            .ok_or_else(|| malformed(column, "length"))
            .py(py)?;
        let offsets_len = match chunk.offsets {
            OffsetSlice::Small(o) => o.len(),
            OffsetSlice::Large(o) => o.len(),
        };
        if offsets_len <= end || chunk.validity.is_some_and(|v| v.len() * 8 < end) {
            return Err(malformed(column, "shorter than the chunk")).py(py);
        }
        Ok(chunk)
    }

    /// The bytes of row `i` of the chunk; none when missing.
    fn value(&self, column: &str, i: usize) -> Result<Option<&'a [u8]>, Error> {
        let j = self.offset + i;
        if self
            .validity
            .is_some_and(|v| v[j / 8] & (1 << (j % 8)) == 0)
        {
            return Ok(None);
        }
        let (start, end) = match self.offsets {
            OffsetSlice::Small(o) => (usize::try_from(o[j]).ok(), usize::try_from(o[j + 1]).ok()),
            OffsetSlice::Large(o) => (usize::try_from(o[j]).ok(), usize::try_from(o[j + 1]).ok()),
        };
        let bytes = start
            .zip(end)
            .and_then(|(s, e)| self.data.get(s..e))
            .ok_or_else(|| malformed(column, "offsets out of bounds"))?;
        Ok(Some(bytes))
    }
}

/// A label with its hash, computed once: a dictionary growing to
/// millions of labels moves its entries without reading their bytes
/// again (re-hashing the labels, scattered over the column's buffer, took
/// a fifth of the coding of 4 M distinct labels), and the runs'
/// dictionaries are joined without hashing them again.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Label<'a> {
    hash: u64,
    bytes: &'a [u8],
}

impl<'a> Label<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Label {
            hash: rustc_hash::FxBuildHasher.hash_one(bytes),
            bytes,
        }
    }
}

impl std::hash::Hash for Label<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// The hasher of [`Label`]s: their hash as it is.
#[derive(Default)]
struct Stored(u64);

impl std::hash::Hasher for Stored {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, _: &[u8]) {
        unreachable!("a Label writes its stored hash as a u64")
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

/// The distinct labels of one run of rows, in order of first appearance.
#[derive(Default)]
struct Dictionary<'a> {
    labels: Vec<Label<'a>>,
    codes: HashMap<Label<'a>, i32, std::hash::BuildHasherDefault<Stored>>,
}

impl<'a> Dictionary<'a> {
    fn code(&mut self, label: Label<'a>) -> i32 {
        let next = self.labels.len();
        *self.codes.entry(label).or_insert_with(|| {
            self.labels.push(label);
            // A column has fewer distinct labels than rows, and rows fit i32
            // codes (checked by the caller).
            next as i32
        })
    }
}

/// Codes the rows `start..start + out.len()` of the column's chunks
/// (`starts[k]` is the first row of chunk `k`) into `out`.
fn code_run<'a>(
    column: &str,
    chunks: &[Chunk<'a>],
    starts: &[usize],
    start: usize,
    out: &mut [i32],
) -> Result<Dictionary<'a>, Error> {
    let mut dictionary = Dictionary::default();
    let end = start + out.len();
    let first = starts.partition_point(|&s| s <= start).saturating_sub(1);
    for (chunk, &chunk_start) in chunks.iter().zip(starts).skip(first) {
        if chunk_start >= end {
            break;
        }
        // The rows of this chunk inside the run, as the chunk's own rows.
        let rows =
            start.max(chunk_start) - chunk_start..end.min(chunk_start + chunk.len) - chunk_start;
        let slots = &mut out[rows.start + chunk_start - start..rows.end + chunk_start - start];
        for (i, slot) in rows.zip(slots) {
            *slot = match chunk.value(column, i)? {
                Some(label) => dictionary.code(Label::new(label)),
                None => -1,
            };
        }
    }
    Ok(dictionary)
}

/// The distinct labels of a coded column, kept in Rust: `report_table`
/// reads them where they were made. A Python list of them cost the trip of
/// every label to Python and back, 3 s of 13 s for 10 M distinct labels
/// (py-spy, `benches/python/bench_groups.py`). A table counted whole moves
/// its group labels into its report, leaving this empty.
#[pyclass(module = "motcua", name = "_Labels")]
pub struct Labels(pub Vec<String>);

#[pymethods]
impl Labels {
    #[new]
    fn new(labels: Vec<String>) -> Self {
        Labels(labels)
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// The labels as a list (for a few: the split labels of a report).
    fn to_list(&self) -> Vec<String> {
        self.0.clone()
    }
}

/// Takes the empty label, as CSV readers give an empty cell, for a missing
/// value: its rows' codes become `-1`, and the codes after it move down.
fn without_empty(codes: &mut [i32], labels: &mut Vec<String>) {
    let Some(empty) = labels.iter().position(String::is_empty) else {
        return;
    };
    labels.remove(empty);
    // Labels fit i32 codes (checked where they were coded).
    let empty = empty as i32;
    for code in codes.iter_mut() {
        if *code == empty {
            *code = -1;
        } else if *code > empty {
            *code -= 1;
        }
    }
}

/// The codes and labels of a column coded in Python (`pandas.factorize`,
/// `numpy.unique`), with the empty label taken for missing.
#[pyfunction]
pub fn _coded_labels<'py>(
    py: Python<'py>,
    codes: PyReadonlyArray1<'py, i32>,
    mut labels: Vec<String>,
) -> PyResult<(Bound<'py, PyArray1<i32>>, Labels)> {
    let mut codes = codes.as_slice()?.to_vec();
    without_empty(&mut codes, &mut labels);
    Ok((PyArray1::from_vec(py, codes), Labels(labels)))
}

/// The codes of an Arrow string column (`-1` where missing or empty) and
/// its distinct labels in order of first appearance, on up to `threads`
/// threads; the same answer on any number.
#[pyfunction]
pub fn _code_labels<'py>(
    py: Python<'py>,
    column: &str,
    chunks: Vec<ChunkArg<'py>>,
    threads: Option<usize>,
) -> PyResult<(Bound<'py, PyArray1<i32>>, Labels)> {
    crate::errors::guard(|| {
        let threads = crate::batch::thread_count(py, threads)?;
        let chunks: Vec<Chunk<'_>> = chunks
            .iter()
            .map(|c| Chunk::new(py, column, c))
            .collect::<PyResult<_>>()?;
        let starts: Vec<usize> = chunks
            .iter()
            .scan(0, |row, c| {
                let start = *row;
                *row += c.len;
                Some(start)
            })
            .collect();
        let rows: usize = chunks.iter().map(|c| c.len).sum();
        if i32::try_from(rows).is_err() {
            return Err(Error::new(
                ErrorKind::OutOfRange,
                format!("column {column}: {rows} rows are more than a table of codes holds"),
            ))
            .py(py);
        }
        // Zeroed (untouched pages), so that the threads fault in their own.
        let mut codes = vec![0; rows];
        let runs = crate::batch::useful_threads(rows, threads);
        let dictionaries = crate::batch::in_chunks(&mut codes, runs, |start, out| {
            Ok((start, code_run(column, &chunks, &starts, start, out)?))
        })
        .py(py)?;
        // Join the runs' dictionaries in row order; each run's codes then
        // point into the joined one. One run's is the column's.
        let mut dictionaries = dictionaries.into_iter();
        let mut joined = dictionaries.next().map(|(_, d)| d).unwrap_or_default();
        let renumbered: Vec<(usize, Vec<i32>)> = dictionaries
            .map(|(start, d)| (start, d.labels.iter().map(|&l| joined.code(l)).collect()))
            .collect();
        crate::batch::in_chunks(&mut codes, runs, |start, out| {
            let Some((_, new)) = renumbered.iter().find(|(s, _)| *s == start) else {
                return Ok(());
            };
            if new
                .iter()
                .enumerate()
                .any(|(old, &code)| old as i32 != code)
            {
                for code in out.iter_mut().filter(|c| **c >= 0) {
                    *code = new[*code as usize];
                }
            }
            Ok(())
        })
        .py(py)?;
        let mut labels = joined
            .labels
            .iter()
            .map(|label| {
                std::str::from_utf8(label.bytes)
                    .map(str::to_owned)
                    .map_err(|_| malformed(column, "a label is not UTF-8"))
            })
            .collect::<Result<_, _>>()
            .py(py)?;
        without_empty(&mut codes, &mut labels);
        Ok((PyArray1::from_vec(py, codes), Labels(labels)))
    })
}
