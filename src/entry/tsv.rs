//! The clipboard's table format, as Excel writes and reads it: rows separated by line breaks, cells by
//! tabs, a cell holding a tab, a line break or a quote wrapped in quotes with its quotes doubled.

/// Parses clipboard text into rows of cells. A trailing line break does not make an empty row.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => rows.push(r.iter().map(str::to_string).collect()),
            // Not a quoted table after all: take the lines and tabs as they are.
            Err(_) => {
                return text
                    .lines()
                    .map(|l| l.split('\t').map(str::to_string).collect())
                    .collect();
            }
        }
    }
    rows
}

/// Writes rows of cells as clipboard text that pastes into Excel cell by cell.
pub fn format(rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_blocks_with_quoted_line_breaks_round_trip() {
        let copied = "社員名簿\t\"紙と\r\nPDF\"\t有\r\n\"見積書 \"\"最新\"\"\"\t\t\r\n";
        let rows = parse(copied);
        assert_eq!(
            rows,
            vec![
                vec!["社員名簿".to_string(), "紙と\r\nPDF".into(), "有".into()],
                vec!["見積書 \"最新\"".to_string(), "".into(), "".into()],
            ]
        );
        assert_eq!(parse(&format(&rows)), rows);
        assert_eq!(parse("1\t2"), vec![vec!["1".to_string(), "2".into()]]);
    }
}
