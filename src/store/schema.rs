//! The database layout and its forward migrations, numbered by `PRAGMA user_version`.
//! A migration is appended, never edited: files in users' hands were made by the old ones.

use rusqlite::Transaction;

/// `PRAGMA application_id`: 'RSKB', so that another program's SQLite file is not mistaken for ours.
pub const APPLICATION_ID: i64 = 0x5253_4B42;

const MEDIA_CHECK: &str =
    "('書類','可搬電子媒体','事務所PC','モバイル機器','社内サーバー','クラウド')";

/// Schema 1: the four sheets. Schema 2: report settings (会社名, 診断実施者, 診断日).
/// Schema 3: snapshots taken with 「診断を確定」 (the whole workbook and its results, as JSON).
/// Schema 4: 対策計画, each entry one check item or one threat's items.
/// Schema 5: (4) マイナンバー対応's 適用条件 as the guideline gives it (原則としてすべての企業; the
/// catalogue copied into older databases said マイナンバーを取り扱う場合).
/// Schema 6: the 情報セキュリティ基本方針 and the 自社診断 of SECURITY ACTION (one row).
/// Schema 7: 規程 — the company profile (one row) and the status, 改訂日 and 承認者 of the 13
/// documents (a row only for a document with something recorded).
/// Schema 8: the company's policy draft (the Word file's bytes as imported) and the values filled
/// into its spots, by spot number.
/// Schema 9: リスク対応, at most one decision per asset, dropped with the asset.
/// Schema 10: 取引先チェックシート — each sheet with the customer's file as imported, its answer
/// options (in the sheet's order, each with what it counts as) and its items with their answers.
/// Schema 12: the year's records — duties (with riskbook's default 年間計画, first due one period
/// after the migration), their 実施記録 and attached files, the staff list, training with its
/// attendees, incidents (assets, timeline and measures as JSON lists) and the 連絡網.
/// Schema 13: the 委託先 and their yearly evaluations on riskbook's 委託先確認リスト.
fn migration(version: i64) -> String {
    match version {
        1 => format!(
            "CREATE TABLE categories (
                no INTEGER PRIMARY KEY CHECK (no >= 1),
                name TEXT NOT NULL,
                applies_when TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE check_items (
                no INTEGER PRIMARY KEY CHECK (no >= 1),
                category INTEGER NOT NULL REFERENCES categories(no),
                question TEXT NOT NULL,
                help TEXT NOT NULL DEFAULT '',
                answer INTEGER CHECK (answer BETWEEN 1 AND 4)
            );
            CREATE TABLE threats (
                id INTEGER PRIMARY KEY,
                medium TEXT NOT NULL CHECK (medium IN {MEDIA_CHECK}),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                frequency INTEGER CHECK (frequency BETWEEN 1 AND 3)
            );
            CREATE TABLE threat_items (
                threat_id INTEGER NOT NULL REFERENCES threats(id) ON DELETE CASCADE,
                item_no INTEGER NOT NULL REFERENCES check_items(no) ON DELETE CASCADE,
                PRIMARY KEY (threat_id, item_no)
            ) WITHOUT ROWID;
            CREATE TABLE assets (
                id INTEGER PRIMARY KEY,
                position INTEGER NOT NULL,
                category TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL CHECK (trim(name) <> ''),
                note TEXT NOT NULL DEFAULT '',
                users TEXT NOT NULL DEFAULT '',
                department TEXT NOT NULL DEFAULT '',
                medium TEXT CHECK (medium IN {MEDIA_CHECK}),
                personal_info INTEGER NOT NULL DEFAULT 0 CHECK (personal_info IN (0, 1)),
                sensitive_info INTEGER NOT NULL DEFAULT 0 CHECK (sensitive_info IN (0, 1)),
                my_number INTEGER NOT NULL DEFAULT 0 CHECK (my_number IN (0, 1)),
                confidentiality INTEGER CHECK (confidentiality BETWEEN 0 AND 2),
                integrity INTEGER CHECK (integrity BETWEEN 0 AND 2),
                availability INTEGER CHECK (availability BETWEEN 0 AND 2),
                retention TEXT NOT NULL DEFAULT '',
                registered TEXT CHECK (registered IS NULL OR date(registered) = registered)
            );
            CREATE INDEX assets_by_position ON assets(position);"
        ),
        2 => "CREATE TABLE settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;"
            .to_string(),
        3 => "CREATE TABLE snapshots (
                id INTEGER PRIMARY KEY,
                taken_at TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                workbook TEXT NOT NULL,
                results TEXT NOT NULL
            );"
        .to_string(),
        4 => "CREATE TABLE plan (
                id INTEGER PRIMARY KEY,
                position INTEGER NOT NULL,
                item_no INTEGER REFERENCES check_items(no) ON DELETE CASCADE,
                threat_id INTEGER REFERENCES threats(id) ON DELETE CASCADE,
                owner TEXT NOT NULL DEFAULT '',
                due TEXT CHECK (due IS NULL OR date(due) = due),
                status TEXT NOT NULL DEFAULT '未着手' CHECK (status IN ('未着手', '対応中', '完了')),
                memo TEXT NOT NULL DEFAULT '',
                CHECK ((item_no IS NULL) <> (threat_id IS NULL))
            );"
        .to_string(),
        5 => "UPDATE categories SET applies_when = '原則としてすべての企業'
                WHERE no = 4 AND applies_when = 'マイナンバーを取り扱う場合';"
            .to_string(),
        6 => "CREATE TABLE declaration (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                policy_text TEXT NOT NULL DEFAULT '',
                established_on TEXT CHECK (established_on IS NULL OR date(established_on) = established_on),
                representative TEXT NOT NULL DEFAULT '',
                published_on TEXT CHECK (published_on IS NULL OR date(published_on) = published_on),
                published_where TEXT NOT NULL DEFAULT '',
                self_check_on TEXT CHECK (self_check_on IS NULL OR date(self_check_on) = self_check_on),
                self_check_score INTEGER CHECK (self_check_score BETWEEN -25 AND 100)
            );"
        .to_string(),
        7 => "CREATE TABLE company_profile (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                employees INTEGER CHECK (employees IS NULL OR employees >= 1),
                develops_systems INTEGER CHECK (develops_systems IN (0, 1)),
                outsources INTEGER CHECK (outsources IN (0, 1)),
                shares_important_information INTEGER CHECK (shares_important_information IN (0, 1))
            );
            CREATE TABLE policy_documents (
                no INTEGER PRIMARY KEY CHECK (no BETWEEN 1 AND 13),
                status TEXT NOT NULL DEFAULT '未作成' CHECK (status IN ('未作成', '作成中', '承認済み')),
                revised TEXT CHECK (revised IS NULL OR date(revised) = revised),
                approver TEXT NOT NULL DEFAULT ''
            );"
        .to_string(),
        8 => "CREATE TABLE policy_document (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                file_name TEXT NOT NULL,
                imported_on TEXT NOT NULL CHECK (date(imported_on) IS imported_on),
                spots INTEGER NOT NULL CHECK (spots >= 0),
                bytes BLOB NOT NULL
            );
            CREATE TABLE policy_values (
                spot INTEGER PRIMARY KEY CHECK (spot >= 1),
                value TEXT NOT NULL CHECK (trim(value) <> '')
            ) WITHOUT ROWID;"
            .to_string(),
        9 => "CREATE TABLE treatments (
                asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
                decision TEXT NOT NULL CHECK (decision IN ('低減', '保有', '回避', '移転')),
                reason TEXT NOT NULL DEFAULT '',
                change TEXT NOT NULL DEFAULT '',
                accepted_by TEXT NOT NULL DEFAULT '',
                accepted_on TEXT CHECK (accepted_on IS NULL OR date(accepted_on) = accepted_on)
            );"
        .to_string(),
        10 => "CREATE TABLE checksheets (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
                customer TEXT NOT NULL DEFAULT '',
                file_name TEXT NOT NULL,
                format TEXT NOT NULL CHECK (format IN ('xlsx', 'xlsm', 'xls')),
                sheet TEXT NOT NULL,
                answer_column INTEGER CHECK (answer_column >= 0),
                comment_column INTEGER CHECK (comment_column >= 0),
                imported_on TEXT NOT NULL CHECK (date(imported_on) = imported_on),
                bytes BLOB NOT NULL
            );
            CREATE TABLE checksheet_options (
                sheet_id INTEGER NOT NULL REFERENCES checksheets(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                text TEXT NOT NULL CHECK (trim(text) <> ''),
                meaning TEXT NOT NULL CHECK (meaning IN ('達成', '一部', '未達', '対象外', '不明')),
                PRIMARY KEY (sheet_id, position),
                UNIQUE (sheet_id, text)
            ) WITHOUT ROWID;
            CREATE TABLE checksheet_items (
                sheet_id INTEGER NOT NULL REFERENCES checksheets(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 0),
                row INTEGER NOT NULL CHECK (row >= 0),
                number TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                text TEXT NOT NULL DEFAULT '',
                requirement TEXT NOT NULL CHECK (requirement IN ('必須', '任意', '')),
                extra TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(extra)),
                answer TEXT CHECK (answer IS NULL OR trim(answer) <> ''),
                comment TEXT NOT NULL DEFAULT '',
                links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
                answered_by TEXT NOT NULL DEFAULT '',
                answered_on TEXT CHECK (answered_on IS NULL OR date(answered_on) = answered_on),
                PRIMARY KEY (sheet_id, position)
            ) WITHOUT ROWID;"
            .to_string(),
        // 11 was kept for the 委託先 while they were being built; databases at 12 were made with
        // it empty, so the 委託先 came as 13 instead.
        11 => String::new(),
        12 => year_tables() + &default_duties(),
        13 => supplier_tables(),
        _ => unreachable!("no migration {version}"),
    }
}

/// The 委託先 and their yearly evaluations on riskbook's 委託先確認リスト (`domain::supplier`): the
/// limits the domain checks, repeated (名称 unique and not blank, one evaluation per 委託先 and
/// 年度, an answer ○ / × / 該当なし to an item No. 1 to 26).
fn supplier_tables() -> String {
    "CREATE TABLE suppliers (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (trim(name) <> ''),
        work TEXT NOT NULL DEFAULT '',
        information TEXT NOT NULL DEFAULT '',
        agreement TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        next_due TEXT CHECK (next_due IS NULL OR date(next_due) = next_due)
    );
    CREATE TABLE supplier_evaluations (
        id INTEGER PRIMARY KEY,
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id) ON DELETE CASCADE,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        evaluated_on TEXT CHECK (evaluated_on IS NULL OR date(evaluated_on) = evaluated_on),
        evaluated_by TEXT NOT NULL DEFAULT '',
        verdict TEXT CHECK (verdict IS NULL OR verdict IN ('継続', '改善を依頼', '見直し')),
        comment TEXT NOT NULL DEFAULT '',
        UNIQUE (supplier_id, year)
    );
    CREATE TABLE supplier_answers (
        evaluation_id INTEGER NOT NULL REFERENCES supplier_evaluations(id) ON DELETE CASCADE,
        no INTEGER NOT NULL CHECK (no BETWEEN 1 AND 26),
        answer TEXT CHECK (answer IS NULL OR answer IN ('○', '×', '該当なし')),
        remark TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (evaluation_id, no)
    ) WITHOUT ROWID;
    "
    .to_string()
}

fn year_tables() -> String {
    "CREATE TABLE duties (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        period TEXT NOT NULL CHECK (period IN ('毎月', '四半期', '半年', '毎年', '1回のみ')),
        owner TEXT NOT NULL DEFAULT '',
        next_due TEXT CHECK (next_due IS NULL OR date(next_due) = next_due),
        method TEXT NOT NULL CHECK (method IN ('見る', '聞く', '試す')),
        tie TEXT NOT NULL DEFAULT '' CHECK (tie IN ('', '診断', '規程', '委託先', '教育')),
        how TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE duty_records (
        id INTEGER PRIMARY KEY,
        duty_id INTEGER NOT NULL REFERENCES duties(id),
        due TEXT NOT NULL CHECK (date(due) = due),
        done_on TEXT CHECK (done_on IS NULL OR date(done_on) = done_on),
        outcome TEXT NOT NULL CHECK (outcome IN ('実施', '遅延', '未実施')),
        done_by TEXT NOT NULL DEFAULT '',
        method TEXT NOT NULL CHECK (method IN ('見る', '聞く', '試す')),
        result TEXT NOT NULL DEFAULT '',
        remarks TEXT NOT NULL DEFAULT '',
        CHECK ((done_on IS NULL) = (outcome = '未実施'))
    );
    CREATE TABLE duty_attachments (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES duty_records(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL CHECK (trim(file_name) <> ''),
        bytes BLOB NOT NULL
    );
    CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        department TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL CHECK (trim(name) <> ''),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    );
    CREATE TABLE trainings (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL CHECK (date(held_on) = held_on),
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        content TEXT NOT NULL DEFAULT '',
        form TEXT NOT NULL CHECK (form IN ('集合研修', 'eラーニング・動画', '外部セミナー', '朝礼・会議での説明')),
        lecturer TEXT NOT NULL DEFAULT '',
        audience TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE training_attendees (
        training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        position INTEGER NOT NULL,
        attendance TEXT NOT NULL CHECK (attendance IN ('受講', '欠席')),
        understanding INTEGER CHECK (understanding BETWEEN 1 AND 4),
        follow_up TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (training_id, staff_id)
    ) WITHOUT ROWID;
    CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        found_at TEXT NOT NULL CHECK (datetime(found_at) = found_at),
        occurred_at TEXT CHECK (occurred_at IS NULL OR datetime(occurred_at) = occurred_at),
        found_by TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL CHECK (kind IN ('漏えい', '改ざん', '紛失・盗難', 'ウイルス感染', '不正アクセス', '停止', 'その他')),
        level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 3),
        title TEXT NOT NULL CHECK (trim(title) <> ''),
        description TEXT NOT NULL DEFAULT '',
        assets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(assets)),
        timeline TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(timeline)),
        measures TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(measures))
    );
    CREATE TABLE contacts (
        position INTEGER PRIMARY KEY CHECK (position >= 0),
        role TEXT NOT NULL CHECK (trim(role) <> ''),
        name TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        mail TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    );
    "
    .to_string()
}

/// riskbook's default 年間計画 (`domain::year::duty::DEFAULT_DUTIES`), each first due one period
/// after the day the database gets it, and the 連絡網's roles with nobody named yet.
fn default_duties() -> String {
    use crate::domain::year::{contacts::DEFAULT_ROLES, duty::DEFAULT_DUTIES};
    let mut sql = String::new();
    for d in DEFAULT_DUTIES {
        let months = match d.period.label() {
            "毎月" => 1,
            "四半期" => 3,
            "半年" => 6,
            _ => 12,
        };
        sql += &format!(
            "INSERT INTO duties (name, period, next_due, method, tie, how) \
             VALUES ('{}', '{}', date('now', 'localtime', '+{months} months'), '{}', '{}', '{}');\n",
            d.name,
            d.period.label(),
            d.method.label(),
            super::year::tie_label(d.tie),
            d.how
        );
    }
    for (position, role) in DEFAULT_ROLES.iter().enumerate() {
        sql += &format!("INSERT INTO contacts (position, role) VALUES ({position}, '{role}');\n");
    }
    sql
}

/// The schema this program writes.
pub const CURRENT_VERSION: i64 = 13;

/// Brings a database from `from` to `CURRENT_VERSION` inside the caller's transaction.
pub fn migrate(tx: &Transaction, from: i64) -> rusqlite::Result<()> {
    for version in from + 1..=CURRENT_VERSION {
        tx.execute_batch(&migration(version))?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    Ok(())
}

/// The SQL of one migration, for tests that build a file as an older program left it.
pub fn migration_sql(version: i64) -> String {
    migration(version)
}

/// A database in memory at the current schema, with foreign keys on (tests of the store's parts).
#[cfg(test)]
pub(crate) fn in_memory() -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let tx = conn.transaction().unwrap();
    migrate(&tx, 0).unwrap();
    tx.commit().unwrap();
    conn
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn schema_6_keeps_one_policy_document_and_checks_its_values() {
        let mut conn = Connection::open_in_memory().unwrap();
        let tx = conn.transaction().unwrap();
        migrate(&tx, 0).unwrap();
        tx.commit().unwrap();
        let insert = |id: i64, date: &str| {
            conn.execute(
                "INSERT INTO policy_document (id, file_name, imported_on, spots, bytes) \
                 VALUES (?1, 'a.docx', ?2, 3, x'00')",
                rusqlite::params![id, date],
            )
        };
        assert!(insert(1, "2026-04-01").is_ok());
        assert!(insert(2, "2026-04-01").is_err(), "a second document");
        conn.execute("DELETE FROM policy_document", []).unwrap();
        assert!(insert(1, "2026/04/01").is_err(), "a date not in ISO form");
        let value = |spot: i64, value: &str| {
            conn.execute(
                "INSERT INTO policy_values (spot, value) VALUES (?1, ?2)",
                rusqlite::params![spot, value],
            )
        };
        assert!(value(1, "株式会社見本").is_ok());
        assert!(value(0, "x").is_err());
        assert!(value(2, " ").is_err());
    }
}
