//! The real window of the Linux build on a virtual display: it starts on the sample, and when the
//! first renderer cannot open it, riskbook starts again with the fallback renderer instead of exiting.
//! Ignored by a plain `cargo test`; `.ci/run` runs it, and it fails without Xvfb, xdotool or ImageMagick.

mod common;

use common::cli::sample_database;
use common::data::on_disk;
use common::display::{DRAWN_COLOURS, Display, colours, window_appears};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

fn sample(dir: &Path) -> String {
    let db = dir.join("見本.db");
    sample_database(&db);
    db.to_str().unwrap().to_string()
}

/// The window on `db`, with extra environment, its error output piped, in a process group of its
/// own (a restart with another renderer is a child of it).
fn window(display: &Display, db: &str, env: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_riskbook"))
        .process_group(0)
        .args(["--db", db])
        .env("DISPLAY", &display.name)
        .env_remove("WAYLAND_DISPLAY")
        .env_remove(riskbook::app::renderer::ENV)
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for the window to be mapped and drawn, photographs it and closes it; returns its error output and
/// the screenshot's colour count.
fn shows_a_window(display: &Display, mut program: Child, shot: &str) -> (String, usize) {
    let found = window_appears(display, &mut program, Duration::from_secs(60));
    let shot = display.screenshot_when_drawn(&mut program, shot, Duration::from_secs(60));
    let running = program.try_wait().unwrap().is_none();
    // The restarted window is a child of the first process: end the whole group.
    // SAFETY: a signal to the process group we made for this window.
    unsafe {
        libc::kill(-(program.id() as i32), libc::SIGKILL);
    }
    let out = program.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(found, "no window appeared: {log}");
    assert!(running, "the window closed by itself: {log}");
    (log, colours(&shot))
}

#[test]
#[ignore = "needs Xvfb, xdotool and ImageMagick; run by .ci/run"]
fn when_the_first_renderer_cannot_start_the_window_opens_with_glow() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let display = Display::start();
    // A wgpu limited to a backend this machine does not have: the first renderer fails.
    let (log, n) = shows_a_window(
        &display,
        window(&display, &db, &[("WGPU_BACKEND", "metal")]),
        "fallback-glow.png",
    );
    assert!(
        log.contains("描画方式 glow で起動し直します"),
        "the restart is said: {log}"
    );
    assert!(n > 50, "the window is drawn ({n} colours)");
}

#[test]
#[ignore = "needs Xvfb, xdotool and ImageMagick; run by .ci/run"]
fn support_can_force_a_renderer_and_a_wrong_name_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let display = Display::start();
    let (log, n) = shows_a_window(
        &display,
        window(&display, &db, &[(riskbook::app::renderer::ENV, "glow")]),
        "forced-glow.png",
    );
    assert!(
        !log.contains("起動し直します"),
        "no restart when forced: {log}"
    );
    assert!(n > 50, "the window is drawn ({n} colours)");

    let wrong = window(&display, &db, &[(riskbook::app::renderer::ENV, "directx")])
        .wait_with_output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("「directx」は使えません"), "{err}");
}

/// The lost edit found by hand, driven in the real window: a name typed into row 1 and a click on the
/// same row's 個人情報 checkbox reach the window in one frame. Both must be saved; then a note typed
/// and not left is saved by Ctrl+Q, which closes the window. The positions are those of the sample's
/// rows in a 1366×768 window at the display's corner (no window manager moves it).
#[test]
#[ignore = "needs Xvfb, xdotool and ImageMagick; run by .ci/run"]
fn in_the_real_window_a_typed_name_survives_a_click_in_its_row_and_ctrl_q_saves_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let before = on_disk(Path::new(&db));
    let display = Display::start();
    let mut program = drawn_window(&display, &db, "before-typing.png");
    // The pace of a quick hand. On a loaded machine the window can still take the last key and the
    // click after it in one late frame and lose the key (1 run in 20 here; 2 in 20 when each input
    // was instead waited for until drawn): the race this test is for, in the window, not here.
    let pause = || std::thread::sleep(Duration::from_millis(700));
    display.xdotool(&["mousemove", "170", "162", "click", "1"]);
    pause();
    display.xdotool(&["key", "ctrl+a"]);
    display.xdotool(&["type", "--delay", "50", "ABC"]);
    pause();
    display.xdotool(&["mousemove", "620", "162", "click", "1"]);
    pause();
    display.xdotool(&["mousemove", "280", "191", "click", "1"]);
    pause();
    display.xdotool(&["key", "ctrl+a"]);
    display.xdotool(&["type", "--delay", "50", "draft"]);
    pause();
    display.screenshot("typed-then-clicked.png");
    quit(&display, &mut program);
    let after = on_disk(Path::new(&db));
    assert_eq!(after.assets[0].name, "ABC", "the typed name was kept");
    assert_eq!(
        after.assets[0].personal_info, !before.assets[0].personal_info,
        "the checkbox click was saved"
    );
    assert_eq!(
        after.assets[1].note, "draft",
        "Ctrl+Q saved the text being typed"
    );
}

/// The sample's window, mapped, drawn (photographed as `shot`) and focused, ready for input.
fn drawn_window(display: &Display, db: &str, shot: &str) -> Child {
    let mut program = window(display, db, &[]);
    assert!(
        window_appears(display, &mut program, Duration::from_secs(60)),
        "no riskbook window was mapped within 60 s"
    );
    let drawn = display.screenshot_when_drawn(&mut program, shot, Duration::from_secs(60));
    assert!(
        colours(&drawn) > DRAWN_COLOURS,
        "the window did not draw itself within 60 s of being mapped"
    );
    display.focus_window();
    // A database with data opens on 今やること: the 台帳 is the next tab.
    display.xdotool(&["mousemove", TABLE_TAB.0, TABLE_TAB.1, "click", "1"]);
    std::thread::sleep(Duration::from_millis(700));
    program
}

/// Where the 情報資産管理台帳 tab is in a 1366×768 window at the display's corner.
const TABLE_TAB: (&str, &str) = ("183", "35");

/// Ctrl+Q, and the window closes cleanly within 20 s.
fn quit(display: &Display, program: &mut Child) {
    display.xdotool(&["key", "ctrl+q"]);
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = program.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "Ctrl+Q did not close the window"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(status.success());
}

/// Tab from a clicked checkbox cell walks the grid's cells in the real window (it used to move
/// egui's focus through the window's widgets: the ファイル menu first).
#[test]
#[ignore = "needs Xvfb, xdotool and ImageMagick; run by .ci/run"]
fn in_the_real_window_tab_after_a_checkbox_click_moves_to_the_next_cell() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let before = on_disk(Path::new(&db));
    let display = Display::start();
    let mut program = drawn_window(&display, &db, "before-tab.png");
    let pause = || std::thread::sleep(Duration::from_millis(700));
    // Row 3's G 個人情報 cell right of its checkbox, then Tab to H 要配慮個人情報 and Space, Tab to
    // I and Space.
    display.xdotool(&["mousemove", "640", "220", "click", "1"]);
    pause();
    for key in ["Tab", "space", "Tab", "space"] {
        display.xdotool(&["key", key]);
        pause();
    }
    display.screenshot("tab-after-checkbox.png");
    quit(&display, &mut program);
    let (a, b) = (&on_disk(Path::new(&db)).assets[2], &before.assets[2]);
    assert_eq!(a.sensitive_info, !b.sensitive_info, "Tab went to H");
    assert_eq!(a.my_number, !b.my_number, "and on to I");
}

/// 年間の記録 in the real window: the overdue backup-restore test recorded as done, with a result
/// typed into the form, moves its 次回期限 on by its period and is listed (issue 24's window run).
#[test]
#[ignore = "needs Xvfb, xdotool and ImageMagick; run by .ci/run"]
fn in_the_real_window_an_overdue_duty_is_recorded_and_its_next_due_date_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample(dir.path());
    let before = on_disk(Path::new(&db)).year;
    let display = Display::start();
    let mut program = drawn_window(&display, &db, "before-year.png");
    let pause = || std::thread::sleep(Duration::from_millis(700));
    // The 年間の記録 tab, then 「実施を記録」 on the fifth duty (バックアップの復元テスト, overdue).
    display.xdotool(&["mousemove", "1136", "35", "click", "1"]);
    pause();
    display.xdotool(&["mousemove", "1000", "244", "click", "1"]);
    pause();
    // The form's 結果 field, then 記録する.
    display.xdotool(&["mousemove", "220", "441", "click", "1"]);
    pause();
    display.xdotool(&["type", "--delay", "50", "restored OK"]);
    pause();
    display.xdotool(&["mousemove", "48", "488", "click", "1"]);
    pause();
    display.screenshot("duty-recorded.png");
    quit(&display, &mut program);
    let after = on_disk(Path::new(&db)).year;
    let duty = |year: &riskbook::domain::year::Year| {
        year.duties
            .iter()
            .find(|d| d.name == "バックアップの復元テスト")
            .cloned()
            .unwrap()
    };
    let (was, now) = (duty(&before), duty(&after));
    assert_eq!(
        now.next_due,
        was.next_due
            .unwrap()
            .checked_add_months(chrono::Months::new(6)),
        "half-yearly: the next occurrence, not six months from today"
    );
    let record = after
        .duty_records
        .iter()
        .find(|r| r.result == "restored OK")
        .expect("the record is saved with the typed result");
    assert_eq!(record.duty, was.id);
    assert_eq!(after.duty_records.len(), before.duty_records.len() + 1);
}
