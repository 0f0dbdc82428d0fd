//! Small widgets shared by the views: risk-class colours, value cells, choice boxes, the date picker.

use crate::calc::RiskLevel;
use chrono::{Datelike, NaiveDate};
use eframe::egui::{self, Color32, RichText, Ui};

/// Fill and text colour of a risk class, from the one palette (`RiskLevel::colors`).
pub fn level_colors(level: RiskLevel) -> (Color32, Color32) {
    let colors = level.colors();
    let egui = |(r, g, b): crate::calc::palette::Rgb| Color32::from_rgb(r, g, b);
    (egui(colors.fill), egui(colors.text))
}

/// A computed value on its class colour, `width` wide (a table cell passes its whole width).
/// The bold header row of a grid, ended.
pub fn header_row(ui: &mut Ui, headers: &[&str]) {
    for h in headers {
        ui.label(RichText::new(*h).strong());
    }
    ui.end_row();
}

pub fn level_cell(ui: &mut Ui, text: &str, level: RiskLevel, width: f32) -> egui::Response {
    let (fill, color) = level_colors(level);
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 1))
        .show(ui, |ui| {
            ui.set_min_width(width);
            ui.label(RichText::new(text).color(color))
        })
        .inner
}

/// Puts the caret of a text field at `position` (in characters) before it is drawn.
pub fn place_caret(ctx: &egui::Context, id: egui::Id, position: usize) {
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(
            egui::text::CCursor::new(position),
        )));
    state.store(ctx, id);
}

/// A text field's response, named, showing `text` whole on hover when the field cuts it off
/// (and is not being typed in).
pub fn whole_on_hover(
    output: egui::text_edit::TextEditOutput,
    text: &str,
    name: &str,
) -> egui::Response {
    let cut = output.galley.size().x > output.text_clip_rect.width();
    let response = output.response.response.accessible_name(name);
    if cut && !response.has_focus() {
        response.on_hover_text(text)
    } else {
        response
    }
}

/// The OK button of a message, which Enter presses too (the message has no other default).
pub fn ok_button(ui: &mut Ui) -> bool {
    let clicked = ui.button("OK").clicked();
    clicked || ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
}

/// A dropdown over `options` (value, label), with `none` (未設定, すべて …) for `None`. Returns the new
/// value when the user picked a different one, and the dropdown's response (for hover help).
#[allow(clippy::too_many_arguments)]
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    name: &str,
    none: &str,
    current: Option<T>,
    options: &[(T, String)],
    short: impl Fn(T) -> String,
    width: f32,
) -> (Option<Option<T>>, egui::Response) {
    // A narrow box shows a dash rather than a cut-off word.
    let unset = if width < 60.0 { "—" } else { none };
    let selected = current.map(&short).unwrap_or_else(|| unset.into());
    dropdown(ui, id, name, Some(none), current, options, selected, width)
}

/// A dropdown for a value that is always set (状態, 並べ替え …): only `options`, no empty entry.
/// Returns the value the user picked when it differs from `current`.
pub fn pick<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    name: &str,
    current: T,
    options: &[(T, String)],
    width: f32,
) -> Option<T> {
    let selected = options
        .iter()
        .find(|(value, _)| *value == current)
        .map(|(_, label)| label.clone())
        .unwrap_or_default();
    let (picked, _) = dropdown(ui, id, name, None, Some(current), options, selected, width);
    picked.flatten()
}

#[allow(clippy::too_many_arguments)]
fn dropdown<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: impl egui::AsIdSalt,
    name: &str,
    none: Option<&str>,
    current: Option<T>,
    options: &[(T, String)],
    selected: String,
    width: f32,
) -> (Option<Option<T>>, egui::Response) {
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(selected)
        .width(width)
        .show_ui(ui, |ui| {
            if let Some(none) = none
                && ui.selectable_label(current.is_none(), none).clicked()
                && current.is_some()
            {
                picked = Some(None);
            }
            for (value, label) in options {
                if ui
                    .selectable_label(current == Some(*value), label.as_str())
                    .clicked()
                    && current != Some(*value)
                {
                    picked = Some(Some(*value));
                }
            }
        });
    (picked, response.response.accessible_name(name))
}

/// A one-line text field exactly `width` wide (a grid cell would otherwise keep the width of its
/// first frame). Its outline is always drawn: on a striped row its fill equals the stripe. Text
/// wider than the field is shown whole on hover.
pub fn text_field(ui: &mut Ui, text: &mut String, width: f32, name: &str) -> egui::Response {
    let output = ui
        .scope(|ui| {
            ui.set_width(width);
            let widgets = &mut ui.visuals_mut().widgets;
            widgets.inactive.bg_stroke = widgets.noninteractive.bg_stroke;
            egui::TextEdit::singleline(text)
                .desired_width(f32::INFINITY)
                .show(ui)
        })
        .inner;
    whole_on_hover(output, text, name)
}

/// A labelled one-line field whose text is a draft while typed and is given back once, when the
/// field loses the keyboard and the text differs from `saved` (the view saves it then, or takes the
/// draft in `take_drafts` before anything else reads the data).
pub fn draft_field(
    ui: &mut Ui,
    label: &str,
    saved: &str,
    draft: &mut Option<String>,
) -> Option<String> {
    let label = ui.label(label);
    let mut text = draft.clone().unwrap_or_else(|| saved.to_string());
    let response = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(220.0))
        .labelled_by(label.id);
    if response.changed() {
        *draft = Some(text);
    }
    if response.lost_focus() {
        return draft.take().filter(|t| t != saved);
    }
    None
}

const WEEKDAYS: [&str; 7] = ["日", "月", "火", "水", "木", "金", "土"];

pub fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y/%m/%d").to_string())
        .unwrap_or_else(|| "未設定".into())
}

/// The calendar of the date button `id` (`date_picker`).
fn date_popup_id(id: egui::Id) -> egui::Id {
    id.with("popup")
}

/// Opens the calendar of the date button `id` with `typed` in its date field, which gets the
/// keyboard: typing on a date cell starts a date, as in Excel.
pub fn open_date_picker(ctx: &egui::Context, id: egui::Id, typed: String) {
    ctx.data_mut(|d| {
        // Keys that came in one frame open it once: the later ones add to the text.
        let opening = d.get_temp::<bool>(id.with("focus_typed")).is_some();
        let before: String = d.get_temp(id.with("typed")).unwrap_or_default();
        let text = if opening { before + &typed } else { typed };
        d.insert_temp(id.with("typed"), text);
        d.insert_temp(id.with("focus_typed"), true);
    });
    egui::Popup::open_id(ctx, date_popup_id(id));
}

/// A button showing the date that opens a Japanese calendar, with a field to type the date in
/// any form the 台帳 reads (2025/1/5, R7.1.5 …). Returns the new value when changed.
pub fn date_picker(
    ui: &mut Ui,
    id: egui::Id,
    name: &str,
    current: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let button = ui.button(date_text(current)).accessible_name(name);
    let shown_month_id = id.with("month");
    let (typed_id, focus_id, problem_id) =
        (id.with("typed"), id.with("focus_typed"), id.with("problem"));
    let mut result = None;
    egui::Popup::from_response(&button)
        .id(date_popup_id(id))
        .open_memory(button.clicked().then_some(egui::SetOpenCommand::Toggle))
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let today = chrono::Local::now().date_naive();
            let mut typed: String = ui.data(|d| d.get_temp(typed_id)).unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label("日付：");
                let field_id = id.with("field");
                // Focused before it is drawn, so that the keys of this very frame land in it, and
                // again until it has the focus (the popup's first, invisible sizing pass loses it).
                let focusing = ui.data(|d| d.get_temp::<bool>(focus_id)).is_some();
                if focusing && (ui.is_sizing_pass() || !ui.memory(|m| m.has_focus(field_id))) {
                    // Keys typed before the field takes the keyboard belong to the date too.
                    ui.input_mut(|i| {
                        i.events.retain(|e| match e {
                            egui::Event::Text(t) => {
                                typed.push_str(t);
                                false
                            }
                            _ => true,
                        })
                    });
                }
                if focusing {
                    ui.memory_mut(|m| m.request_focus(field_id));
                    place_caret(ui.ctx(), field_id, typed.chars().count());
                }
                let field = egui::TextEdit::singleline(&mut typed)
                    .id(field_id)
                    .hint_text("2025/1/5、R7.1.5")
                    .desired_width(130.0);
                let response = ui.add(field).accessible_name(format!("{name}を入力"));
                if focusing && response.has_focus() && !ui.is_sizing_pass() {
                    ui.data_mut(|d| d.remove::<bool>(focus_id));
                }
                if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    match crate::domain::cell_text::parse_date_text(&typed) {
                        Some(date) => result = Some(Some(date)),
                        None => {
                            let problem = format!("「{typed}」を日付として読めません");
                            ui.data_mut(|d| d.insert_temp(problem_id, problem));
                        }
                    }
                }
            });
            if let Some(problem) = ui.data(|d| d.get_temp::<String>(problem_id)) {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            ui.data_mut(|d| d.insert_temp(typed_id, typed));
            let mut month: NaiveDate = ui
                .data(|d| d.get_temp(shown_month_id))
                .unwrap_or_else(|| current.unwrap_or(today).with_day(1).expect("day 1 exists"));
            ui.horizontal(|ui| {
                let step = |month: NaiveDate, months: i32| {
                    let m = chrono::Months::new(months.unsigned_abs());
                    if months < 0 {
                        month.checked_sub_months(m)
                    } else {
                        month.checked_add_months(m)
                    }
                    .unwrap_or(month)
                };
                if ui.button("«").on_hover_text("前の年").clicked() {
                    month = step(month, -12);
                }
                if ui.button("◀").on_hover_text("前の月").clicked() {
                    month = step(month, -1);
                }
                ui.label(format!("{}年{}月", month.year(), month.month()));
                if ui.button("▶").on_hover_text("次の月").clicked() {
                    month = step(month, 1);
                }
                if ui.button("»").on_hover_text("次の年").clicked() {
                    month = step(month, 12);
                }
            });
            egui::Grid::new(id.with("days")).show(ui, |ui| {
                for w in WEEKDAYS {
                    ui.label(w);
                }
                ui.end_row();
                let offset = month.weekday().num_days_from_sunday();
                for _ in 0..offset {
                    ui.label("");
                }
                let mut day = month;
                while day.month() == month.month() {
                    let selected = current == Some(day);
                    if ui
                        .selectable_label(selected, day.day().to_string())
                        .clicked()
                    {
                        result = Some(Some(day));
                    }
                    if day.weekday() == chrono::Weekday::Sat {
                        ui.end_row();
                    }
                    day = day.succ_opt().expect("dates continue");
                }
            });
            ui.horizontal(|ui| {
                if ui.button("今日").clicked() {
                    result = Some(Some(today));
                }
                if ui.button("未設定にする").clicked() {
                    result = Some(None);
                }
            });
            ui.data_mut(|d| d.insert_temp(shown_month_id, month));
            if result.is_some() {
                ui.data_mut(|d| {
                    d.remove::<NaiveDate>(shown_month_id);
                    d.remove::<String>(typed_id);
                    d.remove::<String>(problem_id);
                });
                egui::Popup::close_all(ui.ctx());
            }
        });
    result.filter(|new| *new != current)
}
