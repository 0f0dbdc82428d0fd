//! Reading a workbook in a separate process of the same program, so that a file that crashes or
//! exhausts the spreadsheet parser (as the fuzzer found for .xls: a 132 GB allocation that aborts)
//! ends only that process. The window and the command line get an error and keep running.
//!
//! The worker caps its own memory first (`memory_cap`), and the parent gives up after
//! `TIME_LIMIT`.

pub mod memory_cap;

use super::import::{ImportError, Imported, read_workbook};
use super::tables::{Table, read_tables};
use crate::domain::Catalogue;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The hidden subcommand the worker runs.
pub const SUBCOMMAND: &str = "read-workbook-worker";
/// A workbook that takes longer than this to read is given up.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);

#[derive(serde::Serialize, serde::Deserialize)]
enum Answer {
    Read(Box<Imported>),
    Tables(Vec<Table>),
    Refused(String),
}

/// What the worker is asked to read `file` as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// An IPA risk analysis workbook.
    Workbook,
    /// Any workbook, as tables of text (`--tables`).
    Tables,
}

/// The worker's side: caps its memory, reads `file` and writes the result to stdout as JSON.
pub fn serve(file: &Path, reading: Reading) -> String {
    if let Err(why) = memory_cap::cap_this_process(memory_cap::LIMIT_BYTES) {
        return refusal(&format!(
            "読み取り用のプロセスにメモリの上限を設定できませんでした（{why}）"
        ));
    }
    let answer = match reading {
        Reading::Workbook => {
            read_workbook(file, Catalogue::builtin()).map(|i| Answer::Read(Box::new(i)))
        }
        Reading::Tables => read_tables(file).map(Answer::Tables),
    }
    .unwrap_or_else(|e| Answer::Refused(e.to_string()));
    serde_json::to_string(&answer)
        .unwrap_or_else(|e| refusal(&format!("読み取り結果を書き出せませんでした（{e}）")))
}

/// The worker's answer for a refusal, whatever characters `message` holds.
fn refusal(message: &str) -> String {
    serde_json::to_string(&Answer::Refused(message.to_string()))
        .expect("a string always serializes")
}

/// The riskbook program that workers are started from; set once by `main`.
static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Makes this process read workbooks in workers of `exe`, the riskbook program. `main` calls it with
/// its own path, so isolation does not depend on what the file is called (a download often becomes
/// `riskbook (1).exe`). Test binaries that do not call it read in process.
pub fn isolate_with(exe: PathBuf) {
    let _ = PROGRAM.set(exe);
}

/// The program workers are started from, once `isolate_with` was called.
pub fn worker_executable() -> Option<PathBuf> {
    PROGRAM.get().cloned()
}

fn broken(file: &Path, why: &str) -> ImportError {
    ImportError::Open {
        path: file.display().to_string(),
        detail: format!("ブックの中身が壊れているため読めません（{why}）"),
    }
}

/// Reads `file` as an IPA workbook in a worker process of `exe`.
pub fn read_isolated(exe: &Path, file: &Path) -> Result<Imported, ImportError> {
    match ask_worker(exe, file, Reading::Workbook)? {
        Answer::Read(imported) => Ok(*imported),
        Answer::Refused(message) => Err(ImportError::Worker(message)),
        Answer::Tables(_) => Err(broken(file, "読み取り結果を受け取れません")),
    }
}

/// Reads `file` as tables in a worker process of `exe`.
pub fn read_tables_isolated(exe: &Path, file: &Path) -> Result<Vec<Table>, ImportError> {
    match ask_worker(exe, file, Reading::Tables)? {
        Answer::Tables(tables) => Ok(tables),
        Answer::Refused(message) => Err(ImportError::Worker(message)),
        Answer::Read(_) => Err(broken(file, "読み取り結果を受け取れません")),
    }
}

fn ask_worker(exe: &Path, file: &Path, reading: Reading) -> Result<Answer, ImportError> {
    let mut command = Command::new(exe);
    command.arg(SUBCOMMAND);
    if reading == Reading::Tables {
        command.arg("--tables");
    }
    let mut child = command
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| ImportError::Open {
            path: file.display().to_string(),
            detail: format!("読み取り用のプロセスを起動できません（{e}）"),
        })?;
    // Read while waiting, so a large answer cannot fill a pipe and stall the worker.
    let stdout = read_all(child.stdout.take().expect("stdout is piped"));
    let stderr = read_all(child.stderr.take().expect("stderr is piped"));
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(broken(file, "読み取りに時間がかかりすぎます"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(broken(file, &e.to_string())),
        }
    };
    let out = stdout.join().unwrap_or_default();
    let err = stderr.join().unwrap_or_default();
    if !status.success() {
        if memory_cap::ran_out(&err) {
            return Err(broken(
                file,
                &format!(
                    "読み取りにメモリが {} MB 以上必要になったため止めました",
                    memory_cap::LIMIT_BYTES / 1_048_576
                ),
            ));
        }
        return Err(broken(file, "読み取り中に異常終了しました"));
    }
    serde_json::from_str::<Answer>(&out).map_err(|_| broken(file, "読み取り結果を受け取れません"))
}

/// All that `source` yields, read on a thread of its own.
fn read_all(mut source: impl Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = source.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Reads `file` isolated when this process is riskbook itself, in this process otherwise (tests).
pub fn read(file: &Path) -> Result<Imported, ImportError> {
    match worker_executable() {
        Some(exe) => read_isolated(&exe, file),
        None => read_workbook(file, Catalogue::builtin()),
    }
}

/// Reads any workbook's sheets as tables, isolated like `read`.
pub fn read_any(file: &Path) -> Result<Vec<Table>, ImportError> {
    match worker_executable() {
        Some(exe) => read_tables_isolated(&exe, file),
        None => read_tables(file),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_with_quotes_and_backslashes_reaches_the_parent_whole() {
        let message = r#"「"壊れた" ブック」 C:\Users\山田\a.xls"#;
        match serde_json::from_str::<Answer>(&refusal(message)) {
            Ok(Answer::Refused(back)) => assert_eq!(back, message),
            Ok(_) => panic!("a refusal came back as something read"),
            Err(e) => panic!("the answer is not JSON: {e}"),
        }
    }
}
