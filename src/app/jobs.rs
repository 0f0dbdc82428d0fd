//! Work that takes long with a large register (reading a workbook, writing a PDF or an Excel file)
//! runs on a thread while the window shows that it is busy. Jobs get copies of what they need, so
//! they never touch the session; the app takes their result once per frame.

use crate::calc::Evaluated;
use crate::entry::list::{Source, open_source};
use crate::operations::report::{PdfRequest, ReportRequest};
use crate::report::ReportError;
use crate::xlsx::{ImportError, Imported};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

pub enum Outcome {
    Imported(PathBuf, Box<Result<Imported, ImportError>>),
    /// Another program's list, read as tables.
    ListRead(Result<Source, String>),
    /// A file written; `open` asks for it to be handed to the system viewer (印刷).
    Written {
        what: &'static str,
        path: PathBuf,
        open: bool,
        result: Result<(), String>,
    },
}

pub struct Job {
    /// What the busy dialog says, e.g. 「Excel を読み込んでいます…」.
    pub label: String,
    receiver: Receiver<Outcome>,
}

impl Job {
    fn spawn(label: impl Into<String>, work: impl FnOnce() -> Outcome + Send + 'static) -> Job {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let _ = sender.send(work());
        });
        Job {
            label: label.into(),
            receiver,
        }
    }

    /// The outcome once the work is done; a job whose thread died reports that as a failure.
    pub fn poll(&self) -> Option<Outcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Outcome::Written {
                what: "処理",
                path: PathBuf::new(),
                open: false,
                result: Err("処理が途中で止まりました".into()),
            }),
        }
    }

    pub fn import(path: PathBuf) -> Job {
        Job::spawn("Excel を読み込んでいます…", move || {
            let result = crate::xlsx::worker::read(&path);
            Outcome::Imported(path, Box::new(result))
        })
    }

    pub fn read_list(path: PathBuf) -> Job {
        Job::spawn("表を読み込んでいます…", move || {
            Outcome::ListRead(open_source(&path).map_err(|e| e.to_string()))
        })
    }

    pub fn report(request: ReportRequest, path: PathBuf, open: bool) -> Job {
        Job::pdf(path, open, move |path| request.write(path))
    }

    /// A PDF other than the report (経営者への報告, 連絡網, 基本方針, 委託先確認リスト), not opened.
    pub fn pdf_request(request: impl PdfRequest, path: PathBuf) -> Job {
        Job::pdf(path, false, move |path| request.write(path))
    }

    /// A PDF written to `path` by `write`; `open` hands it to the system viewer when done (印刷).
    fn pdf(
        path: PathBuf,
        open: bool,
        write: impl FnOnce(&std::path::Path) -> Result<(), ReportError> + Send + 'static,
    ) -> Job {
        Job::spawn("PDF を作成しています…", move || {
            let result = write(&path).map_err(|e| e.to_string());
            Outcome::Written {
                what: "PDF",
                path,
                open,
                result,
            }
        })
    }

    pub fn export(results: Evaluated, path: PathBuf) -> Job {
        Job::spawn("Excel に書き出しています…", move || {
            let result = crate::xlsx::export(&results, &path).map_err(|e| e.to_string());
            Outcome::Written {
                what: "Excel",
                path,
                open: false,
                result,
            }
        })
    }
}
