//! A full disk: the save fails with a clear message, the file keeps its last state and is sound once
//! space is free again. Uses a real 512 KiB tmpfs in a private mount namespace (`unshare -m`), which
//! needs root; elsewhere the test says it skipped.

use std::process::Command;

#[test]
fn a_full_disk_is_reported_and_loses_nothing() {
    let work = tempfile::tempdir().unwrap();
    let disk = work.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let bin = env!("CARGO_BIN_EXE_riskbook");
    let script = format!(
        r#"
        set -u
        mount -t tmpfs -o size=512k tmpfs '{disk}' || exit 77
        '{bin}' sample --db '{disk}/x.db' > /dev/null || exit 78
        # Full before the database is opened (it then cannot even create its WAL files) …
        dd if=/dev/zero of='{disk}/fill' bs=4k 2> /dev/null
        '{bin}' sample --db '{disk}/x.db' --replace 2> '{out}/err-open.txt'
        echo $? > '{out}/rc-open.txt'
        rm '{disk}/fill'
        '{bin}' summary --db '{disk}/x.db' --json > '{out}/before.json'
        # … and full with the WAL files in place, so the write itself runs out of space.
        dd if=/dev/zero of='{disk}/fill' bs=4k 2> /dev/null
        '{bin}' sample --db '{disk}/x.db' --replace 2> '{out}/err.txt'
        echo $? > '{out}/rc.txt'
        rm '{disk}/fill'
        '{bin}' summary --db '{disk}/x.db' --json > '{out}/after.json'
        sqlite_ok=$('{bin}' summary --db '{disk}/x.db' > /dev/null && echo ok)
        echo "$sqlite_ok" > '{out}/reopen.txt'
        "#,
        disk = disk.display(),
        out = work.path().display(),
    );
    let status = Command::new("unshare")
        .args(["-m", "sh", "-c", &script])
        .status();
    match status.map(|s| s.code()) {
        Ok(Some(0)) => {}
        Ok(Some(77)) | Err(_) => {
            eprintln!("SKIPPED: no private tmpfs here (unshare -m and mount need root)");
            return;
        }
        other => panic!("the scenario failed to set up: {other:?}"),
    }
    let read = |name: &str| std::fs::read_to_string(work.path().join(name)).unwrap();
    assert_eq!(
        read("rc-open.txt").trim(),
        "1",
        "opening on a full disk fails"
    );
    let err = read("err-open.txt");
    assert!(err.contains("ディスクの空き"), "{err}");
    assert!(
        !err.contains("壊れている"),
        "a full disk is not a broken file: {err}"
    );
    assert_eq!(read("rc.txt").trim(), "1", "the write fails");
    let err = read("err.txt");
    assert!(err.contains("ディスクの空きが足りない"), "{err}");
    assert!(err.contains("変更は保存されていません"), "{err}");
    assert_eq!(
        read("after.json"),
        read("before.json"),
        "the file keeps its last committed state"
    );
    assert_eq!(read("reopen.txt").trim(), "ok");
}
