//! 履歴's charts: each category's 実施率 over the confirmed assessments (dated on the axis, the rates
//! of one assessment on hover), and the assets per class at each.

use super::Point;
use crate::app::widgets::level_colors;
use crate::calc::{RiskLevel, rate_text};
use eframe::egui::{self, Color32, Ui, UiBuilder};

const PALETTE: [Color32; 11] = [
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(127, 127, 127),
    Color32::from_rgb(188, 189, 34),
    Color32::from_rgb(23, 190, 207),
    Color32::from_rgb(0, 0, 0),
];

/// Room for a date under the axis (「2025年12月31日」 at the axis's size, with a gap).
const DATE_WIDTH: f32 = 96.0;
const AXIS_HEIGHT: f32 = 18.0;

/// The day of a confirmed assessment, as the axis and the bars show it.
pub(super) fn day(point: &Point) -> String {
    point.info.taken_on_text()
}

/// Which points get a date under the axis at these x positions: the first, then each one far
/// enough from the last dated one; the last point always, in place of a dated one too close to it.
fn dated(xs: &[f32]) -> Vec<usize> {
    let mut shown: Vec<usize> = Vec::new();
    for (i, &x) in xs.iter().enumerate() {
        if shown.last().is_none_or(|&j| x - xs[j] >= DATE_WIDTH) {
            shown.push(i);
        }
    }
    if let Some(last) = xs.len().checked_sub(1)
        && shown.last() != Some(&last)
    {
        if shown.len() > 1 && xs[last] - xs[*shown.last().expect("not empty")] < DATE_WIDTH {
            shown.pop();
        }
        shown.push(last);
    }
    shown
}

/// 実施率 of every category over time, one line each, 0–100 %, with the dates on the axis.
pub(super) fn rate_chart(ui: &mut Ui, points: &[Point], names: &[String]) {
    let size = egui::vec2(ui.available_width().min(760.0), 220.0 + AXIS_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    // The same margin left and right keeps a lone point (drawn in the middle) centred.
    let plot = egui::Rect::from_min_max(
        rect.min + egui::vec2(44.0, 12.0),
        rect.max - egui::vec2(44.0, 12.0 + AXIS_HEIGHT),
    );
    let text = ui.visuals().text_color();
    for pct in [0, 25, 50, 75, 100] {
        let y = plot.bottom() - plot.height() * pct as f32 / 100.0;
        painter.hline(plot.x_range(), y, (0.5, Color32::from_gray(200)));
        painter.text(
            egui::pos2(rect.left() + 4.0, y),
            egui::Align2::LEFT_CENTER,
            format!("{pct}%"),
            egui::FontId::proportional(10.0),
            text,
        );
    }
    let xs: Vec<f32> = (0..points.len())
        .map(|i| {
            if points.len() < 2 {
                plot.center().x
            } else {
                plot.left() + plot.width() * i as f32 / (points.len() - 1) as f32
            }
        })
        .collect();
    for (k, color) in PALETTE.iter().enumerate().take(names.len()) {
        let line: Vec<egui::Pos2> = points
            .iter()
            .zip(&xs)
            .filter_map(|(p, &x)| {
                let r = p.rates.get(k).copied().flatten()?;
                Some(egui::pos2(x, plot.bottom() - plot.height() * r as f32))
            })
            .collect();
        for pos in &line {
            painter.circle_filled(*pos, 3.5, *color);
        }
        painter.add(egui::Shape::line(line, (2.0, *color)));
    }
    // The dates are labels (read by screen readers and tests), on a child that does not move
    // the cursor: they sit inside the chart's own rectangle.
    let axis = egui::Rect::from_min_max(
        egui::pos2(rect.left(), plot.bottom() + 2.0),
        egui::pos2(rect.right(), rect.bottom()),
    );
    let mut dates = ui.new_child(UiBuilder::new().max_rect(axis));
    for i in dated(&xs) {
        painter.vline(
            xs[i],
            plot.bottom()..=plot.bottom() + 3.0,
            (1.0, Color32::from_gray(140)),
        );
        let at = egui::Rect::from_center_size(
            egui::pos2(xs[i], axis.center().y),
            egui::vec2(DATE_WIDTH, AXIS_HEIGHT),
        );
        dates.put(
            at,
            egui::Label::new(egui::RichText::new(day(&points[i])).size(11.0)),
        );
    }
    if let Some(pos) = response.hover_pos() {
        let nearest = xs
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - pos.x).abs().total_cmp(&(b.1 - pos.x).abs()))
            .map(|(i, _)| i);
        if let Some(i) = nearest {
            painter.vline(xs[i], plot.y_range(), (1.0, Color32::from_gray(120)));
            response.on_hover_ui_at_pointer(|ui| rates_at(ui, &points[i], names));
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (k, name) in names.iter().enumerate() {
            ui.colored_label(PALETTE[k % PALETTE.len()], format!("■ ({}) {name}", k + 1));
        }
    });
    if points.len() == 1 {
        ui.label(format!(
            "記録は {} の 1 件だけです。次に「診断を確定」すると、実施率の変化が線で表示されます（点にマウスを重ねると値が出ます）。",
            day(&points[0])
        ));
    }
}

/// The rates of one confirmed assessment, as the chart's hover shows them.
fn rates_at(ui: &mut Ui, point: &Point, names: &[String]) {
    ui.strong(format!("{} {}", day(point), point.info.note));
    egui::Grid::new("history_rates_at")
        .num_columns(2)
        .show(ui, |ui| {
            for (k, name) in names.iter().enumerate() {
                ui.colored_label(PALETTE[k % PALETTE.len()], format!("({}) {name}", k + 1));
                ui.label(rate_text(point.rates.get(k).copied().flatten()));
                ui.end_row();
            }
        });
}

/// Assets per class at each confirmed assessment, as stacked bars.
pub(super) fn level_bars(ui: &mut Ui, points: &[Point]) {
    let max = points
        .iter()
        .map(|p| p.levels.total())
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    egui::Grid::new("history_levels")
        .num_columns(3)
        .show(ui, |ui| {
            for p in points {
                ui.label(day(p));
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(360.0, 16.0), egui::Sense::hover());
                let mut left = rect.left();
                for level in RiskLevel::ALL {
                    let w = rect.width() * p.levels[level] as f32 / max;
                    let r = egui::Rect::from_min_size(
                        egui::pos2(left, rect.top()),
                        egui::vec2(w, rect.height()),
                    );
                    ui.painter().rect_filled(r, 0.0, level_colors(level).0);
                    left += w;
                }
                ui.label(format!(
                    "大 {}　中 {}　小 {}　未算定 {}",
                    p.levels[RiskLevel::High],
                    p.levels[RiskLevel::Medium],
                    p.levels[RiskLevel::Low],
                    p.levels[RiskLevel::Unrated]
                ));
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_fits_when_there_is_room_and_the_last_is_always_dated() {
        assert_eq!(dated(&[300.0]), [0]);
        assert_eq!(dated(&[0.0, 100.0, 200.0]), [0, 1, 2]);
        // 40 apart: every third fits; the last replaces the one too close to it.
        let xs: Vec<f32> = (0..10).map(|i| i as f32 * 40.0).collect();
        assert_eq!(dated(&xs), [0, 3, 6, 9]);
        let xs: Vec<f32> = (0..9).map(|i| i as f32 * 40.0).collect();
        assert_eq!(dated(&xs), [0, 3, 8]);
    }
}
