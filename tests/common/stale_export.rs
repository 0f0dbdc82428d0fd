//! A workbook exported with deliberately wrong cached results, for the tests that let an outside
//! formula engine recalculate it: only the engine's own answer can then match riskbook's.

use riskbook::calc::{Assessment, Diagnosis, assess, diagnose};
use riskbook::domain::register::Column;
use riskbook::domain::{Answer, Catalogue, ItemNo, Workbook};
use riskbook::sample::sample_workbook;
use riskbook::xlsx::xlsx_bytes;

/// The register's first data row (0-based) on 情報資産管理台帳, and the first category row on 診断結果.
pub const REGISTER_FIRST_ROW: usize = 3;
pub const DIAGNOSIS_FIRST_ROW: usize = 2;

pub struct StaleExport {
    pub workbook: Workbook,
    /// riskbook's own results, which the engine must reproduce.
    pub assessment: Assessment,
    pub diagnosis: Diagnosis,
    /// The .xlsx, whose cached results are those of a workbook with nothing answered.
    pub bytes: Vec<u8>,
}

fn set_answer(wb: &mut Workbook, no: u16, answer: Option<Answer>) {
    wb.items
        .iter_mut()
        .find(|i| i.no == ItemNo(no))
        .unwrap()
        .answer = answer;
}

/// The sample with varied answers: rates other than 0 %, a 該当なし category, vulnerabilities 1
/// and 3, an unanswered item and a medium left 未算定.
pub fn stale_export() -> StaleExport {
    let mut wb = sample_workbook(Catalogue::builtin());
    let answers = [
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 1),
        (5, 1),
        (9, 3),
        (10, 3),
        (35, 1),
        (36, 1),
        (37, 1),
        (13, 1),
        (27, 1),
        (42, 1),
        (6, 1),
        (54, 1),
    ];
    for (no, a) in answers {
        set_answer(&mut wb, no, Some(Answer::new(a).unwrap()));
    }
    for no in [46, 47, 48] {
        set_answer(&mut wb, no, Some(Answer::NotApplicable));
    }
    set_answer(&mut wb, 12, None);
    wb.threats[2].frequency = None; // 書類 becomes 未算定
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    assert!(
        assessment
            .assets
            .iter()
            .any(|r| r.number(Column::Vulnerability) == Some(1)),
        "the workbook covers v = 1"
    );
    assert!(
        assessment.assets.iter().any(|r| r.risk.is_none()),
        "and 未算定"
    );

    // Wrong cached results: those of the same register with nothing answered and no frequencies.
    let mut blank = wb.clone();
    for i in &mut blank.items {
        i.answer = None;
    }
    for t in &mut blank.threats {
        t.frequency = None;
    }
    let stale = assess(&blank);
    let stale_diagnosis = diagnose(&blank, &stale);
    assert_ne!(stale.assets, assessment.assets, "the cache is wrong");
    let bytes = xlsx_bytes(&wb, &stale, &stale_diagnosis).unwrap();
    StaleExport {
        workbook: wb,
        assessment,
        diagnosis,
        bytes,
    }
}
