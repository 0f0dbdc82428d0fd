//! riskbook for the command line on Windows, shipped as `riskbook.com` beside `riskbook.exe`.
//!
//! riskbook.exe is a window program: cmd and PowerShell neither wait for it nor get its exit code.
//! For `riskbook …` they pick riskbook.com first (.COM comes before .EXE), a small console program
//! that runs the riskbook.exe beside it with the same arguments and the same console, waits, and
//! returns its exit code. Elsewhere this binary is riskbook itself.

use std::process::ExitCode;

#[cfg(windows)]
fn main() -> ExitCode {
    use std::process::Command;
    let me = match std::env::current_exe() {
        Ok(me) => me,
        Err(e) => {
            eprintln!("エラー：riskbook の場所がわかりません（{e}）。");
            return ExitCode::FAILURE;
        }
    };
    // The window program of the same name (a renamed download stays a pair), else riskbook.exe.
    let twin = me.with_extension("exe");
    let program = if twin.exists() {
        twin
    } else {
        me.with_file_name("riskbook.exe")
    };
    match Command::new(&program)
        .args(std::env::args_os().skip(1))
        .status()
    {
        Ok(status) => ExitCode::from(u8::try_from(status.code().unwrap_or(1)).unwrap_or(1)),
        Err(e) => {
            eprintln!(
                "エラー：「{}」を起動できません（{e}）。riskbook.com と同じフォルダーに riskbook.exe が必要です。",
                program.display()
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(windows))]
fn main() -> ExitCode {
    riskbook::launch::main()
}
