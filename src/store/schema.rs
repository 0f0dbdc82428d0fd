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
/// Schema 6: リスク対応, at most one decision per asset, dropped with the asset.
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
        6 => "CREATE TABLE treatments (
                asset_id INTEGER PRIMARY KEY REFERENCES assets(id) ON DELETE CASCADE,
                decision TEXT NOT NULL CHECK (decision IN ('低減', '保有', '回避', '移転')),
                reason TEXT NOT NULL DEFAULT '',
                change TEXT NOT NULL DEFAULT '',
                accepted_by TEXT NOT NULL DEFAULT '',
                accepted_on TEXT CHECK (accepted_on IS NULL OR date(accepted_on) = accepted_on)
            );"
        .to_string(),
        _ => unreachable!("no migration {version}"),
    }
}

/// The schema this program writes.
pub const CURRENT_VERSION: i64 = 6;

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
