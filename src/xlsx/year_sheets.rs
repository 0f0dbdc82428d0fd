//! The year's sheets read back on import (`export::year` writes them): 年間計画, 実施記録, 従業員,
//! 教育記録, インシデント and 連絡網. A row that cannot be read is left out and said with its cell;
//! the rest of the sheet is read.

use super::cells;
use super::layout::*;
use crate::domain::Asset;
use crate::domain::catalogue::ItemNo;
use crate::domain::year::Year;
use crate::domain::year::contacts::Contact;
use crate::domain::year::duty::{DEFAULT_DUTIES, Duty, DutyRecord, Method, Outcome, Period, Tie};
use crate::domain::year::incident::{self, Incident, Kind, Level, Step, TimelineEntry};
use crate::domain::year::training::{
    Attendance, Attendee, Form, Staff, StaffId, Training, Understanding,
};
use calamine::{Data, Range};
use chrono::NaiveDateTime;

/// The year's sheets a workbook has (by name).
#[derive(Default)]
pub(super) struct YearRanges {
    pub duties: Option<Range<Data>>,
    pub records: Option<Range<Data>>,
    pub staff: Option<Range<Data>>,
    pub trainings: Option<Range<Data>>,
    pub incidents: Option<Range<Data>>,
    pub contacts: Option<Range<Data>>,
}

impl YearRanges {
    /// The names of the sheets, in the order they are written.
    pub const NAMES: [&'static str; 6] =
        [DUTIES, DUTY_RECORDS, STAFF, TRAININGS, INCIDENTS, CONTACTS];

    pub fn any(&self) -> bool {
        self.duties.is_some()
            || self.records.is_some()
            || self.staff.is_some()
            || self.trainings.is_some()
            || self.incidents.is_some()
            || self.contacts.is_some()
    }

    pub fn set(&mut self, name: &str, range: Range<Data>) {
        let slot = match name {
            DUTIES => &mut self.duties,
            DUTY_RECORDS => &mut self.records,
            STAFF => &mut self.staff,
            TRAININGS => &mut self.trainings,
            INCIDENTS => &mut self.incidents,
            _ => &mut self.contacts,
        };
        *slot = Some(range);
    }
}

/// The data rows of a sheet: (0-based row, cells).
fn rows(range: &Option<Range<Data>>) -> impl Iterator<Item = (u32, &[Data])> {
    range.iter().flat_map(|range| {
        let start = range.start().map_or(0, |(r, _)| r);
        range
            .rows()
            .enumerate()
            .map(move |(k, row)| (start + k as u32, row))
            .filter(|(r, row)| {
                *r >= YEAR_FIRST_ROW && row.iter().any(|c| !cells::text(Some(c)).is_empty())
            })
    })
}

/// One row being read: its sheet and number, for saying where a value is wrong.
struct Row<'a> {
    sheet: &'static str,
    r: u32,
    cells: &'a [Data],
}

impl Row<'_> {
    fn text(&self, col: usize) -> String {
        cells::text(self.cells.get(col))
    }

    fn at(&self, col: usize) -> String {
        let letter = (b'A' + col as u8) as char;
        format!("シート「{}」{letter}{}", self.sheet, self.r + 1)
    }

    /// A value read by `parse`, or the reason this row is left out.
    fn parse<T>(
        &self,
        col: usize,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<T, String> {
        let text = self.text(col);
        parse(&text).ok_or_else(|| {
            format!(
                "{}：{what}「{text}」を読めないため、この行は取り込みませんでした",
                self.at(col)
            )
        })
    }

    fn id(&self, col: usize, what: &str) -> Result<i64, String> {
        self.parse(col, what, |t| t.parse::<i64>().ok().filter(|n| *n > 0))
    }

    fn date(&self, col: usize, what: &str) -> Result<Option<chrono::NaiveDate>, String> {
        cells::date(self.cells.get(col)).map_err(|_| {
            format!(
                "{}：{what}「{}」を日付として読めないため、この行は取り込みませんでした",
                self.at(col),
                self.text(col)
            )
        })
    }

    fn date_time(&self, col: usize, what: &str) -> Result<Option<NaiveDateTime>, String> {
        let text = self.text(col);
        if text.is_empty() {
            return Ok(None);
        }
        date_time(&text).map(Some).ok_or_else(|| {
            format!(
                "{}：{what}「{text}」を日時（例：2026-06-03 09:15）として読めないため、この行は取り込みませんでした",
                self.at(col)
            )
        })
    }
}

fn date_time(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text.trim(), f).ok())
}

fn each<T>(
    range: &Option<Range<Data>>,
    sheet: &'static str,
    notes: &mut Vec<String>,
    mut read: impl FnMut(&Row) -> Result<T, String>,
) -> Vec<T> {
    let mut out = Vec::new();
    for (r, cells) in rows(range) {
        match read(&Row { sheet, r, cells }) {
            Ok(v) => out.push(v),
            Err(note) => notes.push(note),
        }
    }
    out
}

/// Keeps the first record of each id, saying which rows repeat one.
fn unique<T>(
    mut list: Vec<(u32, T)>,
    id: impl Fn(&T) -> i64,
    sheet: &str,
    notes: &mut Vec<String>,
) -> Vec<T> {
    list.sort_by_key(|(_, v)| id(v));
    let mut out: Vec<T> = Vec::new();
    for (r, v) in list {
        if out.last().is_some_and(|last| id(last) == id(&v)) {
            notes.push(format!(
                "シート「{sheet}」{} 行目：No. {} は上の行と同じため、この行は取り込みませんでした",
                r + 1,
                id(&v)
            ));
        } else {
            out.push(v);
        }
    }
    out
}

/// The year's records of the sheets present; `assets` is the imported 台帳 (ids set), `known`
/// the check items. What cannot be read is said in `notes`.
pub(super) fn read(
    ranges: &YearRanges,
    assets: &[Asset],
    known: &std::collections::HashSet<ItemNo>,
    notes: &mut Vec<String>,
) -> Year {
    let duties = each(&ranges.duties, DUTIES, notes, |row| {
        let name = row.text(1);
        if name.is_empty() {
            return Err(format!(
                "{}：作業が空のため、この行は取り込みませんでした",
                row.at(1)
            ));
        }
        let tie = DEFAULT_DUTIES
            .iter()
            .find(|d| d.name == name)
            .map_or(Tie::None, |d| d.tie);
        Ok((
            row.r,
            Duty {
                id: row.id(0, "No.")?,
                period: row.parse(2, "頻度", Period::from_label)?,
                owner: row.text(3),
                next_due: row.date(4, "次回期限")?,
                method: row.parse(5, "方法", Method::from_label)?,
                tie,
                how: row.text(6),
                name,
            },
        ))
    });
    let duties = unique(duties, |d| d.id, DUTIES, notes);
    let records = each(&ranges.records, DUTY_RECORDS, notes, |row| {
        let duty = row.id(0, "作業No.")?;
        if !duties.iter().any(|d| d.id == duty) {
            return Err(format!(
                "{}：作業No. {duty} は年間計画にないため、この行は取り込みませんでした",
                row.at(0)
            ));
        }
        let due = row.date(2, "期限")?.ok_or_else(|| {
            format!(
                "{}：期限が空のため、この行は取り込みませんでした",
                row.at(2)
            )
        })?;
        let done_on = row.date(3, "実施日")?;
        let outcome = row.parse(4, "区分", |t| {
            [Outcome::OnTime, Outcome::Late, Outcome::Skipped]
                .into_iter()
                .find(|o| o.label() == t)
        })?;
        if (outcome == Outcome::Skipped) != done_on.is_none() {
            return Err(format!(
                "{}：区分「{}」と実施日が合わないため（未実施なら実施日は空、それ以外は実施日が要ります）、この行は取り込みませんでした",
                row.at(4),
                outcome.label()
            ));
        }
        Ok(DutyRecord {
            id: 0,
            duty,
            due,
            done_on,
            outcome,
            by: row.text(5),
            method: row.parse(6, "方法", Method::from_label)?,
            result: row.text(7),
            remarks: row.text(8),
        })
    });
    let duty_records = records
        .into_iter()
        .zip(1..)
        .map(|(r, id)| DutyRecord { id, ..r })
        .collect();
    let staff = each(&ranges.staff, STAFF, notes, |row| {
        let name = row.text(2);
        if name.is_empty() {
            return Err(format!(
                "{}：氏名が空のため、この行は取り込みませんでした",
                row.at(2)
            ));
        }
        Ok((
            row.r,
            Staff {
                id: StaffId(row.id(0, "No.")?),
                department: row.text(1),
                name,
                active: row.text(3) != "退職",
            },
        ))
    });
    let staff = unique(staff, |s| s.id.0, STAFF, notes);
    let mut trainings: Vec<Training> = Vec::new();
    let lines = each(&ranges.trainings, TRAININGS, notes, |row| {
        let id = row.id(0, "研修No.")?;
        let held_on = row.date(1, "研修日")?.ok_or_else(|| {
            format!(
                "{}：研修日が空のため、この行は取り込みませんでした",
                row.at(1)
            )
        })?;
        let attendee = match row.text(7) {
            t if t.is_empty() => None,
            _ => {
                let person = StaffId(row.id(7, "従業員No.")?);
                if !staff.iter().any(|s| s.id == person) {
                    return Err(format!(
                        "{}：従業員No. {} は従業員の一覧にないため、この行は取り込みませんでした",
                        row.at(7),
                        person.0
                    ));
                }
                let understanding = match row.text(10) {
                    t if t.is_empty() => None,
                    _ => Some(row.parse(10, "理解度", |t| {
                        t.parse::<u8>()
                            .ok()
                            .and_then(|v| Understanding::new(v).ok())
                    })?),
                };
                Some(Attendee {
                    staff: person,
                    attendance: row.parse(9, "受講状況", Attendance::from_label)?,
                    understanding,
                    follow_up: row.text(11),
                })
            }
        };
        Ok((
            Training {
                id,
                held_on,
                title: row.text(2),
                content: row.text(3),
                form: row.parse(4, "形式", Form::from_label)?,
                lecturer: row.text(5),
                audience: row.text(6),
                attendees: Vec::new(),
            },
            attendee,
        ))
    });
    for (training, attendee) in lines {
        let at = match trainings.iter().position(|t| t.id == training.id) {
            Some(i) => i,
            None => {
                trainings.push(training);
                trainings.len() - 1
            }
        };
        if let Some(a) = attendee
            && !trainings[at].attendees.iter().any(|b| b.staff == a.staff)
        {
            trainings[at].attendees.push(a);
        }
    }
    trainings.sort_by_key(|t| t.id);
    let incidents = each(&ranges.incidents, INCIDENTS, notes, |row| {
        let involved: Vec<&Asset> = row
            .text(8)
            .split(['、', ',', '，', ' '])
            .filter(|t| !t.trim().is_empty())
            .map(|t| {
                t.trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| n.checked_sub(1))
                    .and_then(|i| assets.get(i))
                    .ok_or_else(|| {
                        format!(
                            "{}：台帳の行「{t}」がないため、この行は取り込みませんでした",
                            row.at(8)
                        )
                    })
            })
            .collect::<Result<_, _>>()?;
        let kind = row.parse(4, "区分", Kind::from_label)?;
        let level = row.parse(5, "事故レベル", |t| {
            t.parse::<u8>().ok().and_then(|v| Level::new(v).ok())
        })?;
        incident::check_level(kind, &involved, level)
            .map_err(|why| format!("{}：{why}この行は取り込みませんでした", row.at(5)))?;
        let timeline = row
            .text(9)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| timeline_entry(line).ok_or_else(|| {
                format!(
                    "{}：経過の行「{line}」を「段階 日時 内容」として読めないため、この行は取り込みませんでした",
                    row.at(9)
                )
            }))
            .collect::<Result<_, _>>()?;
        let measures = row
            .text(10)
            .split(['、', ',', '，', ' '])
            .filter(|t| !t.trim().is_empty())
            .map(|t| {
                t.trim()
                    .trim_start_matches("No.")
                    .parse::<u16>()
                    .ok()
                    .map(ItemNo)
                    .filter(|n| known.contains(n))
                    .ok_or_else(|| {
                        format!(
                            "{}：チェック項目「{t}」がないため、この行は取り込みませんでした",
                            row.at(10)
                        )
                    })
            })
            .collect::<Result<_, _>>()?;
        let title = row.text(6);
        if title.is_empty() {
            return Err(format!(
                "{}：件名が空のため、この行は取り込みませんでした",
                row.at(6)
            ));
        }
        Ok((
            row.r,
            Incident {
                id: row.id(0, "No.")?,
                found_at: row.date_time(1, "発見日時")?.ok_or_else(|| {
                    format!(
                        "{}：発見日時が空のため、この行は取り込みませんでした",
                        row.at(1)
                    )
                })?,
                occurred_at: row.date_time(2, "発生日時")?,
                found_by: row.text(3),
                kind,
                level,
                title,
                description: row.text(7),
                assets: involved.iter().map(|a| a.id).collect(),
                timeline,
                measures,
            },
        ))
    });
    let incidents = unique(incidents, |i| i.id, INCIDENTS, notes);
    let contacts = each(&ranges.contacts, CONTACTS, notes, |row| {
        let role = row.text(1);
        if role.is_empty() {
            return Err(format!(
                "{}：役割が空のため、この行は取り込みませんでした",
                row.at(1)
            ));
        }
        Ok(Contact {
            role,
            name: row.text(2),
            phone: row.text(3),
            mail: row.text(4),
            note: row.text(5),
        })
    });
    Year {
        duties,
        duty_records,
        staff,
        trainings,
        incidents,
        contacts,
    }
}

/// 「初動 2026-06-03 09:40 感染した PC をネットワークから外した」.
fn timeline_entry(line: &str) -> Option<TimelineEntry> {
    let mut parts = line.trim().splitn(4, ' ');
    let step = Step::from_label(parts.next()?)?;
    let at = date_time(&format!("{} {}", parts.next()?, parts.next()?))?;
    Some(TimelineEntry {
        step,
        at,
        text: parts.next().unwrap_or("").to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(rows: &[&[&str]]) -> Range<Data> {
        let width = rows.iter().map(|r| r.len()).max().unwrap_or(1) as u32;
        let mut range = Range::new((0, 0), (rows.len() as u32 + 1, width - 1));
        for (i, row) in rows.iter().enumerate() {
            for (j, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    range.set_value((i as u32 + 2, j as u32), Data::String(text.to_string()));
                }
            }
        }
        range
    }

    #[test]
    fn a_row_that_cannot_be_read_is_left_out_and_said_with_its_cell() {
        let assets = [Asset {
            id: crate::domain::AssetId(1),
            personal_info: true,
            ..Asset::named("顧客名簿")
        }];
        let ranges = YearRanges {
            incidents: Some(range(&[
                &[
                    "1",
                    "2026-06-03 09:15",
                    "",
                    "佐藤",
                    "漏えい",
                    "3",
                    "誤送信",
                    "",
                    "1",
                    "発見・報告 2026-06-03 09:20 報告",
                    "12",
                ],
                &[
                    "2",
                    "2026-06-31 09:15",
                    "",
                    "",
                    "停止",
                    "1",
                    "停止",
                    "",
                    "",
                    "",
                    "",
                ],
                &[
                    "3",
                    "2026-07-01 10:00",
                    "",
                    "",
                    "漏えい",
                    "2",
                    "紛失",
                    "",
                    "1",
                    "",
                    "",
                ],
                &[
                    "4",
                    "2026-07-02 10:00",
                    "",
                    "",
                    "停止",
                    "5",
                    "停止",
                    "",
                    "",
                    "",
                    "",
                ],
            ])),
            contacts: Some(range(&[&["1", "代表者", "山田"], &["2", "", "鈴木"]])),
            ..YearRanges::default()
        };
        let known = [ItemNo(12)].into_iter().collect();
        let mut notes = Vec::new();
        let year = read(&ranges, &assets, &known, &mut notes);
        assert_eq!(year.incidents.len(), 1);
        assert_eq!(year.incidents[0].timeline.len(), 1);
        assert_eq!(year.contacts.len(), 1);
        let said = notes.join("\n");
        for expected in [
            "シート「インシデント」B4：発見日時「2026-06-31 09:15」",
            "シート「インシデント」F5：事故レベル 2 にはできません",
            "シート「インシデント」F6：事故レベル「5」",
            "シート「連絡網」B4：役割が空",
        ] {
            assert!(said.contains(expected), "{expected} not in:\n{said}");
        }
    }
}
