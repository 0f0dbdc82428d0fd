// On Windows: a window program, so no console window opens beside it. For the command line,
// riskbook.com (src/bin/riskbook-console.rs) runs it in a console and waits for it.
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    riskbook::launch::main()
}
