//! `--summary`: what happened in a whole log, one row per label and decision, in memory
//! bounded by the labels (a catalog row, a layer or a logic range each), never by the
//! lines.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Write};

use msdk_error_codes::{Classification, Classifier, Decision};
use serde::Serialize;

use super::input::{Counts, Sink};

/// The tally: a count per label and decision (the server's `err_type` can change the
/// decision of a label, so both are the key).
pub(super) struct Summary<'c> {
    classifier: &'c Classifier,
    rows: HashMap<(&'static str, Decision), Row, BuildHasherDefault<Fx>>,
}

struct Row {
    count: u64,
    name: Option<&'static str>,
    /// The English description of the first response counted in the row.
    description: Cow<'static, str>,
}

impl<'c> Summary<'c> {
    pub(super) fn new(classifier: &'c Classifier) -> Summary<'c> {
        Summary {
            classifier,
            rows: HashMap::default(),
        }
    }
}

impl Sink for Summary<'_> {
    #[inline]
    fn response(&mut self, _: u64, _: &[u8], c: &Classification<'_>) -> io::Result<()> {
        let key = (c.label(), c.decision());
        match self.rows.get_mut(&key) {
            Some(row) => row.count += 1,
            None => {
                let row = Row {
                    count: 1,
                    name: c.known().map(|k| k.name()),
                    description: description(self.classifier, c),
                };
                self.rows.insert(key, row);
            }
        }
        Ok(())
    }
}

/// The English description of a label's row: the override file's, the catalog's, or
/// for an undocumented code what its label stands for.
fn description(classifier: &Classifier, c: &Classification<'_>) -> Cow<'static, str> {
    if let Some(text) = classifier.override_for(c).and_then(|o| o.description_en()) {
        return Cow::Owned(text.to_owned());
    }
    match (c.known(), c.range().filter(|_| !c.is_passthrough())) {
        (Some(row), _) => Cow::Borrowed(row.description_en()),
        (None, Some(range)) if c.layer() == msdk_error_codes::Layer::Logic => Cow::Owned(format!(
            "undocumented logic code in the {} range ({})",
            range.as_str(),
            range.description()
        )),
        (None, _) => Cow::Owned(format!("undocumented {} code", c.layer())),
    }
}

/// One row of the summary's JSON, and of its table.
#[derive(Serialize)]
struct Line<'a> {
    count: u64,
    share: f64,
    label: &'static str,
    name: Option<&'static str>,
    decision: &'static str,
    description_en: &'a str,
}

#[derive(Serialize)]
struct Total {
    decision: &'static str,
    count: u64,
    share: f64,
}

#[derive(Serialize)]
struct Report<'a> {
    lines: u64,
    responses: u64,
    bad_lines: u64,
    blank_lines: u64,
    rows: Vec<Line<'a>>,
    by_decision: Vec<Total>,
}

/// A count as a fraction of the responses (0 when there were none).
fn share(count: u64, responses: u64) -> f64 {
    if responses == 0 {
        0.0
    } else {
        // Rounded to 4 places: enough for a share, and stable JSON.
        (count as f64 / responses as f64 * 10_000.0).round() / 10_000.0
    }
}

impl Summary<'_> {
    /// Prints the summary of the input that `counts` counted.
    pub(super) fn write(&self, out: &mut dyn Write, counts: Counts, json: bool) -> io::Result<()> {
        let responses = counts.responses;
        let mut rows: Vec<Line<'_>> = self
            .rows
            .iter()
            .map(|(&(label, decision), row)| Line {
                count: row.count,
                share: share(row.count, responses),
                label,
                name: row.name,
                decision: decision.as_str(),
                description_en: &row.description,
            })
            .collect();
        // Most frequent first; ties in a stable order.
        rows.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then(a.label.cmp(b.label))
                .then(a.decision.cmp(b.decision))
        });
        let mut by_decision: Vec<Total> = Decision::ALL
            .iter()
            .map(|d| {
                let count = rows
                    .iter()
                    .filter(|r| r.decision == d.as_str())
                    .map(|r| r.count)
                    .sum();
                Total {
                    decision: d.as_str(),
                    count,
                    share: share(count, responses),
                }
            })
            .filter(|t| t.count > 0)
            .collect();
        by_decision.sort_by(|a, b| b.count.cmp(&a.count).then(a.decision.cmp(b.decision)));
        let report = Report {
            lines: counts.lines,
            responses,
            bad_lines: counts.bad,
            blank_lines: counts.blank,
            rows,
            by_decision,
        };
        if json {
            serde_json::to_writer(&mut *out, &report)?;
            return writeln!(out);
        }
        write_table(out, &report)
    }
}

/// `1 line`, `2 lines`.
struct Counted(u64, &'static str);

impl std::fmt::Display for Counted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = if self.0 == 1 { "" } else { "s" };
        write!(f, "{} {}{s}", self.0, self.1)
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn write_table(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    writeln!(
        out,
        "{} read: {}, {}, {}",
        Counted(report.lines, "line"),
        Counted(report.responses, "response"),
        Counted(report.bad_lines, "bad line"),
        Counted(report.blank_lines, "blank line")
    )?;
    let count_width = report
        .rows
        .iter()
        .map(|r| r.count.to_string().len())
        .chain(["count".len()])
        .max()
        .unwrap_or(5);
    let width = |f: fn(&Line<'_>) -> usize, title: &str| {
        report
            .rows
            .iter()
            .map(f)
            .chain([title.len()])
            .max()
            .unwrap_or(0)
    };
    let label_width = width(|r| r.label.len(), "label");
    let name_width = width(|r| r.name.map_or(1, str::len), "name");
    let decision_width = width(|r| r.decision.len(), "decision");
    writeln!(out)?;
    writeln!(
        out,
        "{:>count_width$}  {:>6}  {:label_width$}  {:name_width$}  {:decision_width$}  description",
        "count", "share", "label", "name", "decision"
    )?;
    for r in &report.rows {
        writeln!(
            out,
            "{:>count_width$}  {:>6}  {:label_width$}  {:name_width$}  {:decision_width$}  {}",
            r.count,
            percent(r.share),
            r.label,
            r.name.unwrap_or("-"),
            r.decision,
            r.description_en
        )?;
    }
    writeln!(out)?;
    writeln!(out, "by decision")?;
    for t in &report.by_decision {
        writeln!(
            out,
            "{:>count_width$}  {:>6}  {}",
            t.count,
            percent(t.share),
            t.decision
        )?;
    }
    Ok(())
}

/// A fast hash for the tally's short keys (rustc's FxHash): SipHash's resistance to
/// collisions chosen by an attacker is not needed for a bounded set of static labels,
/// and its cost per line is not small beside the rest of a summary.
#[derive(Default)]
struct Fx(u64);

impl Fx {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn write_isize(&mut self, n: isize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
