//! Windows only: the console of the windowless program, Wine, and network drives.

use std::path::Path;
use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
use windows_sys::Win32::Storage::FileSystem::{GetDiskFreeSpaceExW, GetDriveTypeW};
use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetConsoleWindow, GetStdHandle, STD_OUTPUT_HANDLE,
};
use windows_sys::Win32::System::LibraryLoader::{GetModuleHandleW, GetProcAddress};
use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};

/// DRIVE_REMOTE of GetDriveTypeW.
const DRIVE_REMOTE: u32 = 4;

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

/// riskbook.exe has no console; started from one with a command, it writes its answer there. Output
/// it was handed already (by riskbook.com, or redirected to a file or pipe) is kept.
pub fn attach_parent_console() {
    // SAFETY: plain Win32 calls with constants; AttachConsole fails harmlessly without a parent console.
    unsafe {
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        if out.is_null() || out == INVALID_HANDLE_VALUE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// An error nobody would see (riskbook.exe started from the Start menu) is shown in a message box.
pub fn show_error_if_windowless(message: &str) {
    // SAFETY: plain Win32 calls with NUL-terminated UTF-16 strings that outlive them.
    unsafe {
        if !GetConsoleWindow().is_null() {
            return;
        }
        let text = wide(message);
        let title = wide("riskbook");
        MessageBoxW(
            std::ptr::null_mut(),
            text.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

/// Whether this Windows is Wine (whose ntdll exports wine_get_version).
pub fn running_under_wine() -> bool {
    let ntdll = wide("ntdll.dll");
    // SAFETY: ntdll is loaded in every process; the name is NUL-terminated.
    unsafe {
        let module = GetModuleHandleW(ntdll.as_ptr());
        !module.is_null() && GetProcAddress(module, c"wine_get_version".as_ptr().cast()).is_some()
    }
}

/// `X:` where `path` is on a mapped network drive.
pub fn remote_drive(path: &Path) -> Option<String> {
    let text = path.to_string_lossy();
    let text = text.strip_prefix(r"\\?\").unwrap_or(&text);
    let mut chars = text.chars();
    let (letter, colon) = (chars.next()?, chars.next()?);
    if !letter.is_ascii_alphabetic() || colon != ':' {
        return None;
    }
    let root = wide(&format!("{letter}:\\"));
    // SAFETY: a NUL-terminated UTF-16 root path.
    let kind = unsafe { GetDriveTypeW(root.as_ptr()) };
    (kind == DRIVE_REMOTE).then(|| format!("{letter}:"))
}

/// Bytes free for this user on the volume holding `dir`.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    let path = wide(&dir.to_string_lossy());
    let mut free: u64 = 0;
    // SAFETY: a NUL-terminated UTF-16 path and a u64 to fill; the other outputs are optional.
    let ok = unsafe {
        GetDiskFreeSpaceExW(
            path.as_ptr(),
            &mut free,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
        )
    };
    (ok != 0).then_some(free)
}
