//! The structure and example sentences riskbook offers for a 情報セキュリティ基本方針: written by us
//! (not IPA's sample), for the user to rewrite as the company's own words.

/// The example statement for `company` (「当社」 where no name is entered yet).
pub fn example_statement(company: &str) -> String {
    let company = company.trim();
    let subject = if company.is_empty() {
        "当社".to_string()
    } else {
        format!("{company}（以下「当社」）")
    };
    format!(
        "{subject}は、お客様・取引先からお預かりした情報と、当社の事業を支える情報を守ることを経営の大切な務めと考え、次の方針のもとで情報セキュリティに取り組みます。\n\
\n\
1. 経営者の責任\n\
経営者が先頭に立ち、情報セキュリティに必要な体制と予算を整えます。\n\
\n\
2. 法令と約束を守る\n\
個人情報の保護に関する法律、マイナンバー法をはじめとする法令と、お客様・取引先との契約で約束したことを守ります。\n\
\n\
3. 社内のきまりと体制\n\
情報の扱い方のきまりを定め、責任者と担当者を決めて、全員が守るようにします。\n\
\n\
4. 教育\n\
すべての従業員（派遣・パート・アルバイトを含む）に、情報セキュリティの教育を続けて行います。\n\
\n\
5. 事故への備えと対応\n\
事故が起きないよう備え、万一起きたときは速やかに対応して被害を小さくし、再び起きないようにします。\n\
\n\
6. 見直しと改善\n\
この方針と対策を定期的に見直し、よりよくしていきます。"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_names_the_company_once_and_then_says_当社() {
        let text = example_statement("株式会社見本商事");
        assert!(text.starts_with("株式会社見本商事（以下「当社」）は、"));
        assert_eq!(text.matches("株式会社見本商事").count(), 1);
        assert!(example_statement("  ").starts_with("当社は、"));
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with(char::is_numeric))
                .count(),
            6
        );
    }
}
