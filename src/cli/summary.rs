//! `summary`: the computed state, as text for a person or as JSON for a script.

use super::CliError;
use crate::calc::rate_text;
use crate::operations::Session;
use crate::summary::summarize;
use std::path::Path;

pub(super) fn summary(path: &Path, json: bool) -> Result<String, CliError> {
    if !path.exists() {
        return Err(CliError::NoDatabase(path.to_path_buf()));
    }
    let session = Session::open_read_only(path)?;
    let summary = summarize(session.results());
    if json {
        return Ok(serde_json::to_string_pretty(&summary)?);
    }
    let mut out = String::new();
    let l = &summary.levels;
    out.push_str(&format!(
        "情報資産 {} 件：リスク大 {} / リスク中 {} / リスク小 {} / 未算定 {}\n",
        summary.assets.len(),
        l.high,
        l.medium,
        l.low,
        l.unrated
    ));
    out.push_str(&format!(
        "対策状況チェック：{} / {} 問回答\n",
        summary.checks.answered, summary.checks.total
    ));
    let plan = &summary.plan;
    let done = plan
        .iter()
        .filter(|p| p.status == crate::domain::PlanStatus::Done.label())
        .count();
    out.push_str(&format!(
        "対策計画：{} 件（完了 {done} 件）\n\n診断結果\n",
        plan.len()
    ));
    for c in &session.diagnosis().categories {
        out.push_str(&format!(
            "({}) {}\t{}\t{}\t{}\n",
            c.no,
            c.name,
            c.need.mark(),
            rate_text(c.rate),
            c.need.policy_text()
        ));
    }
    Ok(out)
}
