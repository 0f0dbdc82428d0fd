//! A full disk: the save fails with a clear message, the file keeps its last state and is sound once
//! space is free again. Uses a real 2 MiB tmpfs in a private mount namespace (`unshare -m`), which
//! needs root: ignored by a plain `cargo test`, run by `.ci/run`, and failing where it cannot set up.
//! 2 MiB holds the sample, its WAL and a backup; at 512 KiB the sample alone had filled the disk
//! before the test filled it, so nothing was tested.

use std::process::Command;

#[test]
#[ignore = "needs root (a private tmpfs: unshare -m and mount); run by .ci/run"]
fn a_full_disk_is_reported_and_loses_nothing() {
    let work = tempfile::tempdir().unwrap();
    let disk = work.path().join("disk");
    std::fs::create_dir(&disk).unwrap();
    let bin = env!("CARGO_BIN_EXE_riskbook");
    let script = format!(
        r#"
        set -u
        mount -t tmpfs -o size=2m tmpfs '{disk}' || exit 77
        '{bin}' sample --db '{disk}/x.db' > /dev/null || exit 78
        # Full before the database is opened (it then cannot even create its WAL files) …
        dd if=/dev/zero of='{disk}/fill' bs=4k 2> /dev/null
        '{bin}' sample --db '{disk}/x.db' --replace 2> '{out}/err-open.txt'
        echo $? > '{out}/rc-open.txt'
        rm '{disk}/fill'
        '{bin}' summary --db '{disk}/x.db' --json > '{out}/before.json'
        # … and full again when the whole register is replaced. Whether SQLite then says "disk full" or
        # "disk I/O error" depends on which of its files ran out; either way the user is told the disk is full.
        dd if=/dev/zero of='{disk}/fill' bs=4k 2> /dev/null
        '{bin}' sample --db '{disk}/x.db' --replace 2> '{out}/err.txt'
        echo $? > '{out}/rc.txt'
        rm '{disk}/fill'
        '{bin}' summary --db '{disk}/x.db' --json > '{out}/after.json'
        sqlite_ok=$('{bin}' summary --db '{disk}/x.db' > /dev/null && echo ok)
        echo "$sqlite_ok" > '{out}/reopen.txt'
        # A copy (名前を付けて保存) over an older file that runs out of space keeps the older file.
        echo 古いコピー > '{disk}/copy.db'
        dd if=/dev/zero of='{disk}/fill' bs=4k 2> /dev/null
        '{bin}' copy '{disk}/copy.db' --db '{disk}/x.db' 2> '{out}/err-copy.txt'
        echo $? > '{out}/rc-copy.txt'
        cat '{disk}/copy.db' > '{out}/copy-after.txt'
        ls '{disk}' > '{out}/files-after-copy.txt'
        rm '{disk}/fill'
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
            panic!("no private tmpfs here: unshare -m and mount need root")
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

    assert_eq!(read("rc-copy.txt").trim(), "1", "the copy fails");
    let err = read("err-copy.txt");
    assert!(err.contains("ディスクの空き"), "{err}");
    assert_eq!(
        read("copy-after.txt"),
        "古いコピー\n",
        "the older file is kept"
    );
    assert!(
        !read("files-after-copy.txt").contains(".partial"),
        "no half-written copy is left"
    );
}
