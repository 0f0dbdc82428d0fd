//! The bundled sample company (`riskbook sample`), read from `assets/sample-company.toml`.

use crate::domain::policy::{CompanyProfile, DocumentNo, DocumentRecord, DocumentStatus};
use crate::domain::{
    Answer, Asset, AssetId, Catalogue, Decision, Frequency, ItemNo, Measure, Medium, PlanEntry,
    PlanStatus, Rating, Settings, Treatment, Workbook,
};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;

const SAMPLE: &str = include_str!("../assets/sample-company.toml");

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    u8,
    u8,
    u8,
    String,
    String,
);

#[derive(Deserialize)]
struct SampleFile {
    company: String,
    assessor: String,
    assessed_on: String,
    answers: Answers,
    frequencies: HashMap<String, Vec<u8>>,
    assets: Vec<Row>,
    #[serde(default)]
    plan: Vec<PlanRow>,
    #[serde(default)]
    profile: CompanyProfile,
    #[serde(default)]
    documents: Vec<DocumentRow>,
    #[serde(default)]
    treatment: Vec<TreatmentRow>,
    history: Vec<HistoryRow>,
}

/// A 規程 document's status; `revised` empty when there is no date.
#[derive(Deserialize)]
struct DocumentRow {
    no: u8,
    status: String,
    revised: String,
    approver: String,
}

fn document(row: DocumentRow) -> DocumentRecord {
    DocumentRecord {
        no: DocumentNo::new(row.no).expect("sample documents are 1–13"),
        status: DocumentStatus::from_label(&row.status).expect("sample statuses are valid"),
        revised: NaiveDate::parse_from_str(&row.revised, "%Y-%m-%d").ok(),
        approver: row.approver,
    }
}

/// A リスク対応: the asset by its 台帳 row (1-based) and name, so that a changed table is caught.
#[derive(Deserialize)]
struct TreatmentRow {
    row: usize,
    name: String,
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    change: String,
    #[serde(default)]
    accepted_by: String,
    #[serde(default)]
    accepted_on: Option<String>,
}

/// 対策状況チェックの回答, one list per category in item order.
type Answers = Vec<Vec<u8>>;

#[derive(Deserialize)]
struct PlanRow {
    item: Option<u16>,
    threat: Option<String>,
    owner: String,
    due: String,
    status: String,
    memo: String,
}

#[derive(Deserialize)]
struct HistoryRow {
    taken_at: String,
    note: String,
    assets: usize,
    answers: Answers,
}

/// One of the sample's confirmed assessments: when, its note, and its state.
pub struct SampleHistory {
    pub taken_at: String,
    pub note: String,
    pub workbook: Workbook,
}

fn file() -> SampleFile {
    toml::from_str(SAMPLE).expect("assets/sample-company.toml is valid")
}

fn plan_entry(row: PlanRow, wb: &Workbook) -> PlanEntry {
    let measure = match (row.item, row.threat) {
        (Some(no), _) => Measure::Item(ItemNo(no)),
        (None, Some(name)) => Measure::Threat(
            wb.threats
                .iter()
                .find(|t| t.name == name)
                .expect("sample plan threats are in the catalogue")
                .id,
        ),
        (None, None) => panic!("a sample plan entry names an item or a threat"),
    };
    PlanEntry {
        owner: row.owner,
        due: NaiveDate::parse_from_str(&row.due, "%Y-%m-%d").ok(),
        status: PlanStatus::from_label(&row.status).expect("sample states are valid"),
        memo: row.memo,
        ..PlanEntry::new(measure)
    }
}

/// Sets every item's answer from `answers`: one list per category, in item order.
fn answer_all(wb: &mut Workbook, answers: &Answers) {
    assert_eq!(answers.len(), wb.categories.len(), "one list per category");
    for (category, row) in wb.categories.iter().zip(answers) {
        let items = wb.items.iter_mut().filter(|i| i.category == category.no);
        let mut given = row.iter();
        for item in items {
            let a = given.next().expect("the sample answers every check item");
            item.answer = Some(Answer::new(*a).expect("sample answers are 1–4"));
        }
        assert!(
            given.next().is_none(),
            "no answer beyond the category's items"
        );
    }
}

/// The sample's earlier confirmed assessments, oldest first: fewer assets, answers that were worse
/// in several categories, no 対策計画 and no 規程 written yet.
pub fn sample_history(catalogue: Catalogue) -> Vec<SampleHistory> {
    let now = sample_workbook(catalogue);
    file()
        .history
        .into_iter()
        .map(|history| {
            let mut wb = now.clone();
            wb.assets.truncate(history.assets);
            answer_all(&mut wb, &history.answers);
            wb.plan.clear();
            wb.documents.clear();
            wb.treatments.clear();
            SampleHistory {
                taken_at: history.taken_at,
                note: history.note,
                workbook: wb,
            }
        })
        .collect()
}

fn flag(text: &str) -> bool {
    !text.is_empty()
}

fn rating(v: u8) -> Option<Rating> {
    Some(Rating::new(v).expect("sample ratings are 0–2"))
}

fn asset(row: Row) -> Asset {
    let (category, name, note, users, department, medium, pi, spi, mn, c, i, a, retention, date) =
        row;
    Asset {
        id: AssetId::default(),
        category,
        name,
        note,
        users,
        department,
        medium: Some(Medium::from_name(&medium).expect("sample media are valid")),
        personal_info: flag(&pi),
        sensitive_info: flag(&spi),
        my_number: flag(&mn),
        confidentiality: rating(c),
        integrity: rating(i),
        availability: rating(a),
        retention,
        registered: NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok(),
    }
}

/// The sample company on `catalogue`: its assets, every check answered as the file says, and the
/// threat frequencies of each medium in catalogue order.
pub fn sample_workbook(catalogue: Catalogue) -> Workbook {
    let file = file();
    let mut wb = Workbook::from_catalogue(catalogue);
    answer_all(&mut wb, &file.answers);
    for medium in Medium::ALL {
        let freqs = file
            .frequencies
            .get(medium.name())
            .cloned()
            .unwrap_or_default();
        for (threat, f) in wb
            .threats
            .iter_mut()
            .filter(|t| t.medium == medium)
            .zip(freqs)
        {
            threat.frequency = Some(Frequency::new(f).expect("sample frequencies are 1–3"));
        }
    }
    wb.assets = file.assets.into_iter().map(asset).collect();
    // The ids an emptied database gives them, so that the decisions can name them.
    for (i, a) in wb.assets.iter_mut().enumerate() {
        a.id = AssetId(i as i64 + 1);
    }
    // A company a year into its work: the 年間計画 kept, training, an incident, the 連絡網.
    wb.year = crate::sample_year::sample_year(chrono::Local::now().date_naive(), &wb.assets);
    wb.settings = Settings {
        company: file.company,
        assessor: file.assessor,
        assessed_on: NaiveDate::parse_from_str(&file.assessed_on, "%Y-%m-%d").ok(),
    };
    let plan: Vec<PlanEntry> = file
        .plan
        .into_iter()
        .map(|row| plan_entry(row, &wb))
        .collect();
    wb.plan = plan;
    wb.profile = file.profile;
    for row in file.documents {
        wb.set_document(document(row));
    }
    wb.treatments = file
        .treatment
        .into_iter()
        .map(|row| {
            let asset = &wb.assets[row.row - 1];
            assert_eq!(asset.name, row.name, "sample treatment row {}", row.row);
            Treatment {
                reason: row.reason,
                change: row.change,
                accepted_by: row.accepted_by,
                accepted_on: row
                    .accepted_on
                    .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").expect("sample dates")),
                ..Treatment::new(
                    asset.id,
                    Decision::from_label(&row.decision).expect("sample decisions are valid"),
                )
            }
        })
        .collect();
    wb.treatments.sort_by_key(|t| t.asset);
    wb.suppliers = sample_suppliers(chrono::Local::now().date_naive());
    wb
}

/// Two 委託先: the 税理士事務所, evaluated last year eleven months ago (its next evaluation comes
/// within the month), and a クラウド会計サービス not evaluated yet.
fn sample_suppliers(today: NaiveDate) -> crate::domain::supplier::Suppliers {
    use crate::domain::supplier::checklist::{NO, NOT_APPLICABLE, YES};
    use crate::domain::supplier::{Evaluation, Supplier, SupplierId, Suppliers, Verdict};
    use chrono::Datelike;
    let tax = Supplier {
        id: SupplierId(1),
        name: "みなと税理士事務所".into(),
        work: "記帳代行・決算・年末調整".into(),
        information: "会計データ、給与・源泉徴収の情報（個人情報・マイナンバーを含む）".into(),
        agreement: "有".into(),
        contact: "担当税理士".into(),
        next_due: None,
    };
    let cloud = Supplier {
        id: SupplierId(2),
        name: "クラウド会計サービス".into(),
        work: "会計ソフトの提供（クラウド）".into(),
        information: "仕訳・取引先・銀行口座の明細".into(),
        agreement: "確認中".into(),
        contact: String::new(),
        next_due: None,
    };
    let on = today
        .checked_sub_months(chrono::Months::new(11))
        .unwrap_or(today);
    let mut e = Evaluation::blank(1, tax.id, on.year());
    e.on = Some(on);
    e.by = "総務部長".into();
    for (i, answer) in e.answers.iter_mut().enumerate() {
        answer.choice = Some(YES.into());
        // No.13 (ログインの強さ), No.23 (ネットワークの分離), No.24 (監視): a small office.
        if i == 12 {
            answer.choice = Some(NO.into());
            answer.comment = "多要素認証は未導入。導入を依頼".into();
        } else if i == 22 || i == 23 {
            answer.choice = Some(NOT_APPLICABLE.into());
        }
    }
    e.verdict = Some(Verdict::AskToImprove);
    e.comment = "多要素認証の導入を依頼し、次回確認する。".into();
    Suppliers {
        list: vec![tax, cloud],
        evaluations: vec![e],
    }
}
