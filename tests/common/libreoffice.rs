//! LibreOffice for the tests that open riskbook's files in it (ignored by a plain `cargo test`, run
//! by `.ci/run`; LibreOffice comes from scripts/setup-debian.sh).

use std::path::Path;
use std::process::Command;

/// A LibreOffice profile that recalculates every formula when a file is loaded.
pub fn profile(dir: &Path) -> String {
    let user = dir.join("lo-profile").join("user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    )
}

/// LibreOffice must be here: a run that asked for these tests fails without it.
pub fn require_soffice() {
    if let Err(e) = Command::new("soffice").arg("--version").output() {
        panic!(
            "soffice (LibreOffice) が起動できません（{e}）。scripts/setup-debian.sh で入れてください。"
        );
    }
}

/// Converts `file` with LibreOffice (recalculating on load) into `dir`.
pub fn soffice_convert(dir: &Path, file: &Path, to: &str) {
    let out = Command::new("soffice")
        .arg(profile(dir))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
