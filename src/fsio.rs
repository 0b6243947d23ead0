//! Writing files. Everything the tool writes goes through [`write_atomic`]:
//! the bytes go to a temporary file in the destination's folder, are flushed
//! to disk, and the temporary file is renamed over the destination, so a
//! reader (or a crash) sees the old file or the new one, never half of one.
//!
//! This is the only module that writes to the file system; the pure core never
//! does.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Write `contents` to `path` atomically. The folder must exist. An existing
/// file keeps its permissions; a new one gets the process's default ones.
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".crosscheck-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Write a set of new files under `dir`, which must be missing or empty: the
/// tool never writes over a person's work. Folders are created as needed;
/// each file is written with [`write_atomic`]. `files` holds paths relative
/// to `dir`, without `..`.
pub fn write_new_tree(dir: &Path, files: &[(std::path::PathBuf, String)]) -> io::Result<()> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("'{}' is not empty; give a new or empty folder, nothing is overwritten", dir.display()),
                ));
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir)?,
        Err(e) if dir.exists() && !dir.is_dir() => {
            return Err(io::Error::new(e.kind(), format!("'{}' is a file, not a folder", dir.display())))
        }
        Err(e) => return Err(e),
    }
    for (rel, text) in files {
        debug_assert!(rel.components().all(|c| matches!(c, std::path::Component::Normal(_))));
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if path.exists() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("'{}' already exists", path.display())));
        }
        write_atomic(&path, text.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_atomic(&path, b"first version, longer").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("no/such/out.txt"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn new_tree_refuses_a_folder_with_anything_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![(std::path::PathBuf::from("a/b.txt"), "x".to_string())];
        write_new_tree(&dir.path().join("out"), &files).unwrap();
        assert_eq!(fs::read_to_string(dir.path().join("out/a/b.txt")).unwrap(), "x");
        let err = write_new_tree(&dir.path().join("out"), &files).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert!(err.to_string().contains("not empty"), "{err}");
    }
}
