//! The answer scale of a check sheet: the customer's own dropdown words, each with what it means
//! for the counts (met, partly, not met, not applicable). The meaning of a word is guessed from the
//! word (riskbook's rule, docs/method.md) and can be corrected by the user.

use serde::{Deserialize, Serialize};

/// What an answer counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Meaning {
    /// 達成: the requirement is met.
    Met,
    /// 一部: partly met; not met for the counts.
    Partly,
    /// 未達: not met.
    NotMet,
    /// 対象外: the requirement does not apply to the company.
    NotApplicable,
    /// A word whose meaning riskbook cannot tell (free text, 「その他」); counted as answered only.
    Unknown,
    /// No answer yet.
    Unanswered,
}

impl Meaning {
    /// The meanings a user can give an option.
    pub const CHOOSABLE: [Meaning; 5] = [
        Meaning::Met,
        Meaning::Partly,
        Meaning::NotMet,
        Meaning::NotApplicable,
        Meaning::Unknown,
    ];

    /// 達成 / 一部 / 未達 / 対象外 / 不明 / 未回答, as the screen and the database write it.
    pub fn label(self) -> &'static str {
        match self {
            Meaning::Met => "達成",
            Meaning::Partly => "一部",
            Meaning::NotMet => "未達",
            Meaning::NotApplicable => "対象外",
            Meaning::Unknown => "不明",
            Meaning::Unanswered => "未回答",
        }
    }

    pub fn from_label(text: &str) -> Option<Meaning> {
        Meaning::CHOOSABLE
            .into_iter()
            .chain([Meaning::Unanswered])
            .find(|m| m.label() == text.trim())
    }

    /// Whether the counts take it as not met (一部 and 未達).
    pub fn falls_short(self) -> bool {
        matches!(self, Meaning::Partly | Meaning::NotMet)
    }

    /// Guesses what a dropdown word means. Checked in this order, because words nest:
    /// 対象外 (該当しない, 対象外, 非該当, N/A, －) before 未達 (していない, いいえ, ×, 未, なし, 不可),
    /// before 一部 (一部, 部分, 一部実施, △), before 達成 (している, はい, ○, 済, 実施, 達成, 有, あり).
    pub fn guess(word: &str) -> Meaning {
        let w: String = word.split_whitespace().collect::<String>().to_lowercase();
        let has = |keys: &[&str]| keys.iter().any(|k| w.contains(k));
        if w.is_empty() {
            Meaning::Unknown
        } else if has(&["該当しない", "該当なし", "対象外", "非該当", "適用外"])
            || ["－", "-", "n/a", "na"].contains(&w.as_str())
        {
            Meaning::NotApplicable
        } else if has(&["一部", "部分", "△", "検討中", "予定"]) {
            Meaning::Partly
        } else if has(&[
            "していない",
            "できていない",
            "いいえ",
            "×",
            "未実施",
            "未達",
            "なし",
            "無し",
            "不可",
        ]) || ["無", "未", "no"].contains(&w.as_str())
        {
            Meaning::NotMet
        } else if has(&[
            "している",
            "できている",
            "はい",
            "○",
            "〇",
            "◯",
            "済",
            "実施",
            "達成",
            "あり",
            "有り",
        ]) || ["有", "yes"].contains(&w.as_str())
        {
            Meaning::Met
        } else {
            Meaning::Unknown
        }
    }
}

/// One dropdown word and what it counts as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScaleOption {
    pub text: String,
    pub meaning: Meaning,
}

/// The answers a sheet allows, in the sheet's order. No options: any text is an answer (the sheet
/// has a free answer column), and its meaning is guessed from the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnswerScale {
    pub options: Vec<ScaleOption>,
}

impl AnswerScale {
    /// A scale of `words`, each with its guessed meaning.
    pub fn guessed<S: AsRef<str>>(words: &[S]) -> AnswerScale {
        AnswerScale {
            options: words
                .iter()
                .map(|w| ScaleOption {
                    text: w.as_ref().to_string(),
                    meaning: Meaning::guess(w.as_ref()),
                })
                .collect(),
        }
    }

    /// Whether the sheet restricts answers to a list.
    pub fn is_list(&self) -> bool {
        !self.options.is_empty()
    }

    /// Checks that `answer` is one of the options (any text where there is no list).
    pub fn check(&self, answer: &str) -> Result<(), String> {
        if answer.trim().is_empty() {
            return Err("回答が空です。".to_string());
        }
        if !self.is_list() || self.options.iter().any(|o| o.text == answer) {
            Ok(())
        } else {
            Err(format!(
                "「{answer}」はこのシートの回答の選択肢にありません（選択肢：{}）。",
                self.words().collect::<Vec<_>>().join("／")
            ))
        }
    }

    /// What `answer` counts as: its option's meaning, or the guess for a free text.
    pub fn meaning(&self, answer: &str) -> Meaning {
        match self.options.iter().find(|o| o.text == answer) {
            Some(o) => o.meaning,
            None if self.is_list() => Meaning::Unknown,
            None => Meaning::guess(answer),
        }
    }

    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.options.iter().map(|o| o.text.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_dropdown_words_mean_what_they_say() {
        for (word, meaning) in [
            ("実施している", Meaning::Met),
            ("一部実施している", Meaning::Partly),
            ("実施していない", Meaning::NotMet),
            ("該当しない", Meaning::NotApplicable),
            ("はい", Meaning::Met),
            ("いいえ", Meaning::NotMet),
            ("○", Meaning::Met),
            ("×", Meaning::NotMet),
            ("△", Meaning::Partly),
            ("対象外", Meaning::NotApplicable),
            ("実施予定", Meaning::Partly),
            ("その他", Meaning::Unknown),
        ] {
            assert_eq!(Meaning::guess(word), meaning, "{word}");
        }
    }

    #[test]
    fn an_answer_off_the_list_is_refused_with_the_options_named() {
        let scale = AnswerScale::guessed(&["はい", "いいえ"]);
        assert!(scale.check("はい").is_ok());
        let err = scale.check("たぶん").unwrap_err();
        assert!(
            err.contains("たぶん") && err.contains("はい／いいえ"),
            "{err}"
        );
        assert_eq!(scale.meaning("いいえ"), Meaning::NotMet);
    }

    #[test]
    fn a_free_answer_column_takes_any_text_and_guesses_its_meaning() {
        let scale = AnswerScale::default();
        assert!(scale.check("社内規程で定めている").is_ok());
        assert!(scale.check("  ").is_err());
        assert_eq!(scale.meaning("対応済み"), Meaning::Met);
    }

    #[test]
    fn labels_read_back() {
        for m in Meaning::CHOOSABLE {
            assert_eq!(Meaning::from_label(m.label()), Some(m));
        }
    }
}
