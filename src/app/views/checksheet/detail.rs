//! One item of a customer's sheet in full: the requirement as the customer wrote it with its other
//! columns, the answer in the customer's own words, 根拠・補足, the company's own check items that
//! speak to it (their answers as evidence, and whether they are cited), and 「計画に追加」 for an
//! item not met.

use crate::domain::checksheet::suggest::related_items;
use crate::domain::checksheet::{CheckSheet, ItemAnswer, Link, SheetEdit, SheetId};
use crate::domain::{Edit, ItemNo, Measure, PlanEntry, PlanOffer, Workbook};
use eframe::egui::{self, RichText, Ui};

/// The edit that gives item `index` of `sheet` this answer, dated today.
pub(super) fn answer_edit(sheet: SheetId, index: usize, answer: ItemAnswer) -> Edit {
    Edit::CheckSheet(SheetEdit::Answer {
        sheet,
        index,
        answer: ItemAnswer {
            on: Some(chrono::Local::now().date_naive()),
            ..answer
        },
    })
}

/// The check items shown as evidence: those cited, then those the words suggest.
fn evidence(item_text: &str, answer: &ItemAnswer) -> Vec<ItemNo> {
    let mut items: Vec<ItemNo> = answer
        .links
        .iter()
        .filter_map(|l| match l {
            Link::Check(no) => Some(*no),
            _ => None,
        })
        .collect();
    for no in related_items(item_text) {
        if !items.contains(&no) {
            items.push(no);
        }
    }
    items
}

/// Draws item `index`; `draft` holds the 根拠・補足 being typed. Returns the edits of this frame.
pub fn ui(
    ui: &mut Ui,
    wb: &Workbook,
    sheet: &CheckSheet,
    index: usize,
    draft: &mut Option<String>,
) -> Vec<Edit> {
    let mut edits = Vec::new();
    let item = &sheet.items[index];
    let answer = &item.answer;
    ui.heading(format!("No.{}　{}", item.number, item.label));
    if !item.requirement.label().is_empty() {
        ui.label(RichText::new(item.requirement.label()).strong());
    }
    ui.label(&item.text);
    for (header, value) in &item.extra {
        if !value.is_empty() {
            ui.label(RichText::new(header).weak());
            ui.label(value);
        }
    }
    ui.separator();
    ui.label(RichText::new("回答").strong());
    if sheet.scale.is_list() {
        ui.horizontal_wrapped(|ui| {
            for word in sheet.scale.words() {
                let chosen = answer.choice.as_deref() == Some(word);
                if ui.selectable_label(chosen, word).clicked() && !chosen {
                    edits.push(answer_edit(
                        sheet.id,
                        index,
                        ItemAnswer {
                            choice: Some(word.to_string()),
                            ..answer.clone()
                        },
                    ));
                }
            }
            if answer.choice.is_some() && ui.button("未回答に戻す").clicked() {
                edits.push(answer_edit(
                    sheet.id,
                    index,
                    ItemAnswer {
                        choice: None,
                        ..answer.clone()
                    },
                ));
            }
        });
    } else {
        let mut text = answer.choice.clone().unwrap_or_default();
        let response = ui.add(egui::TextEdit::singleline(&mut text).desired_width(f32::INFINITY));
        if response.changed() {
            let choice = Some(text.trim().to_string()).filter(|t| !t.is_empty());
            edits.push(answer_edit(
                sheet.id,
                index,
                ItemAnswer {
                    choice,
                    ..answer.clone()
                },
            ));
        }
    }
    let label = ui.label(RichText::new("根拠・補足").strong());
    let mut text = draft.clone().unwrap_or_else(|| answer.comment.clone());
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        *draft = Some(text);
    }
    if response.lost_focus()
        && let Some(typed) = draft.take().filter(|t| *t != answer.comment)
    {
        edits.push(answer_edit(
            sheet.id,
            index,
            ItemAnswer {
                comment: typed,
                ..answer.clone()
            },
        ));
    }
    let meaning = sheet.meaning_of(index);
    ui.label(format!("この回答の扱い：{}", meaning.label()));
    ui.separator();
    let evidence = evidence(&item.text, answer);
    ui.label(RichText::new("関連する対策状況チェック").strong());
    if evidence.is_empty() {
        ui.label(RichText::new("（語句から見つかる項目はありません）").weak());
    }
    for no in &evidence {
        let Some(check) = wb.items.iter().find(|i| i.no == *no) else {
            continue;
        };
        let cited = answer.links.contains(&Link::Check(*no));
        ui.horizontal(|ui| {
            let mut cite = cited;
            if ui
                .checkbox(&mut cite, format!("No.{}", no.0))
                .on_hover_text("チェックを入れると、この回答の根拠として残します")
                .changed()
            {
                let mut links = answer.links.clone();
                if cite {
                    links.push(Link::Check(*no));
                } else {
                    links.retain(|l| *l != Link::Check(*no));
                }
                edits.push(answer_edit(
                    sheet.id,
                    index,
                    ItemAnswer {
                        links,
                        ..answer.clone()
                    },
                ));
            }
            let state = check.answer.map_or("未回答", |a| a.label());
            ui.label(RichText::new(state).strong());
        });
        ui.add(egui::Label::new(RichText::new(&check.question).weak()).wrap());
    }
    if meaning.falls_short() {
        ui.separator();
        match evidence.first() {
            Some(&no) => match PlanOffer::of(wb, Measure::Item(no)) {
                PlanOffer::Add => {
                    if ui
                        .button("計画に追加")
                        .on_hover_text(format!(
                            "対策状況チェック No.{} の対策として、取引先と項目を書いたメモ付きで対策計画に加えます",
                            no.0
                        ))
                        .clicked()
                    {
                        let mut entry = PlanEntry::new(Measure::Item(no));
                        entry.memo = format!(
                            "取引先チェックシート「{}」No.{} への対応",
                            sheet.name, item.number
                        );
                        edits.push(Edit::InsertPlan {
                            index: usize::MAX,
                            entry,
                        });
                    }
                }
                PlanOffer::Planned(_) | PlanOffer::Reopen(_) => {
                    ui.label(format!("対策状況チェック No.{} は対策計画にあります。", no.0));
                }
            },
            None => {
                ui.label(
                    RichText::new("計画に加えるには、関連する対策状況チェックの項目が必要です。")
                        .weak(),
                );
            }
        }
    }
    edits
}
