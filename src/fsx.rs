//! Private files, written so that a crash never leaves half of one: a temp file created
//! exclusively beside the target (0600 on Unix), written, fsynced, renamed over the target,
//! then the folder fsynced so the rename itself survives a power cut. Used for settings and
//! exports and reports; backups use the same temp-then-rename (`crate::backup`).

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
    private::create_dir(dir)?;
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
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Owner-only modes for the vault's folder and files (Unix). On Windows the per-user AppData
/// folder's ACL already keeps other accounts out, and these do nothing.
pub mod private {
    use std::path::Path;

    use crate::error::Result;

    /// Creates `dir` (and any missing parents) 0700. An existing folder is left as it is.
    pub fn create_dir(dir: &Path) -> Result<()> {
        let mut b = std::fs::DirBuilder::new();
        b.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
        b.create(dir)?;
        Ok(())
    }

    /// Creates an empty file 0600 if there is none, so that SQLite (which gives its WAL and
    /// shared-memory files the database's mode) never makes a readable one.
    pub fn create_file(path: &Path) -> Result<()> {
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        match opts.open(path) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                set_owner_only(path);
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Puts an existing vault's files (and Keel's own data folder) back to owner-only.
    pub fn repair(vault: &Path) {
        set_owner_only(vault);
        let settings = vault.with_file_name("settings.json");
        if settings.exists() {
            set_owner_only(&settings);
        }
        for suffix in ["-wal", "-shm"] {
            let mut name = vault.as_os_str().to_owned();
            name.push(suffix);
            let p = std::path::PathBuf::from(name);
            if p.exists() {
                set_owner_only(&p);
            }
        }
        // A folder the user chose (`--vault ~/Documents/…`) is theirs; Keel's own is private.
        if let Some(dir) = vault.parent()
            && crate::paths::own_data_folder().is_some_and(|d| d == dir)
        {
            set_mode(dir, 0o700);
        }
    }

    fn set_owner_only(p: &Path) {
        set_mode(p, 0o600);
    }

    #[cfg(unix)]
    fn set_mode(p: &Path, mode: u32) {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(m) = std::fs::metadata(p)
            && m.permissions().mode() & 0o777 != mode
        {
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
        }
    }

    #[cfg(not(unix))]
    fn set_mode(_: &Path, _: u32) {}
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
