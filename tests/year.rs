//! The year's records through the session, the store, `summary --json`, 今やること and the annual
//! report (経営者への報告), on a real database file.

use chrono::NaiveDate;
use riskbook::calc::todo::{Place, todos};
use riskbook::domain::Edit;
use riskbook::domain::year::duty::{Method, Outcome, complete};
use riskbook::domain::year::incident::{Incident, Kind, Level, Step, TimelineEntry};
use riskbook::domain::year::training::{Attendance, Attendee, Form, Staff, StaffId, Training};
use riskbook::domain::year::{YearEdit, YearKey, YearRecord};
use riskbook::operations::Session;
use serde_json::Value;

mod common;
use common::cli::{riskbook, sample_database};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn put(record: YearRecord) -> Edit {
    Edit::Year(YearEdit::Put(record))
}

fn leak(session: &Session, level: u8) -> Incident {
    let list = &session.workbook().assets;
    let personal = list
        .iter()
        .find(|a| a.personal_info)
        .expect("the sample has one");
    Incident {
        id: session.workbook().year.next_id(YearKey::Incident),
        found_at: d(6, 3).and_hms_opt(9, 15, 0).unwrap(),
        occurred_at: None,
        found_by: "佐藤".into(),
        kind: Kind::Leak,
        level: Level::new(level).unwrap(),
        title: "顧客名簿の誤送信".into(),
        description: String::new(),
        assets: vec![personal.id],
        timeline: vec![TimelineEntry {
            step: Step::Report,
            at: d(6, 3).and_hms_opt(9, 20, 0).unwrap(),
            text: "上長に報告".into(),
        }],
        measures: vec![riskbook::domain::ItemNo(12)],
    }
}

#[test]
fn a_refused_record_changes_nothing_and_a_good_one_survives_reopening_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    sample_database(&path);
    let mut session = Session::open(&path).unwrap();
    let before = session.workbook().clone();

    let err = session.apply(put(YearRecord::Incident(leak(&session, 2))));
    let err = err.unwrap_err().to_string();
    assert!(err.contains("事故レベル 3"), "{err}");
    assert_eq!(session.workbook(), &before, "nothing changed in memory");
    assert!(!session.can_undo());

    session
        .apply(put(YearRecord::Incident(leak(&session, 3))))
        .unwrap();
    // A duty done late: one batch, the record and the duty's next due date.
    let duty = session.workbook().year.duties[0].clone();
    let due = duty.next_due.unwrap();
    let done = due + chrono::Days::new(20);
    let c = complete(duty.period, due, done);
    let record = riskbook::domain::year::duty::DutyRecord {
        id: session.workbook().year.next_id(YearKey::DutyRecord),
        duty: duty.id,
        due,
        done_on: Some(done),
        outcome: c.outcome,
        by: "山田".into(),
        method: Method::Look,
        result: "問題なし".into(),
        remarks: String::new(),
    };
    let moved = riskbook::domain::year::duty::Duty {
        next_due: c.next_due,
        ..duty.clone()
    };
    session
        .apply(Edit::Batch(vec![
            put(YearRecord::DutyRecord(record)),
            put(YearRecord::Duty(moved)),
        ]))
        .unwrap();
    assert_eq!(c.outcome, Outcome::Late);
    drop(session);

    let mut session = Session::open(&path).unwrap();
    let year = &session.workbook().year;
    assert_eq!(year.incidents.len(), before.year.incidents.len() + 1);
    assert_eq!(year.duty_records.len(), before.year.duty_records.len() + 1);
    assert_eq!(year.duties[0].next_due, c.next_due);
    // Undo is per session: a fresh one has nothing to undo; the batch is one step in the one
    // that made it.
    assert!(!session.can_undo());
    let incidents = session.workbook().year.incidents.clone();
    session
        .apply(Edit::Year(YearEdit::Remove(YearKey::Incident(1))))
        .unwrap();
    assert_eq!(session.workbook().year.incidents.len(), incidents.len() - 1);
    session.undo().unwrap();
    assert_eq!(session.workbook().year.incidents, incidents);
}

#[test]
fn a_training_needs_its_attendees_on_the_staff_list_and_today_lists_who_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    sample_database(&path);
    let mut session = Session::open(&path).unwrap();
    // Beyond the sample's own staff and sessions.
    let first = session.workbook().year.next_id(YearKey::Staff);
    let id = session.workbook().year.next_id(YearKey::Training);
    let training = |attendee: i64| Training {
        id,
        held_on: chrono::Local::now().date_naive(),
        title: "標的型メールの見分け方".into(),
        content: String::new(),
        form: Form::Classroom,
        lecturer: String::new(),
        audience: "全従業員".into(),
        attendees: vec![Attendee {
            staff: StaffId(attendee),
            attendance: Attendance::Attended,
            understanding: None,
            follow_up: String::new(),
        }],
    };
    let err = session
        .apply(put(YearRecord::Training(training(first))))
        .unwrap_err();
    assert!(err.to_string().contains("一覧にいません"), "{err}");
    // Put on the list and trained in one step: the batch is checked part by part.
    let staff = [(first, "小川"), (first + 1, "木村")].map(|(id, name)| {
        put(YearRecord::Staff(Staff {
            id: StaffId(id),
            department: "営業".into(),
            name: name.into(),
            active: true,
        }))
    });
    let mut batch = staff.to_vec();
    batch.push(put(YearRecord::Training(training(first))));
    session.apply(Edit::Batch(batch)).unwrap();
    let list = todos(
        session.workbook(),
        session.assessment(),
        chrono::Local::now().date_naive(),
    );
    let training_line = list.iter().find(|t| t.place == Place::Training).unwrap();
    // The sample's one person missing, and the new one absent from the session.
    assert!(
        training_line.what.contains("2 人")
            && training_line.what.contains("木村")
            && training_line
                .what
                .contains(riskbook::sample_year::UNTRAINED),
        "{}",
        training_line.what
    );
    assert!(!training_line.what.contains("小川"));
}

#[test]
fn summary_and_the_annual_report_carry_the_records_of_the_period() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    sample_database(&path);
    {
        let mut session = Session::open(&path).unwrap();
        session
            .apply(put(YearRecord::Incident(leak(&session, 3))))
            .unwrap();
    }
    let db = path.to_str().unwrap();
    let out = riskbook(&["summary", "--db", db, "--json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let incident = json["incidents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "顧客名簿の誤送信")
        .expect("the incident put");
    assert_eq!(incident["level"], 3);
    assert_eq!(incident["kind"], "漏えい");
    assert_eq!(incident["reached"], "発見・報告");
    assert_eq!(incident["found_at"], "2026-06-03 09:15");
    assert_eq!(json["duties"].as_array().unwrap().len(), 7);
    assert_eq!(json["contacts"][0]["role"], "発見者の上長");

    let pdf = dir.path().join("年次.pdf");
    let made = riskbook(&[
        "report",
        pdf.to_str().unwrap(),
        "--db",
        db,
        "--annual",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let text = common::pdf::text_of(&pdf);
    for expected in [
        "情報セキュリティ年次報告",
        "2026年1月1日〜2026年12月31日",
        "顧客名簿の誤送信",
        "レベル3：1件",
        "事故レベル2以上のインシデント1件の再発防止策の確認",
        "委託先の評価",
        "みなと税理士事務所",
        "クラウド会計サービス",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }

    let outside = dir.path().join("前年.pdf");
    let made = riskbook(&[
        "report",
        outside.to_str().unwrap(),
        "--db",
        db,
        "--annual",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
    ]);
    assert!(made.status.success());
    assert!(!common::pdf::text_of(&outside).contains("顧客名簿の誤送信"));

    let wrong = riskbook(&[
        "report",
        "x.pdf",
        "--db",
        db,
        "--annual",
        "--from",
        "2026-12-31",
        "--to",
        "2026-01-01",
    ]);
    assert!(!wrong.status.success());
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("初日") && err.contains("より後"), "{err}");
}

#[test]
fn the_years_records_go_out_to_excel_and_come_back_in_on_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.db");
    sample_database(&path);
    {
        let mut session = Session::open(&path).unwrap();
        let staff = [(1, "佐藤"), (2, "鈴木")].map(|(id, name)| {
            put(YearRecord::Staff(Staff {
                id: StaffId(id),
                department: "営業".into(),
                name: name.into(),
                active: id == 1,
            }))
        });
        let mut batch = staff.to_vec();
        batch.push(put(YearRecord::Training(Training {
            id: 1,
            held_on: d(5, 10),
            title: "標的型メールの見分け方".into(),
            content: "実例で".into(),
            form: Form::Online,
            lecturer: "外部講師".into(),
            audience: "全従業員".into(),
            attendees: vec![
                Attendee {
                    staff: StaffId(1),
                    attendance: Attendance::Attended,
                    understanding: Some(
                        riskbook::domain::year::training::Understanding::new(2).unwrap(),
                    ),
                    follow_up: "個別に説明".into(),
                },
                Attendee {
                    staff: StaffId(2),
                    attendance: Attendance::Absent,
                    understanding: None,
                    follow_up: String::new(),
                },
            ],
        })));
        let mut incident = leak(&session, 3);
        incident.timeline.push(TimelineEntry {
            step: Step::FirstResponse,
            at: d(6, 3).and_hms_opt(10, 5, 0).unwrap(),
            text: "送信先に削除を依頼".into(),
        });
        batch.push(put(YearRecord::Incident(incident)));
        let mut contacts = session.workbook().year.contacts.clone();
        contacts[0].name = "山田".into();
        contacts[0].phone = "090-0000-0000".into();
        batch.push(Edit::Year(YearEdit::SetContacts(contacts)));
        session.apply(Edit::Batch(batch)).unwrap();
    }
    let db = path.to_str().unwrap();
    let xlsx = dir.path().join("out.xlsx");
    let out = riskbook(&["export", xlsx.to_str().unwrap(), "--db", db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let back = dir.path().join("back.db");
    let out = riskbook(&[
        "import",
        xlsx.to_str().unwrap(),
        "--db",
        back.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let year = |db: &std::path::Path| {
        let json: Value = serde_json::from_slice(
            &riskbook(&["summary", "--db", db.to_str().unwrap(), "--json"]).stdout,
        )
        .unwrap();
        ["duties", "trainings", "incidents", "contacts"].map(|k| json[k].clone())
    };
    assert_eq!(year(&back), year(&path));
    let incidents = &year(&back)[2];
    let leak = incidents
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "顧客名簿の誤送信")
        .expect("the incident put");
    assert_eq!(leak["timeline"].as_array().unwrap().len(), 2);
    assert_eq!(year(&back)[1][0]["attendees"][0]["understanding"], 2);
}

#[test]
fn report_contacts_writes_the_calling_order_on_one_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("y.db");
    sample_database(&path);
    let db = path.to_str().unwrap();
    let pdf = dir.path().join("連絡網.pdf");
    let made = riskbook(&["report", pdf.to_str().unwrap(), "--db", db, "--contacts"]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(String::from_utf8_lossy(&made.stdout).contains("連絡網の PDF"));
    let text = common::pdf::text_of(&pdf);
    let contacts = Session::open(&path)
        .unwrap()
        .workbook()
        .year
        .contacts
        .clone();
    let at = |t: &str| {
        let t: String = t.split_whitespace().collect();
        text.find(&t).unwrap_or_else(|| panic!("{t} not in {text}"))
    };
    assert!(at("緊急連絡網") < at("株式会社みなと精工（見本）"));
    let today = chrono::Local::now().date_naive();
    at(&format!(
        "更新日：{}",
        riskbook::domain::dates::long_date(today)
    ));
    // Each person with their phone, in calling order.
    let order: Vec<usize> = contacts.iter().map(|c| at(&c.name)).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    for c in &contacts {
        at(&c.phone);
    }
}
