//! What differs between operating systems, behind one small interface: the console of the windowless
//! Windows program, Wine, and whether a file lives on a network share.

pub mod startup_trace;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::{attach_parent_console, running_under_wine, show_error_if_windowless};

#[cfg(not(windows))]
pub fn attach_parent_console() {}

#[cfg(not(windows))]
pub fn show_error_if_windowless(_message: &str) {}

#[cfg(not(windows))]
pub fn running_under_wine() -> bool {
    false
}

use std::path::Path;

/// Why `path` is on a network file system (a share, a mapped network drive, NFS or SMB mounts), or
/// None where it is local. SQLite's WAL mode needs memory shared on one host, which such file
/// systems do not give, so the store opens these files differently.
pub fn network_location(path: &Path) -> Option<String> {
    if let Some(share) = unc_share(&path.to_string_lossy()) {
        return Some(format!("ネットワーク上の共有フォルダー（{share}）"));
    }
    // A file not made yet is where its folder is.
    let existing = path
        .ancestors()
        .find(|p| !p.as_os_str().is_empty() && p.exists())?;
    #[cfg(windows)]
    {
        windows::remote_drive(existing).map(|drive| format!("ネットワークドライブ（{drive}）"))
    }
    #[cfg(unix)]
    {
        unix_file_system(existing)
            .and_then(network_file_system)
            .map(|fs| format!("ネットワーク上のファイルシステム（{fs}）"))
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = existing;
        None
    }
}

/// Bytes free for this user on the file system holding `dir`, where the system says.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let c_path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
        let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
        // SAFETY: a NUL-terminated path and a struct of the right type to fill.
        let rc = unsafe { libc::statvfs(c_path.as_ptr(), &mut stat) };
        #[allow(clippy::unnecessary_cast)] // the field widths differ between platforms
        (rc == 0).then(|| stat.f_bavail as u64 * stat.f_frsize as u64)
    }
    #[cfg(windows)]
    {
        windows::free_bytes(dir)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = dir;
        None
    }
}

/// `\\server\share` of a UNC path (`\\server\share\…`, `\\?\UNC\server\share\…`, or with forward
/// slashes); None for local paths, including the `\\?\C:\…` and `\\.\` device forms.
pub fn unc_share(path: &str) -> Option<String> {
    let p = path.replace('/', "\\");
    let rest = if let Some(rest) = p.strip_prefix("\\\\?\\UNC\\") {
        rest
    } else if p.starts_with("\\\\?\\") || p.starts_with("\\\\.\\") {
        return None;
    } else {
        p.strip_prefix("\\\\")?
    };
    let mut parts = rest.split('\\').filter(|s| !s.is_empty());
    let server = parts.next()?;
    let share = parts.next()?;
    Some(format!("\\\\{server}\\{share}"))
}

/// The name of a network file system from its statfs magic number; None for local ones.
pub fn network_file_system(magic: i64) -> Option<&'static str> {
    match magic {
        0x6969 => Some("NFS"),
        0x517B => Some("SMB"),
        0xFF53_4D42 => Some("CIFS"),
        0xFE53_4D42 => Some("SMB2"),
        0x564C => Some("NCP"),
        0x0102_1997 => Some("9P"),
        0x7346_7873 => Some("CEPH"),
        0x6B41_4653 => Some("AFS"),
        0x5346_414F => Some("AFS"),
        _ => None,
    }
}

#[cfg(unix)]
fn unix_file_system(path: &Path) -> Option<i64> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    let mut stat: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated path and a struct of the right type to fill.
    let rc = unsafe { libc::statfs(c_path.as_ptr(), &mut stat) };
    #[allow(clippy::unnecessary_cast)] // f_type's width differs between platforms
    (rc == 0).then_some(stat.f_type as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_told_from_local_paths() {
        assert_eq!(
            unc_share(r"\\nas\総務\riskbook.db").as_deref(),
            Some(r"\\nas\総務")
        );
        assert_eq!(
            unc_share(r"\\?\UNC\fileserver\share\a\b.db").as_deref(),
            Some(r"\\fileserver\share")
        );
        assert_eq!(
            unc_share("//nas/share/x.db").as_deref(),
            Some(r"\\nas\share")
        );
        assert_eq!(unc_share(r"\\?\C:\Users\山田\riskbook.db"), None);
        assert_eq!(unc_share(r"\\.\pipe\x"), None);
        assert_eq!(unc_share(r"C:\Users\山田\riskbook.db"), None);
        assert_eq!(unc_share("/home/yamada/riskbook.db"), None);
        assert_eq!(unc_share(r"\\server"), None, "no share named");
    }

    #[test]
    fn network_file_systems_by_their_magic_number() {
        assert_eq!(network_file_system(0x6969), Some("NFS"));
        assert_eq!(network_file_system(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_file_system(0xFE53_4D42), Some("SMB2"));
        assert_eq!(network_file_system(0xEF53), None, "ext4");
        assert_eq!(network_file_system(0x0102_1994), None, "tmpfs");
    }

    #[cfg(unix)]
    #[test]
    fn free_space_is_known_for_an_existing_folder() {
        assert!(free_bytes(&std::env::temp_dir()).is_some_and(|b| b > 0));
        assert_eq!(free_bytes(Path::new("/そんなフォルダーはない")), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_local_folder_is_not_a_network_location() {
        let dir = std::env::temp_dir();
        assert_eq!(network_location(&dir.join("まだない.db")), None);
    }
}
