//! The list dropdowns of a worksheet (`<dataValidation type="list">`, and the x14 form Excel uses
//! for a list on another sheet) read from its raw xml, and their options: a literal "a,b,c" list,
//! a range on this or another sheet, or a defined name for one.

use crate::docx::xml::{attr, local};
use crate::xlsx::layout::parse_range_name;
use quick_xml::Reader;
use quick_xml::events::Event;

type Area = ((u32, u32), (u32, u32));

/// A list dropdown: the cells it applies to and its source as written (`"○,×"`, `$H$2:$H$5`,
/// `選択肢!$A$1:$A$4`, `回答`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropdown {
    pub cells: Vec<Area>,
    pub source: String,
}

impl Dropdown {
    pub fn covers_column(&self, col: u32) -> bool {
        self.cells
            .iter()
            .any(|&((_, c0), (_, c1))| (c0..=c1).contains(&col))
    }
}

fn areas(sqref: &str) -> Vec<Area> {
    sqref
        .split_whitespace()
        .filter_map(parse_range_name)
        .collect()
}

/// The list dropdowns of a worksheet's xml; an unreadable part gives none (the options then come
/// from the answers already written).
pub fn read(xml: &[u8]) -> Vec<Dropdown> {
    let mut reader = Reader::from_reader(xml);
    let mut found = Vec::new();
    // Inside a list validation: its areas (attribute or x14 `xm:sqref`) and its formula1 text.
    let mut current: Option<(Vec<Area>, String)> = None;
    let mut in_formula1 = false;
    let mut in_sqref = false;
    loop {
        let Ok(event) = reader.read_event() else {
            return found;
        };
        match event {
            Event::Start(e) if local(&e) == "dataValidation" => {
                let list = attr(&e, "type").as_deref() == Some("list");
                current =
                    list.then(|| (areas(&attr(&e, "sqref").unwrap_or_default()), String::new()));
            }
            Event::Start(e) if local(&e) == "formula1" => in_formula1 = true,
            Event::End(e) if e.local_name().as_ref() == "formula1" => in_formula1 = false,
            Event::Start(e) if local(&e) == "sqref" => in_sqref = true,
            Event::End(e) if e.local_name().as_ref() == "sqref" => in_sqref = false,
            Event::Text(t) => {
                let Some((cells, source)) = current.as_mut() else {
                    continue;
                };
                let text = t.xml10_content().into_owned();
                if in_formula1 {
                    source.push_str(&text);
                } else if in_sqref {
                    cells.extend(areas(&text));
                }
            }
            Event::GeneralRef(r) if in_formula1 => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.as_ref() {
                        "quot" => Some('"'),
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let (Some((_, source)), Some(c)) = (current.as_mut(), c) {
                    source.push(c);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "dataValidation" => {
                if let Some((cells, source)) = current.take() {
                    found.push(Dropdown { cells, source });
                }
            }
            Event::Eof => return found,
            _ => {}
        }
    }
}

/// Where a dropdown's options are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Written in the validation itself.
    Literal(Vec<String>),
    /// Cells of a sheet (None = the dropdown's own sheet).
    Cells { sheet: Option<String>, area: Area },
    /// A defined name, to be looked up.
    Name(String),
    /// A formula riskbook does not follow (INDIRECT …).
    Unknown,
}

/// What a validation's formula1 points at.
pub fn source(formula: &str) -> Source {
    let formula = formula.trim().trim_start_matches('=');
    if let Some(list) = formula.strip_prefix('"') {
        let list = list.strip_suffix('"').unwrap_or(list);
        return Source::Literal(
            list.split(',')
                .map(|o| o.trim().to_string())
                .filter(|o| !o.is_empty())
                .collect(),
        );
    }
    if let Some((sheet, area)) = formula.rsplit_once('!') {
        let sheet = sheet
            .strip_prefix('\'')
            .and_then(|s| s.strip_suffix('\''))
            .map(|s| s.replace("''", "'"))
            .unwrap_or_else(|| sheet.to_string());
        return match parse_range_name(area) {
            Some(area) => Source::Cells {
                sheet: Some(sheet),
                area,
            },
            None => Source::Unknown,
        };
    }
    if let Some(area) = parse_range_name(formula) {
        return Source::Cells { sheet: None, area };
    }
    if !formula.is_empty()
        && formula
            .chars()
            .all(|c| c.is_alphanumeric() || "_.\\".contains(c))
    {
        return Source::Name(formula.to_string());
    }
    Source::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_sources_are_told_apart() {
        assert_eq!(
            source("\"○,△, ×\""),
            Source::Literal(vec!["○".into(), "△".into(), "×".into()])
        );
        assert_eq!(
            source("'選択 肢'!$A$1:$A$3"),
            Source::Cells {
                sheet: Some("選択 肢".into()),
                area: ((0, 0), (2, 0))
            }
        );
        assert_eq!(
            source("$H$2:$H$5"),
            Source::Cells {
                sheet: None,
                area: ((1, 7), (4, 7))
            }
        );
        assert_eq!(source("回答選択肢"), Source::Name("回答選択肢".into()));
        assert_eq!(source("INDIRECT(A1)"), Source::Unknown);
    }

    #[test]
    fn both_forms_of_a_list_validation_are_read() {
        let xml = r#"<worksheet><dataValidations count="2">
<dataValidation type="list" allowBlank="1" sqref="F5:F40 H5"><formula1>"実施している,一部実施,未実施"</formula1></dataValidation>
<dataValidation type="whole" sqref="A1"><formula1>1</formula1></dataValidation>
</dataValidations><extLst><ext><x14:dataValidations><x14:dataValidation type="list"><x14:formula1><xm:f>選択肢!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>G5:G40</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>"#;
        let found = read(xml.as_bytes());
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].source, "\"実施している,一部実施,未実施\"");
        assert_eq!(found[0].cells, vec![((4, 5), (39, 5)), ((4, 7), (4, 7))]);
        assert_eq!(found[1].source, "選択肢!$A$1:$A$3");
        assert!(found[1].covers_column(6));
    }
}
