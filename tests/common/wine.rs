//! Running the Windows build under Wine, for the tests of tests/windows_wine.rs. Everything here
//! fails loudly when Wine, mingw-w64 or the build is missing: those tests are ignored by a plain
//! `cargo test` and run by `.ci/run` after scripts/build-windows.sh.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The packaged files of scripts/build-windows.sh (stripped riskbook.exe and riskbook.com).
pub fn stage() -> PathBuf {
    let stage = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "dist/stage/riskbook-{}-windows-x64",
        env!("CARGO_PKG_VERSION")
    ));
    assert!(
        stage.join("riskbook.exe").exists() && stage.join("riskbook.com").exists(),
        "no Windows build at {}: run scripts/build-windows.sh",
        stage.display()
    );
    stage
}

pub fn installer() -> PathBuf {
    let setup = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "dist/riskbook-{}-setup.exe",
        env!("CARGO_PKG_VERSION")
    ));
    assert!(setup.exists(), "no installer: run scripts/build-windows.sh");
    setup
}

/// Wine 8 lacks bcryptprimitives.dll (ProcessPrng), which Rust's standard library imports and which
/// real Windows 10 and 11 have. This test-only stand-in forwards to RtlGenRandom; it is placed beside
/// the exe under test and never shipped.
pub fn prng_shim(dir: &Path) -> PathBuf {
    let c = dir.join("bcryptprimitives.c");
    std::fs::write(
        &c,
        r#"#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
"#,
    )
    .unwrap();
    let dll = dir.join("bcryptprimitives.dll");
    let out = Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-O2", "-o"])
        .arg(&dll)
        .arg(&c)
        .arg("-ladvapi32")
        .output()
        .expect("x86_64-w64-mingw32-gcc (mingw-w64)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dll
}

/// A Wine prefix of its own (a fresh Windows installation), made on first use.
pub struct Prefix {
    pub dir: PathBuf,
}

impl Prefix {
    pub fn new(dir: &Path) -> Prefix {
        let prefix = Prefix {
            dir: dir.to_path_buf(),
        };
        let boot = prefix.command("wineboot").arg("-i").output().expect("wine");
        assert!(
            boot.status.success(),
            "wineboot: {}",
            String::from_utf8_lossy(&boot.stderr)
        );
        prefix.wait();
        prefix
    }

    /// `wine program …` in this prefix, quiet, without the Mono and Gecko installers.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        // Wine links Documents, Desktop … to $HOME: a home of the test's own keeps them inside it.
        let home = self.dir.with_file_name("home");
        std::fs::create_dir_all(&home).unwrap();
        let mut command = Command::new("wine");
        command
            .arg(program)
            .env("HOME", &home)
            .env("WINEPREFIX", &self.dir)
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=");
        command
    }

    /// Runs `program args…` and returns what it did, after every process of the prefix ended.
    pub fn run(&self, program: &Path, args: &[&str]) -> Output {
        let out = self.command(program).args(args).output().expect("wine");
        self.wait();
        out
    }

    /// Waits until no process of this prefix runs (an uninstaller that restarts itself included).
    pub fn wait(&self) {
        let _ = Command::new("wineserver")
            .arg("-w")
            .env("HOME", self.dir.with_file_name("home"))
            .env("WINEPREFIX", &self.dir)
            .status();
    }

    /// drive_c of the prefix, as seen from Linux.
    pub fn drive_c(&self) -> PathBuf {
        self.dir.join("drive_c")
    }

    /// The Windows user's profile folder, as seen from Linux.
    pub fn profile(&self) -> PathBuf {
        let users = self.drive_c().join("users");
        std::fs::read_dir(&users)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().is_some_and(|n| n != "Public"))
            .expect("a user profile in the prefix")
    }

    /// The Windows path (C:\…) of a Linux path inside drive_c.
    pub fn windows_path(&self, linux: &Path) -> String {
        let inside = linux
            .strip_prefix(self.drive_c())
            .unwrap_or_else(|_| panic!("{} is not on drive C:", linux.display()));
        format!("C:\\{}", inside.to_string_lossy().replace('/', "\\"))
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the run succeeded, showing its error output otherwise.
pub fn ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what}: exit {:?}\n{}\n{}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
}
