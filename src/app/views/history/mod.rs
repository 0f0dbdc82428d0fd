//! 履歴: the assessments confirmed with 「診断を確定」, charts of each category's 実施率 and the assets per
//! class over time, and the comparison of two of them (or of one with now).

mod charts;
mod comparison;

use crate::calc::compare::{Comparison, compare};
use crate::calc::{Evaluated, LevelCounts, RiskLevel};
use crate::domain::Workbook;
use crate::operations::Session;
use crate::store::snapshots::SnapshotInfo;
use crate::summary::Recorded;
use charts::{level_bars, rate_chart};
use comparison::comparison_ui;
use eframe::egui::{self, Ui};

/// One confirmed assessment with what the charts need: the results recorded when it was confirmed
/// (the whole state is read only for a comparison).
struct Point {
    info: SnapshotInfo,
    rates: Vec<Option<f64>>,
    levels: LevelCounts,
    /// 対策計画 entries 完了, of all, when it was confirmed.
    plan: (usize, usize),
}

/// What a cached comparison was made for: the session revision when it compares with now, 比較元,
/// 比較先 (None: now).
type ComparisonKey = (Option<u64>, i64, Option<i64>);

#[derive(Default)]
pub struct HistoryView {
    note: String,
    /// Snapshots loaded when the session had taken this many, or why they could not be read.
    points: Option<(u64, Result<Vec<Point>, String>)>,
    /// The snapshots being compared, read and evaluated.
    compared: Vec<(i64, Evaluated)>,
    /// Indices into `points`; `None` on the right side means "now".
    from: Option<usize>,
    to: Option<usize>,
    comparison: Option<(ComparisonKey, Comparison)>,
}

/// What the user asked for.
pub enum HistoryAction {
    Confirm(String),
}

fn unreadable(e: crate::store::StoreError) -> String {
    format!("診断の記録を読めません：{e}")
}

/// Every snapshot with the results recorded with it; one that cannot be read makes the history
/// unreadable, said as such rather than shown as missing.
fn load(session: &Session) -> Result<Vec<Point>, String> {
    session
        .snapshots()
        .map_err(unreadable)?
        .into_iter()
        .map(|info| {
            let json = session
                .store()
                .snapshot_results(info.id)
                .map_err(unreadable)?;
            let recorded = Recorded::from_json(&json).map_err(|e| {
                format!(
                    "診断の記録を読めません（{} の結果）：{e}",
                    info.taken_at_text()
                )
            })?;
            Ok(Point {
                rates: recorded.rates,
                levels: recorded.levels,
                plan: (recorded.plan_done, recorded.plan_total),
                info,
            })
        })
        .collect()
}

impl HistoryView {
    /// Reads and evaluates snapshot `id` unless it is kept already.
    fn evaluated(&mut self, session: &Session, id: i64) -> Result<(), String> {
        if self.compared.iter().any(|(i, _)| *i == id) {
            return Ok(());
        }
        let results = Evaluated::new(session.snapshot(id).map_err(unreadable)?);
        self.compared.push((id, results));
        Ok(())
    }

    /// A snapshot read by `evaluated`.
    fn kept(&self, id: i64) -> &Evaluated {
        self.compared
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, e)| e)
            .expect("read by evaluated")
    }

    /// The comparison of snapshot `from` with `to` (None: now), worked out when either changed,
    /// with the two sides' workbooks (the changed assets are rows of them).
    fn comparison<'a>(
        &'a mut self,
        session: &'a Session,
        from: i64,
        to: Option<i64>,
    ) -> Result<(&'a Comparison, &'a Workbook, &'a Workbook), String> {
        let key = (
            to.is_none().then(|| session.calculation_revision()),
            from,
            to,
        );
        if self.comparison.as_ref().is_none_or(|(k, _)| *k != key) {
            // Only the two sides are kept; both are read first, then compared by reference.
            self.compared.retain(|(i, _)| *i == from || Some(*i) == to);
            self.evaluated(session, from)?;
            if let Some(to) = to {
                self.evaluated(session, to)?;
            }
            let after = to.map_or(session.results(), |id| self.kept(id));
            let c = compare(self.kept(from), after);
            self.comparison = Some((key, c));
        }
        let before = &self.kept(from).workbook;
        let after = to.map_or(session.workbook(), |id| &self.kept(id).workbook);
        Ok((
            &self.comparison.as_ref().expect("just set").1,
            before,
            after,
        ))
    }
}

impl HistoryView {
    fn show(&mut self, ui: &mut Ui, session: &Session) -> Option<HistoryAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            let label = ui.label("メモ：");
            ui.add(egui::TextEdit::singleline(&mut self.note).desired_width(260.0))
                .labelled_by(label.id);
            if ui
                .button("診断を確定")
                .on_hover_text("いまの台帳・脅威・回答・結果を日付つきで記録します")
                .clicked()
            {
                action = Some(HistoryAction::Confirm(std::mem::take(&mut self.note)));
            }
        });
        let taken = session.snapshots_taken();
        if self.points.as_ref().is_none_or(|(t, _)| *t != taken) {
            self.points = Some((taken, load(session)));
            // A newly confirmed assessment becomes what now is compared with.
            self.from = None;
        }
        let Some((taken, loaded)) = self.points.take() else {
            return action;
        };
        match &loaded {
            Err(why) => {
                ui.colored_label(ui.visuals().error_fg_color, why);
            }
            Ok(points) if points.is_empty() => {
                ui.label("まだ記録がありません。「診断を確定」で、いまの診断を記録できます。");
            }
            Ok(points) => self.records(ui, session, points),
        }
        self.points = Some((taken, loaded));
        action
    }

    /// The list of confirmed assessments, the charts and the comparison.
    fn records(&mut self, ui: &mut Ui, session: &Session, points: &[Point]) {
        let names: Vec<String> = session
            .workbook()
            .categories
            .iter()
            .map(|c| c.name.clone())
            .collect();
        egui::ScrollArea::vertical()
            .id_salt("history_scroll")
            .show(ui, |ui| {
                ui.heading(format!("記録 {} 件", points.len()));
                egui::Grid::new("history_list")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for p in points {
                            ui.label(p.info.taken_at_text());
                            ui.label(&p.info.note);
                            ui.label(format!(
                                "大 {}　中 {}　小 {}",
                                p.levels[RiskLevel::High],
                                p.levels[RiskLevel::Medium],
                                p.levels[RiskLevel::Low]
                            ));
                            ui.label(format!("対策計画 完了 {} / {} 件", p.plan.0, p.plan.1));
                            ui.end_row();
                        }
                    });
                ui.separator();
                ui.heading("対策の実施率の推移");
                rate_chart(ui, points, &names);
                ui.separator();
                ui.heading("リスク値ごとの情報資産の数の推移");
                level_bars(ui, points);
                ui.separator();
                ui.heading("比較");
                let label = |i: Option<usize>| {
                    i.and_then(|i| points.get(i))
                        .map_or("現在".to_string(), |p| p.info.label())
                };
                let from = *self.from.get_or_insert(points.len() - 1);
                ui.horizontal(|ui| {
                    ui.label("比較元：");
                    egui::ComboBox::from_id_salt("compare_from")
                        .selected_text(label(Some(from)))
                        .show_ui(ui, |ui| {
                            for i in 0..points.len() {
                                ui.selectable_value(&mut self.from, Some(i), label(Some(i)));
                            }
                        })
                        .response
                        .accessible_name("比較元");
                    ui.label("比較先：");
                    egui::ComboBox::from_id_salt("compare_to")
                        .selected_text(label(self.to))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut self.to, None, "現在");
                            for i in 0..points.len() {
                                ui.selectable_value(&mut self.to, Some(i), label(Some(i)));
                            }
                        })
                        .response
                        .accessible_name("比較先");
                });
                let from = self.from.unwrap_or(from).min(points.len() - 1);
                let to = self.to.and_then(|i| points.get(i)).map(|p| p.info.id);
                match self.comparison(session, points[from].info.id, to) {
                    Ok((c, before, after)) => comparison_ui(ui, c, before, after),
                    Err(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, why);
                    }
                }
            });
    }
}

impl super::View for HistoryView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::History
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        let confirm = self
            .show(ui, session)
            .map(|HistoryAction::Confirm(note)| note);
        super::Requests {
            confirm,
            ..super::Requests::default()
        }
    }
}
