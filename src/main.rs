use clap::Parser;
use riskbook::cli::{Cli, CliError, database_path, run};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Workbooks are read in a worker process of this program, whatever its file is called.
    if let Ok(exe) = std::env::current_exe() {
        riskbook::xlsx::worker::isolate_with(exe);
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
                "エラー: コマンドラインの指定が正しくありません。riskbook --help で使い方を確認してください。\n\n{e}"
            );
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Some(command) => run(command, cli.db).map(|out| {
            // A closed pipe (`| head`) is not an error of ours.
            let _ = writeln!(std::io::stdout(), "{out}");
        }),
        None => database_path(cli.db).and_then(|path| riskbook::app::run(path).map_err(CliError)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(message)) => {
            eprintln!("エラー: {message}");
            ExitCode::FAILURE
        }
    }
}
