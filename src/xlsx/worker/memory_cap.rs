//! A cap on the worker's memory, set by the worker on itself before it reads anything: a workbook
//! that makes the spreadsheet parser ask for gigabytes (a fuzzed .xls built a dense 2.3 GB sheet)
//! then ends the worker instead of slowing down the whole PC.

/// The most a worker may use. Reading a 100,000-asset workbook (the largest we measure) peaks at
/// about 210 MB resident.
pub const LIMIT_BYTES: u64 = 1 << 30;

/// Caps this process at `bytes`; an error says why the operating system refused.
#[cfg(unix)]
pub fn cap_this_process(bytes: u64) -> Result<(), String> {
    // Address space, not resident memory: the only limit Linux enforces on allocation. The worker
    // starts no threads of its own, so little of it is reserved stacks.
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit only reads the struct we pass.
    let rc = unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error().to_string())
    }
}

/// Caps this process at `bytes` with a job object that holds only this process; the job ends with
/// the process.
#[cfg(windows)]
pub fn cap_this_process(bytes: u64) -> Result<(), String> {
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
        JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
        SetInformationJobObject,
    };
    use windows_sys::Win32::System::Threading::GetCurrentProcess;
    let last_error = || std::io::Error::last_os_error().to_string();
    // SAFETY: plain Win32 calls on a handle we create; the struct is zeroed and then filled.
    unsafe {
        let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
        if job.is_null() {
            return Err(last_error());
        }
        let mut info: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
        info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY;
        info.ProcessMemoryLimit = bytes as usize;
        let set = SetInformationJobObject(
            job,
            JobObjectExtendedLimitInformation,
            (&info as *const JOBOBJECT_EXTENDED_LIMIT_INFORMATION).cast(),
            std::mem::size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
        );
        if set == 0 {
            return Err(last_error());
        }
        if AssignProcessToJobObject(job, GetCurrentProcess()) == 0 {
            return Err(last_error());
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
pub fn cap_this_process(_bytes: u64) -> Result<(), String> {
    Err("この OS ではメモリの上限を設定できません".into())
}

/// What a process prints when an allocation fails: Rust's own message before it aborts.
pub fn ran_out(stderr: &str) -> bool {
    stderr.contains("memory allocation of")
}
