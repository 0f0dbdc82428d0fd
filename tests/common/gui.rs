//! The window in egui_kittest, driven by labels as a person would: shared by the GUI test binaries.

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use riskbook::app::RiskbookApp;
use riskbook::operations::Session;
use std::path::Path;

/// A small office laptop's screen, the size every window test and measurement uses.
pub const WINDOW_SIZE: egui::Vec2 = egui::Vec2::new(1366.0, 768.0);

/// The window on the database at `path`, after its first frames.
pub fn app(path: &Path) -> Harness<'static, RiskbookApp> {
    let session = Session::open(path).unwrap();
    let mut harness = Harness::builder()
        .with_size(WINDOW_SIZE)
        .build_eframe(move |cc| RiskbookApp::new(cc, session));
    harness.run();
    harness
}

/// The window on the database at `path` showing the 台帳 (a database with data opens on 今やること).
pub fn register_app(path: &Path) -> Harness<'static, RiskbookApp> {
    let mut harness = app(path);
    click(&mut harness, "情報資産管理台帳");
    harness
}

/// The window on a new database at `path`, with the sample loaded from the start screen.
pub fn sample_app(path: &Path) -> Harness<'static, RiskbookApp> {
    let mut harness = app(path);
    load_sample(&mut harness);
    harness
}

/// Loads the sample company by the start screen's button.
pub fn load_sample(harness: &mut Harness<'_, RiskbookApp>) {
    click(harness, "見本データを読み込む");
}

pub fn click(harness: &mut Harness<'_, RiskbookApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Scrolls a widget below the fold into view, as a person would, and clicks it.
pub fn scroll_and_click(harness: &mut Harness<'_, RiskbookApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    click(harness, label);
}

/// Opens a dropdown by its name and picks the option whose text starts with `option`.
pub fn pick(harness: &mut Harness<'_, RiskbookApp>, dropdown: &str, option: &str) {
    click(harness, dropdown);
    choose_option(harness, dropdown, option);
}

/// Like `pick`, for a dropdown whose name is also shown as text (a column header above it).
pub fn pick_control(harness: &mut Harness<'_, RiskbookApp>, dropdown: &str, option: &str) {
    harness
        .get_by(|n| n.label().as_deref() == Some(dropdown) && n.role() != Role::Label)
        .click();
    harness.run();
    choose_option(harness, dropdown, option);
}

/// Like `type_into`, for a field whose name is also shown as text (a column header above it).
pub fn type_into_input(harness: &mut Harness<'_, RiskbookApp>, field: &str, text: &str) {
    let input = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.label().as_deref() == Some(field) && n.role() == Role::TextInput
    };
    harness.get_by(input).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by(input).type_text(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Picks the option starting with `option` of the dropdown just opened.
fn choose_option(harness: &mut Harness<'_, RiskbookApp>, dropdown: &str, option: &str) {
    let matching: Vec<_> = harness
        .query_all_by(|n| {
            n.label().is_some_and(|l| l.starts_with(option)) && n.role() == Role::Button
        })
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "one option starting with {option} in {dropdown}"
    );
    matching[0].click();
    harness.run();
}

/// Replaces the text of a field and leaves it with Enter, which saves it.
pub fn type_into(harness: &mut Harness<'_, RiskbookApp>, field: &str, text: &str) {
    type_without_leaving(harness, field, text);
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// Sets the date of the date button named `name` (`widgets::date_picker`) as a person does:
/// scrolls to it, opens its calendar and types the date into the calendar's field. The button is
/// looked for by role, since a label beside it may carry the same text.
pub fn set_date(harness: &mut Harness<'_, RiskbookApp>, name: &str, typed: &str) {
    harness
        .get_by(|n| n.label().as_deref() == Some(name) && n.role() == Role::Button)
        .scroll_to_me();
    harness.run();
    harness
        .get_by(|n| n.label().as_deref() == Some(name) && n.role() == Role::Button)
        .click();
    harness.run();
    type_into(harness, &format!("{name}を入力"), typed);
}

/// Steps the window until its background job (reading, writing) is done.
pub fn wait_for_job(harness: &mut Harness<'_, RiskbookApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while harness.state().busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "the job did not finish"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// Clicks a button that starts a background job (印刷, a file written) and waits for the job.
pub fn click_and_wait_for_job(harness: &mut Harness<'_, RiskbookApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.step();
    wait_for_job(harness);
}

/// Some widget's text contains `text`.
pub fn shows(harness: &Harness<'_, RiskbookApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// Some widget's text is exactly `text` (a table cell, not the status bar).
pub fn has(harness: &Harness<'_, RiskbookApp>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

/// Focuses a field, selects its text and types over it, without leaving it: the text is still a draft.
pub fn type_without_leaving(harness: &mut Harness<'_, RiskbookApp>, field: &str, text: &str) {
    harness.get_by_label(field).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(field).type_text(text);
    harness.run();
}

/// Asks the window to close, as its close button does.
pub fn request_close(harness: &mut Harness<'_, RiskbookApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

/// Where the widgets whose text `matches` are, in the window's order: a label by its text, any
/// other widget by its name.
pub fn rects_where(
    harness: &Harness<'_, RiskbookApp>,
    matches: impl Fn(&str) -> bool,
) -> Vec<egui::Rect> {
    harness
        .query_all_by(|n| {
            // AccessKit keeps a label's text as its value.
            let text = if n.role() == Role::Label {
                n.value()
            } else {
                n.label()
            };
            text.is_some_and(|t| matches(&t))
        })
        .map(|n| n.rect())
        .collect()
}

/// What the window put on the clipboard in its last frame.
pub fn copied(harness: &Harness<'_, RiskbookApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
}
