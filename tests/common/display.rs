//! A virtual display (Xvfb) for the tests that start the real window, and what they look at: whether
//! the window appeared (xdotool) and what a screenshot shows (ImageMagick).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

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

    /// Gives the riskbook window the keyboard: with no window manager, keys go nowhere until then.
    pub fn focus_window(&self) {
        self.xdotool(&[
            "search",
            "--name",
            "riskbook",
            "windowfocus",
            "--sync",
            "%1",
        ]);
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

/// Waits until a window titled riskbook is on `display`; false when `program` ends first or the
/// time runs out.
pub fn window_appears(display: &Display, program: &mut Child, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        let search = Command::new("xdotool")
            .args(["search", "--name", "riskbook"])
            .env("DISPLAY", &display.name)
            .output()
            .expect("xdotool");
        if search.status.success() && !search.stdout.is_empty() {
            return true;
        }
        if Instant::now() > deadline || program.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(500));
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
