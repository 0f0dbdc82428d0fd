//! 情報セキュリティ5か条, the five things SECURITY ACTION's ★ asks every company to work on, each tied
//! to the 対策状況チェック questions that show whether it is done (the tie is riskbook's decision;
//! docs/method.md §14). The titles are the guideline's; the rest is ours.

use crate::domain::ItemNo;

/// One of the five.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub no: u8,
    pub title: &'static str,
    /// What doing it means, in our words.
    pub meaning: &'static str,
    /// The questions of the default catalogue that show it done.
    pub items: &'static [u16],
}

impl Rule {
    pub fn items(&self) -> impl Iterator<Item = ItemNo> + '_ {
        self.items.iter().map(|&n| ItemNo(n))
    }
}

pub const FIVE_RULES: [Rule; 5] = [
    Rule {
        no: 1,
        title: "OSやソフトウェアは常に最新の状態にしよう！",
        meaning: "パソコン・スマートフォンの OS とソフトウェアの更新を、出たらすぐ入れる。",
        items: &[35],
    },
    Rule {
        no: 2,
        title: "ウイルス対策ソフトを導入しよう！",
        meaning: "すべてのパソコンにウイルス対策ソフトを入れ、定義ファイルを自動で更新する。",
        items: &[36],
    },
    Rule {
        no: 3,
        title: "パスワードを強化しよう！",
        meaning: "長く推測されにくいパスワードを人ごとに使い、使い回さない。大事なログインには多要素認証。",
        items: &[26, 27, 28],
    },
    Rule {
        no: 4,
        title: "共有設定を見直そう！",
        meaning: "クラウドや共有フォルダーを、見てよい人だけが見られる設定にする。",
        items: &[25, 45],
    },
    Rule {
        no: 5,
        title: "脅威や攻撃の手口を知ろう！",
        meaning: "新しい脅威と攻撃の手口を知り、不審なメールなどへの対処を全員に伝える。",
        items: &[6, 13],
    },
];
