//! Customer-style check sheets built with rust_xlsxwriter, in the manner of the sheets customers
//! send (a title block, a header of two rows, labels merged over their items, a dropdown answer
//! column next to a column for the customer's own use with its own dropdown, a total row, a
//! summary sheet counting the answers with COUNTIF, the options on a sheet of their own).

use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Formula, Workbook, XlsxError};

pub const SHEET: &str = "チェックシート";
pub const SUMMARY: &str = "集計";
pub const OPTIONS_SHEET: &str = "選択肢";
pub const OPTIONS: [&str; 4] = [
    "実施している",
    "一部実施している",
    "実施していない",
    "該当しない",
];
pub const CUSTOMER_OPTIONS: [&str; 2] = ["適", "否"];

/// Columns (0-based).
pub const NUMBER: u32 = 0;
pub const LABEL: u32 = 1;
pub const PURPOSE: u32 = 2;
pub const REQUIREMENT: u32 = 3;
pub const REQUIRED: u32 = 4;
pub const ANSWER: u32 = 5;
pub const COMMENT: u32 = 6;
pub const JUDGEMENT: u32 = 7;
pub const CHECKER: u32 = 8;

pub const HEADER_ROWS: std::ops::RangeInclusive<u32> = 3..=4;
/// Items under one label (merged over them).
pub const PER_LABEL: usize = 4;
/// An empty row after this many items.
pub const BLANK_AFTER: usize = 10;

pub const LABELS: [&str; 8] = [
    "組織的対策",
    "人的対策",
    "物理的対策",
    "アクセス管理",
    "マルウェア対策",
    "情報の取扱い",
    "事故への対応",
    "事業の継続",
];
const REQUIREMENTS: [&str; 8] = [
    "情報セキュリティに関する基本方針を定め、従業員に周知している",
    "取引先から預かった情報の取扱い責任者を定めている",
    "従業員と秘密保持の誓約を交わしている",
    "預かった情報を扱う場所への入退室を管理している",
    "利用者ごとにIDを発行し、共有IDを使っていない",
    "パソコンにウイルス対策ソフトを入れ、定義ファイルを最新にしている",
    "預かった情報を持ち出すときは暗号化している",
    "事故が起きたときの連絡先と手順を決めている",
];

/// The 0-based row of item `i` (0-based).
pub fn item_row(i: usize) -> u32 {
    5 + i as u32 + u32::from(i >= BLANK_AFTER)
}
pub fn label_of(i: usize) -> &'static str {
    LABELS[(i / PER_LABEL) % LABELS.len()]
}
pub fn requirement_of(i: usize) -> String {
    format!("{}（{}）", REQUIREMENTS[i % REQUIREMENTS.len()], i + 1)
}
pub fn purpose_of(i: usize) -> String {
    format!("{}を確実にするため", label_of(i))
}
pub fn is_required(i: usize) -> bool {
    i % 5 != 4
}
/// The row of the total under the items (its answer cell holds a COUNTIF).
pub fn total_row(items: usize) -> u32 {
    item_row(items - 1) + 1
}
/// The first item is already answered.
pub const FIRST_ANSWER: &str = "実施している";
pub const FIRST_COMMENT: &str = "情報セキュリティ基本方針（2024年4月制定）";

/// The summary sheet: for each option, its count in B (row = option's index + 1).
pub fn summary_row(option: usize) -> u32 {
    option as u32 + 1
}

/// A customer's check sheet with `items` items; with `macros`, an .xlsm carrying tests/data's
/// vbaProject.bin.
pub fn customer_workbook(items: usize, macros: bool) -> Vec<u8> {
    build(items, macros).expect("customer workbook")
}

fn build(items: usize, macros: bool) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    if macros {
        book.add_vba_project(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/vbaProject.bin"
        ))?;
    }
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let header = Format::new()
        .set_bold()
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let answer_style = Format::new().set_background_color("FFF2CC");
    let last = item_row(items - 1);
    let range = format!("'{SHEET}'!$F${}:$F${}", item_row(0) + 1, last + 1);

    let summary = book.add_worksheet().set_name(SUMMARY)?;
    summary.write(0, 0, "回答")?.write(0, 1, "件数")?;
    for (k, option) in OPTIONS.iter().enumerate() {
        summary.write(summary_row(k), 0, *option)?;
        summary.write_formula(
            summary_row(k),
            1,
            Formula::new(format!("=COUNTIF({range},A{})", summary_row(k) + 1)).set_result("0"),
        )?;
    }

    let sheet = book.add_worksheet().set_name(SHEET)?;
    sheet.merge_range(
        0,
        0,
        0,
        8,
        "情報セキュリティ対策 自己評価シート（取引先用）",
        &Format::new().set_bold(),
    )?;
    sheet.write(1, 0, "貴社名：")?;
    for (col, text) in [
        (NUMBER, "No."),
        (LABEL, "ラベル"),
        (PURPOSE, "目的"),
        (REQUIREMENT, "要求事項"),
        (REQUIRED, "回答対象\n（必須・任意）"),
    ] {
        sheet.merge_range(3, col as u16, 4, col as u16, text, &header)?;
    }
    sheet.merge_range(3, ANSWER as u16, 3, COMMENT as u16, "貴社回答欄", &header)?;
    sheet.write_with_format(4, ANSWER as u16, "実施状況", &header)?;
    sheet.write_with_format(4, COMMENT as u16, "根拠・補足", &header)?;
    sheet.merge_range(
        3,
        JUDGEMENT as u16,
        3,
        CHECKER as u16,
        "当社確認欄",
        &header,
    )?;
    sheet.write_with_format(4, JUDGEMENT as u16, "判定", &header)?;
    sheet.write_with_format(4, CHECKER as u16, "確認者", &header)?;

    for i in 0..items {
        let row = item_row(i);
        sheet.write_number(row, NUMBER as u16, (i + 1) as f64)?;
        if i % PER_LABEL == 0 {
            let end = item_row((i + PER_LABEL - 1).min(items - 1));
            let (label, purpose) = (label_of(i), purpose_of(i));
            if end > row {
                sheet.merge_range(row, LABEL as u16, end, LABEL as u16, label, &wrap)?;
                sheet.merge_range(row, PURPOSE as u16, end, PURPOSE as u16, &purpose, &wrap)?;
            } else {
                sheet.write(row, LABEL as u16, label)?;
                sheet.write(row, PURPOSE as u16, purpose)?;
            }
        }
        sheet.write_with_format(row, REQUIREMENT as u16, requirement_of(i), &wrap)?;
        sheet.write(
            row,
            REQUIRED as u16,
            if is_required(i) { "必須" } else { "任意" },
        )?;
        let (answer, comment) = match i {
            0 => (FIRST_ANSWER, FIRST_COMMENT),
            _ => ("", ""),
        };
        sheet.write_with_format(row, ANSWER as u16, answer, &answer_style)?;
        sheet.write_with_format(row, COMMENT as u16, comment, &answer_style)?;
    }
    // Merged labels over the blank row would hide it: it sits after a whole group here.
    let total = total_row(items);
    sheet.write(total, REQUIREMENT as u16, "合計（実施している）")?;
    sheet.write_formula(
        total,
        ANSWER as u16,
        Formula::new(format!(
            "=COUNTIF(F{}:F{},\"実施している\")",
            item_row(0) + 1,
            last + 1
        ))
        .set_result("1"),
    )?;
    let answers = DataValidation::new()
        .allow_list_formula(Formula::new(format!("='{OPTIONS_SHEET}'!$A$1:$A$4")));
    sheet.add_data_validation(item_row(0), ANSWER as u16, last, ANSWER as u16, &answers)?;
    let judgement = DataValidation::new().allow_list_strings(&CUSTOMER_OPTIONS)?;
    sheet.add_data_validation(
        item_row(0),
        JUDGEMENT as u16,
        last,
        JUDGEMENT as u16,
        &judgement,
    )?;
    sheet.set_column_width(REQUIREMENT as u16, 50)?;
    sheet.set_column_width(COMMENT as u16, 30)?;

    let options = book.add_worksheet().set_name(OPTIONS_SHEET)?;
    for (k, option) in OPTIONS.iter().enumerate() {
        options.write(k as u32, 0, *option)?;
    }
    book.save_to_buffer()
}

/// A plainer sheet: one header row under a title, no label column (section titles in a merged
/// row of their own label the items under them), a literal dropdown, answers written already.
pub fn plain_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("確認リスト").unwrap();
    sheet
        .write(0, 0, "委託先 情報セキュリティ確認リスト")
        .unwrap();
    for (col, text) in ["項番", "チェック項目", "回答", "備考", "判定"]
        .iter()
        .enumerate()
    {
        sheet.write(2, col as u16, *text).unwrap();
    }
    let rows: [(&str, &str, &str); 6] = [
        ("ガバナンスの整備", "", ""),
        ("1", "情報セキュリティの責任者を決めている", "○"),
        ("2", "規程を定めている", "×"),
        ("取引先管理", "", ""),
        ("3", "委託先との契約に秘密保持を定めている", "○"),
        ("4", "委託先の対策を年に一度確認している", ""),
    ];
    for (k, (a, b, c)) in rows.iter().enumerate() {
        let row = 3 + k as u32;
        if b.is_empty() {
            sheet
                .merge_range(row, 0, row, 4, a, &Format::new())
                .unwrap();
            continue;
        }
        sheet
            .write_number(row, 0, a.parse::<f64>().unwrap())
            .unwrap();
        sheet.write(row, 1, *b).unwrap();
        if !c.is_empty() {
            sheet.write(row, 2, *c).unwrap();
        }
    }
    let dropdown = DataValidation::new()
        .allow_list_strings(&["○", "×", "－"])
        .unwrap();
    sheet.add_data_validation(3, 2, 8, 2, &dropdown).unwrap();
    let judgement = DataValidation::new()
        .allow_list_strings(&["可", "否"])
        .unwrap();
    sheet.add_data_validation(3, 4, 8, 4, &judgement).unwrap();
    book.save_to_buffer().unwrap()
}
