//! The Windows build, as a user gets it from scripts/build-windows.sh, run under Wine: the command
//! line from a folder with a Japanese name and a space, the window, the installer, and a database on
//! a network drive. Ignored by a plain `cargo test`; `.ci/run` builds the Windows version and runs
//! them, and each fails when Wine, Xvfb or the build is missing.

mod common;

use common::display::{Display, colours, window_appears};
use common::wine::{Prefix, installer, ok, prng_shim, stage, stderr, stdout};
use riskbook::domain::Catalogue;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A folder in the prefix's Documents with a Japanese name and a space, holding the packaged
/// programs (plus the test-only PRNG shim Wine 8 needs) and the sample workbook.
fn program_folder(prefix: &Prefix, work: &Path) -> PathBuf {
    let folder = prefix.profile().join("Documents").join("リスク 分析 2026");
    std::fs::create_dir_all(&folder).unwrap();
    let stage = stage();
    for file in ["riskbook.exe", "riskbook.com", "見本-リスク分析シート.xlsx"] {
        std::fs::copy(stage.join(file), folder.join(file)).unwrap();
    }
    std::fs::copy(prng_shim(work), folder.join("bcryptprimitives.dll")).unwrap();
    folder
}

/// `riskbook sample` then `summary --json` with the Linux build: what the Windows build must print.
fn linux_summary(work: &Path) -> String {
    let db = work.join("linux.db");
    let bin = env!("CARGO_BIN_EXE_riskbook");
    let made = Command::new(bin)
        .args(["sample", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(made.status.success());
    stdout(
        &Command::new(bin)
            .args(["summary", "--json", "--db", db.to_str().unwrap()])
            .output()
            .unwrap(),
    )
}

#[test]
#[ignore = "needs Wine, Xvfb and the Windows build (scripts/build-windows.sh); run by .ci/run"]
fn the_command_line_under_wine_does_what_the_linux_build_does() {
    let work = tempfile::tempdir().unwrap();
    let prefix = Prefix::new(&work.path().join("prefix"));
    let folder = program_folder(&prefix, work.path());
    let com = folder.join("riskbook.com");
    let win = |name: &str| prefix.windows_path(&folder.join(name));
    let db = win("見本 会社.db");
    let expected = linux_summary(work.path());

    let out = prefix.run(&com, &["sample", "--db", &db]);
    ok(&out, "sample");
    assert!(stdout(&out).contains("情報資産 32 件"), "{}", stdout(&out));
    let out = prefix.run(&com, &["summary", "--json", "--db", &db]);
    ok(&out, "summary --json");
    assert_eq!(
        stdout(&out),
        expected,
        "summary --json is byte-identical to the Linux build's"
    );

    // Import of an IPA-style workbook from the folder, into a new database.
    let imported = win("取り込み 先.db");
    let out = prefix.run(
        &com,
        &[
            "import",
            &win("見本-リスク分析シート.xlsx"),
            "--db",
            &imported,
        ],
    );
    ok(&out, "import");
    assert!(stdout(&out).contains("情報資産 32 件"), "{}", stdout(&out));
    let out = prefix.run(&com, &["summary", "--json", "--db", &imported]);
    ok(&out, "summary of the import");
    assert_eq!(
        common::cli::sheet_summary(stdout(&out).as_bytes()),
        common::cli::sheet_summary(expected.as_bytes()),
        "the import gives the sample, but for the 規程 the workbook does not carry"
    );

    let out = prefix.run(&com, &["export", &win("書き出し 結果.xlsx"), "--db", &db]);
    ok(&out, "export");
    let exported =
        riskbook::xlsx::read_workbook(&folder.join("書き出し 結果.xlsx"), Catalogue::builtin())
            .unwrap();
    assert_eq!(exported.workbook.assets.len(), 32);

    let out = prefix.run(&com, &["report", &win("診断 結果.pdf"), "--db", &db]);
    ok(&out, "report");
    let text = pdf_extract::extract_text(folder.join("診断 結果.pdf")).unwrap();
    assert!(
        text.contains("株式会社みなと精工（見本）"),
        "the PDF's text"
    );

    // Opening a file with data writes an automatic backup; a damaged file is restored from it.
    ok(
        &prefix.run(&com, &["sample", "--db", &db, "--replace"]),
        "sample --replace",
    );
    assert!(
        folder.join("riskbook-backups").is_dir(),
        "automatic backups"
    );
    std::fs::write(folder.join("見本 会社.db"), b"damaged by a bad disk").unwrap();
    let out = prefix.run(&com, &["summary", "--db", &db]);
    assert_eq!(out.status.code(), Some(1), "a damaged file is an error");
    let out = prefix.run(&com, &["restore", "--db", &db]);
    ok(&out, "restore");
    let out = prefix.run(&com, &["summary", "--json", "--db", &db]);
    ok(&out, "summary after restore");
    assert_eq!(stdout(&out), expected, "restored");

    // Exit codes and Japanese messages.
    let out = prefix.run(&com, &["summary", "--db", &win("ない.db")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("がありません"), "{}", stderr(&out));
    let out = prefix.run(&com, &["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));

    // A file that makes the spreadsheet parser abort ends only the worker, whatever the program is
    // called (a second download becomes 「riskbook (1)」).
    std::fs::copy(&com, folder.join("riskbook (1).com")).unwrap();
    std::fs::copy(folder.join("riskbook.exe"), folder.join("riskbook (1).exe")).unwrap();
    std::fs::remove_file(folder.join("riskbook.exe")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-oom-calamine-xls-alloc.bin"),
        folder.join("壊れた ブック.xls"),
    )
    .unwrap();
    let out = prefix.run(
        &folder.join("riskbook (1).com"),
        &[
            "import",
            &win("壊れた ブック.xls"),
            "--db",
            &db,
            "--replace",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("ブックの中身が壊れているため読めません"),
        "{}",
        stderr(&out)
    );
}

#[test]
#[ignore = "needs Wine, Xvfb and the Windows build (scripts/build-windows.sh); run by .ci/run"]
fn the_window_starts_under_wine_on_the_sample_and_stays_up() {
    let work = tempfile::tempdir().unwrap();
    let prefix = Prefix::new(&work.path().join("prefix"));
    let folder = program_folder(&prefix, work.path());
    let db = prefix.windows_path(&folder.join("見本 会社.db"));
    ok(
        &prefix.run(&folder.join("riskbook.com"), &["sample", "--db", &db]),
        "sample",
    );

    let display = Display::start();
    let mut window = prefix
        .command(folder.join("riskbook.exe"))
        .args(["--db", &db])
        .env("DISPLAY", &display.name)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let found = window_appears(&display, &mut window, Duration::from_secs(90));
    let shot =
        display.screenshot_when_drawn(&mut window, "wine-window.png", Duration::from_secs(90));
    let still_running = window.try_wait().unwrap().is_none();
    let _ = window.kill();
    let out = window.wait_with_output().unwrap();
    prefix.wait();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(found, "no riskbook window appeared: {log}");
    assert!(still_running, "the window closed by itself: {log}");
    let n = colours(&shot);
    assert!(
        n > 50,
        "the screenshot is blank ({n} colours): {}",
        shot.display()
    );
}

#[test]
#[ignore = "needs Wine, Xvfb and the Windows build (scripts/build-windows.sh); run by .ci/run"]
fn the_installer_installs_for_the_user_and_the_uninstaller_keeps_the_data() {
    let work = tempfile::tempdir().unwrap();
    let prefix = Prefix::new(&work.path().join("prefix"));
    let setup = work.path().join("riskbook-setup.exe");
    std::fs::copy(installer(), &setup).unwrap();
    ok(&prefix.run(&setup, &["/S"]), "silent install");

    let profile = prefix.profile();
    let program = profile.join("AppData/Local/Programs/riskbook");
    for file in [
        "riskbook.exe",
        "riskbook.com",
        "uninstall.exe",
        "はじめにお読みください.txt",
        "licenses/IPAexゴシック-IPAフォントライセンス.txt",
        "licenses/NotoSansCJKjp-Supplement-OFL.txt",
        "licenses/NotoEmoji-OFL.txt",
    ] {
        assert!(program.join(file).exists(), "installed: {file}");
    }
    let shortcut =
        profile.join("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/riskbook.lnk");
    assert!(shortcut.exists(), "Start-menu shortcut");

    // The installed program runs, with its data under %APPDATA%.
    std::fs::copy(prng_shim(work.path()), program.join("bcryptprimitives.dll")).unwrap();
    let data = profile.join("AppData/Roaming/riskbook/data/riskbook.db");
    let com = program.join("riskbook.com");
    ok(
        &prefix.run(&com, &["sample", "--db", &prefix.windows_path(&data)]),
        "sample",
    );
    let out = prefix.run(&com, &["summary"]);
    ok(&out, "summary of the default database");
    assert!(stdout(&out).contains("情報資産 32 件"), "{}", stdout(&out));

    std::fs::remove_file(program.join("bcryptprimitives.dll")).unwrap();
    ok(
        &prefix.run(&program.join("uninstall.exe"), &["/S"]),
        "silent uninstall",
    );
    assert!(
        !program.join("riskbook.exe").exists(),
        "the program is removed"
    );
    assert!(!program.exists(), "and its folder");
    assert!(!shortcut.exists(), "and the shortcut");
    assert!(data.exists(), "the user's database is kept");
}

#[test]
#[ignore = "needs Wine, Xvfb and the Windows build (scripts/build-windows.sh); run by .ci/run"]
fn a_database_on_a_network_drive_is_kept_without_wal() {
    let work = tempfile::tempdir().unwrap();
    let prefix = Prefix::new(&work.path().join("prefix"));
    let folder = program_folder(&prefix, work.path());
    let com = folder.join("riskbook.com");
    // Drive N: is a folder that Wine reports as a network drive (DRIVE_REMOTE).
    let share = work.path().join("nas");
    std::fs::create_dir(&share).unwrap();
    std::os::unix::fs::symlink(&share, prefix.dir.join("dosdevices/n:")).unwrap();
    ok(
        &prefix.run(
            Path::new("reg"),
            &[
                "add",
                r"HKLM\Software\Wine\Drives",
                "/v",
                "n:",
                "/d",
                "network",
                "/f",
            ],
        ),
        "drive type",
    );

    ok(
        &prefix.run(&com, &["sample", "--db", r"N:\総務\riskbook.db"]),
        "sample on N:",
    );
    let local = prefix.windows_path(&folder.join("local.db"));
    ok(
        &prefix.run(&com, &["sample", "--db", &local]),
        "sample on C:",
    );
    // Bytes 18 and 19 of an SQLite file: 1 for the rollback journal, 2 for WAL.
    let mode = |path: &Path| std::fs::read(path).unwrap()[18..20].to_vec();
    assert_eq!(
        mode(&share.join("総務/riskbook.db")),
        [1, 1],
        "no WAL on the share"
    );
    assert_eq!(
        mode(&folder.join("local.db")),
        [2, 2],
        "WAL on a local disk"
    );
    let out = prefix.run(&com, &["summary", "--db", r"N:\総務\riskbook.db"]);
    ok(&out, "summary on N:");
    assert!(stdout(&out).contains("情報資産 32 件"));
}

/// The PE subsystem of an executable: 2 for a window program, 3 for a console program.
fn subsystem(exe: &Path) -> u16 {
    let bytes = std::fs::read(exe).unwrap();
    let pe = u32::from_le_bytes(bytes[0x3C..0x40].try_into().unwrap()) as usize;
    assert_eq!(&bytes[pe..pe + 4], b"PE\0\0", "{}", exe.display());
    // The optional header follows the 4-byte signature and the 20-byte file header.
    let at = pe + 24 + 68;
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

/// Whether `text` occurs in `bytes` as UTF-16 (how Windows resources hold strings).
fn has_utf16(bytes: &[u8], text: &str) -> bool {
    let wide: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide.as_slice())
}

#[test]
#[ignore = "needs Wine, Xvfb and the Windows build (scripts/build-windows.sh); run by .ci/run"]
fn riskbook_exe_opens_no_console_the_launcher_does_and_the_exe_has_version_and_icon() {
    let stage = stage();
    assert_eq!(
        subsystem(&stage.join("riskbook.exe")),
        2,
        "a window program"
    );
    assert_eq!(
        subsystem(&stage.join("riskbook.com")),
        3,
        "a console program"
    );
    let exe = std::fs::read(stage.join("riskbook.exe")).unwrap();
    assert!(has_utf16(&exe, "FileVersion") && has_utf16(&exe, env!("CARGO_PKG_VERSION")));
    assert!(has_utf16(&exe, "riskbook 情報セキュリティ リスク分析"));
    let icon =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/riskbook.ico"))
            .unwrap();
    // The 16×16 image of the icon file (its last entry), byte for byte inside the executable.
    let count = u16::from_le_bytes([icon[4], icon[5]]) as usize;
    let entry = 6 + 16 * (count - 1);
    let size = u32::from_le_bytes(icon[entry + 8..entry + 12].try_into().unwrap()) as usize;
    let offset = u32::from_le_bytes(icon[entry + 12..entry + 16].try_into().unwrap()) as usize;
    let image = &icon[offset..offset + size];
    assert!(
        exe.windows(image.len()).any(|w| w == image),
        "the icon is in the executable"
    );
}
