//! A virtual display (Xvfb) for the tests that start the real window, and what they look at: whether
//! the window appeared (xdotool) and what a screenshot shows (ImageMagick).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How often the waits below look again.
const POLL: Duration = Duration::from_millis(200);
/// How long the window may take to accept the keyboard focus once it is mapped.
const FOCUS_LIMIT: Duration = Duration::from_secs(30);
/// More colours than a blank or black screen has: the window has drawn itself.
pub const DRAWN_COLOURS: usize = 50;

pub struct Display {
    server: Child,
    /// `:N`, for DISPLAY.
    pub name: String,
}

impl Display {
    /// A new display on a free number, 1366×768 like a small office laptop.
    pub fn start() -> Display {
        use std::io::{BufRead, BufReader};
        let mut server = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1366x768x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb");
        let mut line = String::new();
        BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        Display {
            server,
            name: format!(":{}", line.trim()),
        }
    }

    /// Runs xdotool on this display (clicks, keys, typing); panics when it fails.
    pub fn xdotool(&self, args: &[&str]) {
        let done = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .status()
            .expect("xdotool");
        assert!(done.success(), "xdotool {args:?}");
    }

    /// Runs xdotool on this display and returns what it printed, or `None` when it failed (no such
    /// window yet, a window not yet viewable).
    fn xdotool_output(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .expect("xdotool");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    /// The id of a mapped (viewable) window titled riskbook, if there is one.
    pub fn riskbook_window(&self) -> Option<String> {
        self.xdotool_output(&["search", "--onlyvisible", "--name", "riskbook"])
            .and_then(|ids| ids.lines().next().map(str::to_string))
    }

    /// Gives the riskbook window the keyboard (with no window manager, keys go nowhere until then),
    /// and checks that the focus really moved there: asks again until `xdotool getwindowfocus`
    /// names the window, for up to `FOCUS_LIMIT` on a busy machine; then panics saying so.
    pub fn focus_window(&self) {
        let deadline = Instant::now() + FOCUS_LIMIT;
        let mut last = String::from("no mapped riskbook window");
        loop {
            if let Some(window) = self.riskbook_window() {
                self.xdotool_output(&["windowfocus", &window]);
                match self.xdotool_output(&["getwindowfocus"]) {
                    Some(focused) if focused == window => return,
                    focused => {
                        last = format!(
                            "window {window}; getwindowfocus said {}",
                            focused.as_deref().unwrap_or("nothing (it failed)")
                        )
                    }
                }
            }
            assert!(
                Instant::now() < deadline,
                "the riskbook window did not take the keyboard focus within {FOCUS_LIMIT:?} ({last})"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Photographs the display until it shows a drawn window (more than `DRAWN_COLOURS` colours),
    /// `program` ends, or `limit` passes; returns the last screenshot (`name`), for the caller to
    /// judge. A window is mapped before its first frame is drawn, later still on a busy machine.
    pub fn screenshot_when_drawn(
        &self,
        program: &mut Child,
        name: &str,
        limit: Duration,
    ) -> PathBuf {
        let deadline = Instant::now() + limit;
        loop {
            let shot = self.screenshot(name);
            if colours(&shot) > DRAWN_COLOURS
                || Instant::now() > deadline
                || program.try_wait().unwrap().is_some()
            {
                return shot;
            }
            std::thread::sleep(POLL);
        }
    }

    /// A screenshot of the whole display, kept under target/screenshots for a person to look at.
    pub fn screenshot(&self, name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let shot = dir.join(name);
        let taken = Command::new("import")
            .args(["-window", "root"])
            .arg(&shot)
            .env("DISPLAY", &self.name)
            .status()
            .expect("import (imagemagick)");
        assert!(taken.success(), "screenshot {name}");
        shot
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}

/// Waits until a window titled riskbook is mapped on `display`; false when `program` ends first or
/// the time runs out.
pub fn window_appears(display: &Display, program: &mut Child, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if display.riskbook_window().is_some() {
            return true;
        }
        if Instant::now() > deadline || program.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Distinct colours in a screenshot: a blank or black screen has one or two.
pub fn colours(png: &Path) -> usize {
    let out = Command::new("identify")
        .args(["-format", "%k"])
        .arg(png)
        .output()
        .expect("identify (imagemagick)");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}
