//! What both executables do when started: make workbook reading isolate itself in this program,
//! read the command line, then run a batch command or open the window.
//!
//! On Windows `riskbook.exe` has no console window (Start menu, double-click); for the command line
//! `riskbook.com` (src/bin/riskbook-console.rs) runs it in its console and waits for it.

use crate::cli::{Cli, CliError, database_path, run};
use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

pub fn main() -> ExitCode {
    crate::platform::startup_trace::begin();
    // Workbooks are read in a worker process of this program, whatever its file is called.
    if let Ok(exe) = std::env::current_exe() {
        crate::xlsx::worker::isolate_with(exe);
    }
    if std::env::args_os().len() > 1 {
        // A windowless riskbook.exe given a command (by riskbook.com, or typed in a console) answers
        // in the console it was started from.
        crate::platform::attach_parent_console();
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help, --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!(
                "エラー：コマンドラインの指定が正しくありません。riskbook --help で使い方を確認してください。\n\n{e}"
            );
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Some(command) => run(command, cli.db).map(|out| {
            // A closed pipe (`| head`) is not an error of ours.
            let _ = writeln!(std::io::stdout(), "{out}");
        }),
        None => database_path(cli.db)
            .and_then(|path| crate::app::run(path, cli.import_list).map_err(CliError::Message)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = error.to_string();
            eprintln!("エラー：{message}");
            crate::platform::show_error_if_windowless(&message);
            ExitCode::FAILURE
        }
    }
}
