//! The edits of the 委託先 and their evaluations: put one (new or changed, by its id) or remove one.
//! Their check, inverse and effect in memory live here, tested without SQLite;
//! `domain::edit::Edit::Supplier` carries them.

use super::{Evaluation, Supplier, SupplierId, Suppliers, checklist};

#[derive(Debug, Clone, PartialEq)]
pub enum SupplierEdit {
    /// Adds the 委託先, or replaces the one with its id.
    Put(Supplier),
    /// Removes the 委託先 and its evaluations.
    Remove(SupplierId),
    /// Puts back a removed 委託先 with its evaluations (the inverse of `Remove`).
    Restore(Supplier, Vec<Evaluation>),
    /// Adds the evaluation, or replaces the one with its id.
    PutEvaluation(Evaluation),
    RemoveEvaluation(i64),
}

impl SupplierEdit {
    /// Refuses what would leave the list wrong, in words for the user: a 委託先 without 名称 or
    /// with another's 名称, an evaluation of no 委託先, a second evaluation of one year, an answer
    /// off ○ / × / 該当なし.
    pub fn check(&self, suppliers: &Suppliers) -> Result<(), String> {
        match self {
            SupplierEdit::Put(s) | SupplierEdit::Restore(s, _) => check_supplier(s, suppliers),
            SupplierEdit::PutEvaluation(e) => check_evaluation(e, suppliers),
            SupplierEdit::Remove(_) | SupplierEdit::RemoveEvaluation(_) => Ok(()),
        }
    }

    /// The edit that takes `suppliers` back to its state before this one.
    pub fn inverse(&self, suppliers: &Suppliers) -> SupplierEdit {
        match self {
            SupplierEdit::Put(s) | SupplierEdit::Restore(s, _) => match suppliers.supplier(s.id) {
                Some(old) => SupplierEdit::Restore(
                    old.clone(),
                    suppliers.evaluations_of(s.id).cloned().collect(),
                ),
                None => SupplierEdit::Remove(s.id),
            },
            SupplierEdit::Remove(id) => match suppliers.supplier(*id) {
                Some(old) => SupplierEdit::Restore(
                    old.clone(),
                    suppliers.evaluations_of(*id).cloned().collect(),
                ),
                None => self.clone(),
            },
            SupplierEdit::PutEvaluation(e) => {
                match suppliers.evaluations.iter().find(|old| old.id == e.id) {
                    Some(old) => SupplierEdit::PutEvaluation(old.clone()),
                    None => SupplierEdit::RemoveEvaluation(e.id),
                }
            }
            SupplierEdit::RemoveEvaluation(id) => {
                match suppliers.evaluations.iter().find(|old| old.id == *id) {
                    Some(old) => SupplierEdit::PutEvaluation(old.clone()),
                    None => self.clone(),
                }
            }
        }
    }

    /// Makes the (saved) edit in memory.
    pub fn apply(&self, suppliers: &mut Suppliers) {
        match self {
            SupplierEdit::Put(s) => put_supplier(suppliers, s),
            SupplierEdit::Remove(id) => {
                suppliers.list.retain(|s| s.id != *id);
                suppliers.evaluations.retain(|e| e.supplier != *id);
            }
            SupplierEdit::Restore(s, evaluations) => {
                put_supplier(suppliers, s);
                suppliers.evaluations.retain(|e| e.supplier != s.id);
                for e in evaluations {
                    put_evaluation(suppliers, e);
                }
            }
            SupplierEdit::PutEvaluation(e) => put_evaluation(suppliers, e),
            SupplierEdit::RemoveEvaluation(id) => suppliers.evaluations.retain(|e| e.id != *id),
        }
    }
}

fn check_supplier(s: &Supplier, suppliers: &Suppliers) -> Result<(), String> {
    let name = s.name.trim();
    if name.is_empty() {
        return Err("委託先の名称を入れてください。".to_string());
    }
    if suppliers
        .list
        .iter()
        .any(|other| other.id != s.id && other.name.trim() == name)
    {
        return Err(format!(
            "委託先「{name}」はすでにあります。別の名称にしてください。"
        ));
    }
    Ok(())
}

fn check_evaluation(e: &Evaluation, suppliers: &Suppliers) -> Result<(), String> {
    let supplier = suppliers
        .supplier(e.supplier)
        .ok_or_else(|| "評価する委託先が見つかりません。削除されています。".to_string())?;
    if !(2000..=2999).contains(&e.year) {
        return Err(format!("年度 {} は使えません（2000〜2999）。", e.year));
    }
    if suppliers
        .evaluations_of(e.supplier)
        .any(|other| other.id != e.id && other.year == e.year)
    {
        return Err(format!(
            "委託先「{}」の{}年度の評価はすでにあります（1年度に1件）。",
            supplier.name, e.year
        ));
    }
    if e.answers.len() != checklist::len() {
        return Err(format!(
            "評価の回答が {} 件あります（確認リストは {} 項目）。",
            e.answers.len(),
            checklist::len()
        ));
    }
    let scale = checklist::scale();
    for (item, answer) in checklist::items().iter().zip(&e.answers) {
        if let Some(choice) = &answer.choice {
            scale
                .check(choice)
                .map_err(|why| format!("確認リスト No.{}：{why}", item.no))?;
        }
    }
    Ok(())
}

fn put_supplier(suppliers: &mut Suppliers, s: &Supplier) {
    match suppliers.list.binary_search_by_key(&s.id, |x| x.id) {
        Ok(i) => suppliers.list[i] = s.clone(),
        Err(i) => suppliers.list.insert(i, s.clone()),
    }
}

fn put_evaluation(suppliers: &mut Suppliers, e: &Evaluation) {
    suppliers.evaluations.retain(|old| old.id != e.id);
    let key = (e.supplier, e.year);
    let at = suppliers
        .evaluations
        .partition_point(|old| (old.supplier, old.year) < key);
    suppliers.evaluations.insert(at, e.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn supplier(id: i64, name: &str) -> Supplier {
        Supplier {
            id: SupplierId(id),
            name: name.to_string(),
            work: "記帳代行".to_string(),
            ..Supplier::default()
        }
    }

    fn with_one() -> Suppliers {
        let mut s = Suppliers::default();
        SupplierEdit::Put(supplier(1, "港税理士事務所")).apply(&mut s);
        let mut e = Evaluation::blank(1, SupplierId(1), 2025);
        e.answers[0].choice = Some(checklist::YES.to_string());
        e.on = NaiveDate::from_ymd_opt(2025, 6, 1);
        SupplierEdit::PutEvaluation(e).apply(&mut s);
        s
    }

    fn round_trip(suppliers: &mut Suppliers, edit: SupplierEdit) {
        let before = suppliers.clone();
        edit.check(suppliers).unwrap();
        let inverse = edit.inverse(suppliers);
        edit.apply(suppliers);
        assert_ne!(*suppliers, before, "{edit:?} changed nothing");
        inverse.apply(suppliers);
        assert_eq!(*suppliers, before, "{edit:?} is undone by {inverse:?}");
    }

    #[test]
    fn every_kind_of_edit_is_undone_by_its_inverse() {
        let mut s = with_one();
        round_trip(&mut s, SupplierEdit::Put(supplier(2, "会計クラウド")));
        round_trip(&mut s, SupplierEdit::Put(supplier(1, "港会計事務所")));
        round_trip(&mut s, SupplierEdit::Remove(SupplierId(1)));
        let mut changed = s.evaluations[0].clone();
        changed.answers[1].choice = Some(checklist::NO.to_string());
        round_trip(&mut s, SupplierEdit::PutEvaluation(changed));
        round_trip(
            &mut s,
            SupplierEdit::PutEvaluation(Evaluation::blank(2, SupplierId(1), 2026)),
        );
        round_trip(&mut s, SupplierEdit::RemoveEvaluation(1));
    }

    #[test]
    fn bad_input_is_refused_in_words_for_the_user() {
        let s = with_one();
        let err = SupplierEdit::Put(supplier(2, "  ")).check(&s).unwrap_err();
        assert!(err.contains("名称を入れて"), "{err}");
        let err = SupplierEdit::Put(supplier(2, " 港税理士事務所"))
            .check(&s)
            .unwrap_err();
        assert!(err.contains("すでにあります"), "{err}");
        assert!(
            SupplierEdit::Put(supplier(1, "港税理士事務所"))
                .check(&s)
                .is_ok()
        );
        let err = SupplierEdit::PutEvaluation(Evaluation::blank(2, SupplierId(1), 2025))
            .check(&s)
            .unwrap_err();
        assert!(err.contains("2025年度の評価はすでにあります"), "{err}");
        let err = SupplierEdit::PutEvaluation(Evaluation::blank(2, SupplierId(9), 2025))
            .check(&s)
            .unwrap_err();
        assert!(err.contains("見つかりません"), "{err}");
        let mut off = Evaluation::blank(2, SupplierId(1), 2026);
        off.answers[4].choice = Some("△".to_string());
        let err = SupplierEdit::PutEvaluation(off).check(&s).unwrap_err();
        assert!(err.contains("No.5") && err.contains("△"), "{err}");
    }

    #[test]
    fn removing_a_supplier_takes_its_evaluations_and_undo_brings_them_back() {
        let mut s = with_one();
        let edit = SupplierEdit::Remove(SupplierId(1));
        let inverse = edit.inverse(&s);
        edit.apply(&mut s);
        assert!(s.list.is_empty() && s.evaluations.is_empty());
        inverse.apply(&mut s);
        assert_eq!(s, with_one());
    }
}
