//! Where the time to the first window goes: with `RISKBOOK_STARTUP_TRACE=1` each step of starting
//! prints the milliseconds since `main` began to stderr. Off (and free) otherwise.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The environment variable that turns the trace on.
pub const ENV: &str = "RISKBOOK_STARTUP_TRACE";

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Called first thing in `main`.
pub fn begin() {
    START.get_or_init(|| std::env::var_os(ENV).map(|_| Instant::now()));
}

/// Marks the start of the window's first two frames: by the second, the first has been laid out,
/// painted and shown.
pub fn frame() {
    static FRAMES: AtomicUsize = AtomicUsize::new(0);
    match FRAMES.fetch_add(1, Ordering::Relaxed) {
        0 => mark("1 フレーム目を始めます"),
        1 => mark("1 フレーム目を描き終えました（2 フレーム目の始まり）"),
        _ => {}
    }
}

/// Marks the end of the first frame's layout (fonts loaded, widgets laid out), before egui
/// tessellates and the renderer paints it.
pub fn laid_out() {
    static FRAMES: AtomicUsize = AtomicUsize::new(0);
    if FRAMES.fetch_add(1, Ordering::Relaxed) == 0 {
        mark("1 フレーム目の画面を組み立てました（フォントの読み込みを含む）");
    }
}

/// Prints `step` with the time since `begin`, when the trace is on.
pub fn mark(step: &str) {
    if let Some(Some(start)) = START.get() {
        eprintln!(
            "[起動] {:>8.1} ms  {step}",
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}
