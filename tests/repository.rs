//! The repository explains itself: nothing points outside it, and the method page's worked example is
//! what the calculation gives.

use riskbook::calc::assess;
use riskbook::domain::Catalogue;
use riskbook::domain::register::Column;
use riskbook::sample::sample_workbook;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Text files of the repository (not build output, not binary data).
fn text_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with('.') && name != ".ci" || name == "target" || name == "corpus" {
            continue;
        }
        if path.is_dir() {
            text_files(&path, found);
        } else if ["rs", "md", "toml", "sh", "txt", "run"]
            .iter()
            .any(|ext| path.extension().is_some_and(|e| e == *ext) || name == *ext)
        {
            found.push(path);
        }
    }
}

#[test]
fn no_file_points_outside_the_repository() {
    let mut files = Vec::new();
    text_files(root(), &mut files);
    assert!(
        files.len() > 50,
        "the walk found the sources: {}",
        files.len()
    );
    let outside = ["../shared", "shared/SPEC", "shared/seeds", "SPEC.md"];
    let this_file = root().join("tests/repository.rs");
    for file in files.iter().filter(|f| **f != this_file) {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for needle in outside {
            assert!(
                !text.contains(needle),
                "{} mentions {needle}",
                file.display()
            );
        }
    }
}

#[test]
fn the_worked_example_of_the_method_page_is_what_riskbook_computes() {
    let page = std::fs::read_to_string(root().join("docs/method.md")).unwrap();
    let section = page
        .split("## 5. 計算例")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/method.md has its worked example in section 5");
    let wb = sample_workbook(Catalogue::builtin());
    let assessment = assess(&wb);
    let mut rows = 0;
    for line in section.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [name, medium, cia, importance, t, v, p, risk] = cells[..] else {
            continue;
        };
        if name == "情報資産" || name.starts_with("---") {
            continue;
        }
        let (asset, computed) = wb
            .assets
            .iter()
            .zip(&assessment.assets)
            .find(|(a, _)| a.name == name && a.medium.map(|m| m.name()) == Some(medium))
            .unwrap_or_else(|| panic!("{name}/{medium} is in the sample"));
        let ratings: Vec<String> = [asset.confidentiality, asset.integrity, asset.availability]
            .iter()
            .map(|r| r.map_or("—".into(), |r| r.value().to_string()))
            .collect();
        let show = |v: Option<u8>| v.map_or("—".into(), |v| v.to_string());
        assert_eq!(cia, ratings.join(" "), "{name}/{medium} C I A");
        assert_eq!(
            importance,
            show(computed.number(Column::Importance)),
            "{name}/{medium} 重要度"
        );
        assert_eq!(
            t,
            show(computed.number(Column::Threat)),
            "{name}/{medium} t"
        );
        assert_eq!(
            v,
            show(computed.number(Column::Vulnerability)),
            "{name}/{medium} v"
        );
        assert_eq!(
            p,
            show(computed.number(Column::Likelihood)),
            "{name}/{medium} p"
        );
        assert_eq!(
            risk,
            format!("{} {}", show(computed.risk), computed.level.label()),
            "{name}/{medium} リスク値"
        );
        rows += 1;
    }
    assert_eq!(
        rows, 5,
        "the page shows the five rows of the guideline's example"
    );
}
