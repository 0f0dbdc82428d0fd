//! Which 台帳 rows are shown, and in what order: the search, media and risk filter and the column
//! sort, without egui (unit-tested below).

use crate::calc::{AssetRisk, RiskLevel};
use crate::domain::register::{Column, text_cells};
use crate::domain::{Asset, Medium, Rating, Workbook};
use std::cmp::Ordering;

/// The order of two rows' values in `column`.
fn compare(column: Column, a: (&Asset, &AssetRisk), b: (&Asset, &AssetRisk)) -> Ordering {
    let rating = |x: Option<Rating>| x.map(|r| r.value());
    match column {
        Column::Medium => a.0.medium.cmp(&b.0.medium),
        Column::Personal => a.0.personal_info.cmp(&b.0.personal_info),
        Column::Sensitive => a.0.sensitive_info.cmp(&b.0.sensitive_info),
        Column::MyNumber => a.0.my_number.cmp(&b.0.my_number),
        Column::Confidentiality => rating(a.0.confidentiality).cmp(&rating(b.0.confidentiality)),
        Column::Integrity => rating(a.0.integrity).cmp(&rating(b.0.integrity)),
        Column::Availability => rating(a.0.availability).cmp(&rating(b.0.availability)),
        Column::Importance => a.1.importance.cmp(&b.1.importance),
        Column::Registered => a.0.registered.cmp(&b.0.registered),
        Column::Threat => a.1.frequency().cmp(&b.1.frequency()),
        Column::Vulnerability => a.1.vulnerability().cmp(&b.1.vulnerability()),
        Column::Likelihood => a.1.likelihood().cmp(&b.1.likelihood()),
        Column::Risk => a.1.risk.cmp(&b.1.risk),
        text => text.text(a.0).cmp(&text.text(b.0)),
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    pub medium: Option<Medium>,
    pub level: Option<RiskLevel>,
}

impl Filter {
    fn matches(&self, asset: &Asset, risk: &AssetRisk) -> bool {
        if self.medium.is_some() && asset.medium != self.medium {
            return false;
        }
        if self.level.is_some_and(|l| l != risk.level) {
            return false;
        }
        let needle = self.text.trim();
        needle.is_empty()
            || text_cells(asset)
                .iter()
                .any(|(_, field)| field.contains(needle))
    }
}

/// The rows to show, in the order to show them: indices into `Workbook::assets`.
pub fn visible_rows(
    workbook: &Workbook,
    risks: &[AssetRisk],
    filter: &Filter,
    sort: Sort,
) -> Vec<usize> {
    let all = 0..workbook.assets.len();
    let mut rows: Vec<usize> = if *filter == Filter::default() {
        // Nothing to read of the assets: every row, as saved.
        all.collect()
    } else {
        all.filter(|&i| filter.matches(&workbook.assets[i], &risks[i]))
            .collect()
    };
    if let Some((column, ascending)) = sort {
        rows.sort_by(|&x, &y| {
            let order = compare(
                column,
                (&workbook.assets[x], &risks[x]),
                (&workbook.assets[y], &risks[y]),
            );
            if ascending { order } else { order.reverse() }
        });
    }
    rows
}

/// Sort column and direction (true: ascending).
pub type Sort = Option<(Column, bool)>;

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc::assess;
    use crate::domain::Catalogue;
    use crate::sample::sample_workbook;

    #[test]
    fn sorting_by_risk_puts_the_highest_first_and_filters_combine() {
        let wb = sample_workbook(Catalogue::builtin());
        let risks = assess(&wb).assets;
        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Risk, false)));
        assert_eq!(rows.len(), 32);
        let values: Vec<_> = rows.iter().map(|&i| risks[i].risk).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{values:?}");
        assert_eq!(values[0], Some(4));
        assert_eq!(values[31], Some(0));

        let rows = visible_rows(&wb, &risks, &Filter::default(), Some((Column::Name, true)));
        let names: Vec<&str> = rows.iter().map(|&i| wb.assets[i].name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);

        let filter = Filter {
            text: "電子メール".into(),
            medium: Some(Medium::Cloud),
            level: Some(RiskLevel::High),
        };
        let rows = visible_rows(&wb, &risks, &filter, None);
        assert_eq!(rows, vec![6], "電子メールデータ on クラウド, row 7");
        assert_eq!(Column::Risk.letter(), 'S');
        assert_eq!(Column::Medium.letter(), 'F');
    }
}
