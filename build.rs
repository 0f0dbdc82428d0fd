//! On Windows, links the icon, version information and manifest into the executables
//! (assets/windows/riskbook.rc). Nothing to do elsewhere.

fn main() {
    println!("cargo:rerun-if-changed=assets/windows");
    println!("cargo:rerun-if-changed=assets/icon");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let part = |key: &str| std::env::var(key).expect("cargo sets the version parts");
    let defines = [
        format!("RB_VERSION_MAJOR={}", part("CARGO_PKG_VERSION_MAJOR")),
        format!("RB_VERSION_MINOR={}", part("CARGO_PKG_VERSION_MINOR")),
        format!("RB_VERSION_PATCH={}", part("CARGO_PKG_VERSION_PATCH")),
    ];
    embed_resource::compile("assets/windows/riskbook.rc", &defines)
        .manifest_required()
        .expect("the Windows resources compile (windres from mingw-w64)");
}
