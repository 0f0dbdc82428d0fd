//! The list of 委託先 with its editable fields, add and remove.

use super::{Draft, SupplierView};
use crate::app::widgets::{date_picker, header_row};
use crate::domain::supplier::{AGREEMENTS, Supplier, SupplierEdit, SupplierId};
use crate::domain::{Edit, Workbook};
use eframe::egui::{self, Ui};

/// A text of a 委託先 typed in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Field {
    Name,
    Work,
    Information,
    Agreement,
    Contact,
}

impl Field {
    const ALL: [Field; 5] = [
        Field::Name,
        Field::Work,
        Field::Information,
        Field::Agreement,
        Field::Contact,
    ];

    fn label(self) -> &'static str {
        match self {
            Field::Name => "名称",
            Field::Work => "委託内容",
            Field::Information => "取り扱う情報",
            Field::Agreement => "機密保持の取り決め",
            Field::Contact => "担当窓口",
        }
    }

    fn width(self) -> f32 {
        match self {
            Field::Name => 170.0,
            Field::Work | Field::Information => 190.0,
            Field::Agreement => 90.0,
            Field::Contact => 110.0,
        }
    }

    fn of(self, s: &Supplier) -> &str {
        match self {
            Field::Name => &s.name,
            Field::Work => &s.work,
            Field::Information => &s.information,
            Field::Agreement => &s.agreement,
            Field::Contact => &s.contact,
        }
    }

    fn with(self, s: &Supplier, text: String) -> Supplier {
        let mut changed = s.clone();
        match self {
            Field::Name => changed.name = text,
            Field::Work => changed.work = text,
            Field::Information => changed.information = text,
            Field::Agreement => changed.agreement = text,
            Field::Contact => changed.contact = text,
        }
        changed
    }
}

/// The edit that saves `text` into `field` of the 委託先 `id`, if it is still there.
pub(super) fn edit_of(wb: &Workbook, id: SupplierId, field: Field, text: String) -> Option<Edit> {
    let s = wb.suppliers.supplier(id)?;
    (field.of(s) != text).then(|| Edit::Supplier(SupplierEdit::Put(field.with(s, text))))
}

/// 「委託先1」, 「委託先2」 …: the first such name not in use.
fn new_name(wb: &Workbook) -> String {
    (1..)
        .map(|n| format!("委託先{n}"))
        .find(|name| wb.suppliers.by_name(name).is_none())
        .expect("some number is free")
}

impl SupplierView {
    pub(super) fn list(&mut self, ui: &mut Ui, wb: &Workbook) -> Vec<Edit> {
        let mut edits = Vec::new();
        if ui.button("委託先を追加").clicked() {
            let s = Supplier {
                id: wb.suppliers.next_supplier_id(),
                name: new_name(wb),
                ..Supplier::default()
            };
            self.selected = Some(s.id);
            edits.push(Edit::Supplier(SupplierEdit::Put(s)));
        }
        if wb.suppliers.list.is_empty() {
            ui.label(
                "委託先はまだありません。「委託先を追加」で一行目を作り、名称から入れてください。",
            );
            return edits;
        }
        egui::Grid::new("supplier_list")
            .striped(true)
            .num_columns(9)
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        "",
                        "名称",
                        "委託内容",
                        "取り扱う情報",
                        "機密保持",
                        "担当窓口",
                        "最終評価",
                        "次回評価",
                        "",
                    ],
                );
                for (i, s) in wb.suppliers.list.iter().enumerate() {
                    let n = i + 1;
                    let selected = self.selected == Some(s.id);
                    if ui
                        .selectable_label(selected, "評価")
                        .on_hover_text("この委託先の評価を下に表示")
                        .accessible_name(format!("評価 委託先{n}件目"))
                        .clicked()
                    {
                        self.selected = Some(s.id);
                    }
                    for field in Field::ALL {
                        let name = format!("{} 委託先{n}件目", field.label());
                        let key = Draft::Supplier(s.id, field);
                        if field == Field::Agreement {
                            ui.horizontal(|ui| {
                                if let Some(text) =
                                    self.field(ui, key, field.of(s), field.width() - 24.0, &name)
                                {
                                    edits.push(Edit::Supplier(SupplierEdit::Put(
                                        field.with(s, text),
                                    )));
                                }
                                ui.menu_button("▼", |ui| {
                                    for word in AGREEMENTS {
                                        if ui.button(word).clicked() && s.agreement != word {
                                            edits.push(Edit::Supplier(SupplierEdit::Put(
                                                field.with(s, word.to_string()),
                                            )));
                                        }
                                    }
                                });
                            });
                        } else if let Some(text) =
                            self.field(ui, key, field.of(s), field.width(), &name)
                        {
                            edits.push(Edit::Supplier(SupplierEdit::Put(field.with(s, text))));
                        }
                    }
                    let last = wb.suppliers.last_evaluation(s.id);
                    ui.label(match last {
                        Some(e) => format!(
                            "{}年度 {}",
                            e.year,
                            e.verdict.map_or("結果未記入", |v| v.label())
                        ),
                        None => "未評価".to_string(),
                    });
                    ui.horizontal(|ui| {
                        let id = ui.make_persistent_id(("next_due", s.id));
                        if let Some(date) =
                            date_picker(ui, id, &format!("次回評価 委託先{n}件目"), s.next_due)
                        {
                            edits.push(Edit::Supplier(SupplierEdit::Put(Supplier {
                                next_due: date,
                                ..s.clone()
                            })));
                        }
                        if s.next_due.is_none()
                            && let Some(next) = wb.suppliers.next_evaluation(s)
                        {
                            ui.weak(format!("（{}）", next.format("%Y/%m/%d")))
                                .on_hover_text("最終評価日の1年後");
                        }
                    });
                    if ui
                        .button("削除")
                        .on_hover_text("委託先とその評価の記録を削除（元に戻すで戻せます）")
                        .accessible_name(format!("削除 委託先{n}件目"))
                        .clicked()
                    {
                        edits.push(Edit::Supplier(SupplierEdit::Remove(s.id)));
                    }
                    ui.end_row();
                }
            });
        edits
    }
}
