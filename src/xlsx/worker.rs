//! Reading a workbook in a separate process of the same program, so that a file that crashes or
//! exhausts the spreadsheet parser (as the fuzzer found for .xls: a 132 GB allocation that aborts)
//! ends only that process. The window and the command line get an error and keep running.

use super::import::{ImportError, Imported, read_workbook};
use crate::domain::Catalogue;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The hidden subcommand the worker runs.
pub const SUBCOMMAND: &str = "read-workbook-worker";
/// A workbook that takes longer than this to read is given up.
pub const TIME_LIMIT: Duration = Duration::from_secs(120);

#[derive(serde::Serialize, serde::Deserialize)]
enum Answer {
    Read(Imported),
    Refused(String),
}

/// The worker's side: reads `file` and writes the result to stdout as JSON.
pub fn serve(file: &Path) -> String {
    let answer = match read_workbook(file, Catalogue::builtin()) {
        Ok(imported) => Answer::Read(imported),
        Err(e) => Answer::Refused(e.to_string()),
    };
    serde_json::to_string(&answer).unwrap_or_else(|e| format!("{{\"Refused\":\"{e}\"}}"))
}

/// The riskbook executable, when this process is one (not a test binary): then reading can be
/// isolated in a worker.
pub fn worker_executable() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let stem = exe.file_stem()?.to_string_lossy().into_owned();
    (stem == "riskbook").then_some(exe)
}

fn broken(file: &Path, why: &str) -> ImportError {
    ImportError::Open {
        path: file.display().to_string(),
        detail: format!("ブックの中身が壊れているため読めません（{why}）"),
    }
}

/// Reads `file` in a worker process of `exe`.
pub fn read_isolated(exe: &Path, file: &Path) -> Result<Imported, ImportError> {
    let mut child = Command::new(exe)
        .arg(SUBCOMMAND)
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ImportError::Open {
            path: file.display().to_string(),
            detail: format!("読み取り用のプロセスを起動できません（{e}）"),
        })?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    // Read while waiting, so a large answer cannot fill the pipe and stall the worker.
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
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
    let out = reader.join().ok().and_then(|r| r.ok()).unwrap_or_default();
    if !status.success() {
        return Err(broken(file, "読み取り中に異常終了しました"));
    }
    match serde_json::from_str::<Answer>(&out) {
        Ok(Answer::Read(imported)) => Ok(imported),
        Ok(Answer::Refused(message)) => Err(ImportError::Worker(message)),
        Err(_) => Err(broken(file, "読み取り結果を受け取れません")),
    }
}

/// Reads `file` isolated when this process is riskbook itself, in this process otherwise (tests).
pub fn read(file: &Path) -> Result<Imported, ImportError> {
    match worker_executable() {
        Some(exe) => read_isolated(&exe, file),
        None => read_workbook(file, Catalogue::builtin()),
    }
}
