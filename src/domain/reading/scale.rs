//! The scale the 評価値 (機密性・完全性・可用性) are written on. riskbook and the guideline's sheet
//! this method follows use 0–2; later editions of the guideline use 1–3.

use super::Incoming;
use crate::domain::cell_text::leading_number_text;
use crate::domain::register::Column;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RatingScale {
    /// 0–2, as in riskbook and the guideline's sheet this method follows.
    #[default]
    ZeroToTwo,
    /// 1–3, as in later editions of the guideline: read 1→0, 2→1, 3→2.
    OneToThree,
}

fn is_rating(column: Column) -> bool {
    matches!(
        column,
        Column::Confidentiality | Column::Integrity | Column::Availability
    )
}

impl RatingScale {
    /// The scale ratings look written on: 1–3 when some are 3 and none is 0 (a 0 means the 0–2
    /// scale with a wrong 3).
    pub fn of_ratings(ratings: impl IntoIterator<Item = u8>) -> RatingScale {
        let (mut three, mut zero) = (false, false);
        for n in ratings {
            three |= n == 3;
            zero |= n == 0;
        }
        if three && !zero {
            RatingScale::OneToThree
        } else {
            RatingScale::ZeroToTwo
        }
    }

    /// The scale the 評価値 among `cells` look written on.
    pub fn guess<'a>(cells: impl IntoIterator<Item = &'a Incoming>) -> RatingScale {
        RatingScale::of_ratings(
            cells
                .into_iter()
                .filter(|cell| is_rating(cell.column))
                .filter_map(|cell| leading_number_text(&cell.text).ok().flatten()),
        )
    }

    /// One message for the whole list, instead of one error per cell.
    pub const ONE_TO_THREE_MESSAGE: &str = "この表の評価値（機密性・完全性・可用性）は 1〜3 の段階で書かれています（ガイドラインの後の版の書き方です）。riskbook とこの台帳の方法は 0〜2 の段階なので、1→0、2→1、3→2 と読み替えます。";
    /// The same, where riskbook does not read down on its own (an IPA workbook, the command line
    /// without --scale): what the user can do.
    pub const ONE_TO_THREE_REFUSAL: &str = "評価値（機密性・完全性・可用性）が 1〜3 の段階で書かれています（ガイドラインの後の版の書き方です）。riskbook とこの台帳の方法は 0〜2 の段階なので、推測では読み替えずに止めました。1→0、2→1、3→2 と読み替えてよければ、ファイル → ほかの表から台帳へ取り込む（コマンドでは riskbook import-register に --scale 1-3）で読み替えて取り込めます。0〜2 のまま読むなら --scale 0-2 です。";

    /// The text a rating written on this scale stands for on the 0–2 scale; None when it is read as
    /// written.
    pub(super) fn convert(self, column: Column, text: &str) -> Option<String> {
        match (self, is_rating(column), leading_number_text(text)) {
            (RatingScale::OneToThree, true, Ok(Some(n @ 1..=3))) => Some((n - 1).to_string()),
            _ => None,
        }
    }
}
