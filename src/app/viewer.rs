//! Handing a written file to the system's viewer (印刷 → the PDF viewer, whose print dialog
//! prints it). The launcher is waited for on a thread of its own — it may run until the viewer
//! closes — so that its failure is known and can be reported with the file's path.

use std::io;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// What opens a file in its viewer; the window uses `system`, tests one that fails.
pub type Opener = fn(&Path) -> io::Result<()>;

/// The system's launcher (ShellExecute on Windows, `open` on macOS, xdg-open and the desktops'
/// launchers on Linux), waited for so that a launcher that found no viewer is an error.
pub fn system(path: &Path) -> io::Result<()> {
    open::that(path)
}

pub struct Viewing {
    pub path: PathBuf,
    handle: Option<JoinHandle<io::Result<()>>>,
}

impl Viewing {
    pub fn start(path: PathBuf, opener: Opener) -> Viewing {
        let target = path.clone();
        let handle = std::thread::spawn(move || opener(&target));
        Viewing {
            path,
            handle: Some(handle),
        }
    }

    /// Once the launcher has finished: why it could not show the file, if it could not.
    pub fn poll(&mut self) -> Option<Result<(), String>> {
        if !self.handle.as_ref()?.is_finished() {
            return None;
        }
        let outcome = match self.handle.take()?.join() {
            Ok(result) => result.map_err(|e| e.to_string()),
            Err(_) => Err("表示するプログラムが途中で止まりました".into()),
        };
        Some(outcome)
    }
}
