//! Private files, written so that a crash never leaves half of one: a temp file created
//! exclusively beside the target (0600 on Unix), written, fsynced, renamed over the target,
//! then the folder fsynced so the rename itself survives a power cut. Used for settings and
//! exports (and backups later).

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically and privately. With `replace` false an existing file is
/// left alone and `InvalidInput { field }` is returned.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool, field: &'static str) -> Result<()> {
    if !replace && path.exists() {
        return Err(Error::invalid(
            field,
            "that file exists; choose to replace it or give another name",
        ));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid(field, "give a file name"))?;
    std::fs::create_dir_all(dir)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    // A unique temp name: an old one left by a crash, or someone else's file, is never reused.
    let mut suffix = [0u8; 6];
    crate::crypto::fill_random(&mut suffix)?;
    let hex: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
    let tmp = dir.join(format!(".{}.{hex}.partial", name.to_string_lossy()));
    let result = (|| -> Result<()> {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename in `dir` durable. Windows has no directory fsync (and needs none for this).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_privately_replaces_only_when_asked_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        write_private(&p, b"one", false, "out").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        match write_private(&p, b"two", false, "out") {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "out"),
            other => panic!("an existing file is refused without replace, got {other:?}"),
        }
        assert_eq!(std::fs::read(&p).unwrap(), b"one", "and left as it was");
        write_private(&p, b"two", true, "out").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("out.json")],
            "no temp file left"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(
                mode, 0o600,
                "readable by its owner only, whatever the umask"
            );
        }
    }
}
