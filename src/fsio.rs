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
/// file keeps its permissions; a new one gets the process's default ones
/// (0666 less the umask), not the temporary file's private 0600.
///
/// A symbolic link is followed: the file it leads to is replaced and the link
/// stays (a `reviews.yaml` linked to a shared file keeps being that file).
pub fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |out| out.write_all(contents))
}

/// [`write_atomic`], with the contents written by `write` as they are made
/// (a report of a million claims is never held whole in memory). When
/// `write` fails, the temporary file is removed and `path` is left as it was.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target;
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        target = fs::canonicalize(path)?;
        target.as_path()
    } else {
        path
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    // tempfile makes its files 0600; a report, reviews.yaml or an imported
    // corpus is for the desk to share, so a new file gets what any program's
    // new file gets: 0666 less the umask (0644 usually).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    let mut buffered = io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    write(&mut buffered)?;
    buffered.flush()?;
    drop(buffered);
    tmp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Why [`replace_own`] did not write.
#[derive(Debug)]
pub enum ReplaceError {
    /// The path exists and `is_ours` did not recognise it.
    NotOurs,
    /// The path is a folder.
    IsDir,
    Io(io::Error),
}

impl From<io::Error> for ReplaceError {
    fn from(e: io::Error) -> Self {
        ReplaceError::Io(e)
    }
}

/// Bytes read from each end of an existing file to recognise it.
const PEEK: u64 = 4096;

/// [`write_atomic`], but an existing, non-empty file is replaced only when
/// `force` is set or `is_ours(head, tail)` recognises it (its first and last
/// few kilobytes, lossily decoded), so a person's file is never overwritten.
pub fn replace_own(
    path: &Path,
    contents: &[u8],
    force: bool,
    is_ours: impl Fn(&str, &str) -> bool,
) -> Result<(), ReplaceError> {
    replace_own_with(path, force, is_ours, |out| out.write_all(contents))
}

/// [`replace_own`], with the contents written by `write` as they are made
/// ([`write_atomic_with`]); `write` is not called when the file is not ours.
pub fn replace_own_with(
    path: &Path,
    force: bool,
    is_ours: impl Fn(&str, &str) -> bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), ReplaceError> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(ReplaceError::IsDir),
        Ok(meta) if !force && meta.len() > 0 => {
            use std::io::{Read, Seek, SeekFrom};
            let mut file = fs::File::open(path)?;
            let mut head = Vec::new();
            (&mut file).take(PEEK).read_to_end(&mut head)?;
            let mut tail = Vec::new();
            file.seek(SeekFrom::Start(meta.len().saturating_sub(PEEK)))?;
            file.take(PEEK).read_to_end(&mut tail)?;
            if !is_ours(&String::from_utf8_lossy(&head), &String::from_utf8_lossy(&tail)) {
                return Err(ReplaceError::NotOurs);
            }
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    write_atomic_with(path, write)?;
    Ok(())
}

/// Write a set of new files under `dir`, which must be missing or empty: the
/// tool never writes over a person's work. Folders are created as needed;
/// each file is written with [`write_atomic`]. `files` holds paths relative
/// to `dir`, without `..`. When a file cannot be written, what was written is
/// removed again: the folder is left as empty as it was found.
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
    let written = files.iter().try_for_each(|(rel, text)| {
        debug_assert!(rel.components().all(|c| matches!(c, std::path::Component::Normal(_))));
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        if path.exists() {
            return Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("'{}' already exists", path.display())));
        }
        write_atomic(&path, text.as_bytes())
    });
    if written.is_err() {
        // The folder was new or empty: what is in it now is ours, half a
        // tree that nobody should mistake for a corpus. Leave it empty.
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.flatten() {
                let path = entry.path();
                let _ = if path.is_dir() { fs::remove_dir_all(&path) } else { fs::remove_file(&path) };
            }
        }
    }
    written
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

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("shared")).unwrap();
        let target = dir.path().join("shared/reviews.yaml");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("reviews.yaml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    /// A new file gets the mode any program's new file gets (0666 less the
    /// umask), not tempfile's private 0600; an existing file keeps its own.
    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        let plain = dir.path().join("plain.txt");
        fs::write(&plain, "x").unwrap();
        let ours = dir.path().join("report.html");
        write_atomic(&ours, b"x").unwrap();
        assert_eq!(mode(&ours), mode(&plain));
        let private = dir.path().join("private.yaml");
        fs::write(&private, "x").unwrap();
        fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&private, b"y").unwrap();
        assert_eq!(mode(&private), 0o600);
    }

    #[test]
    fn a_write_that_fails_midway_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        write_atomic(&path, b"the old report").unwrap();
        let err = write_atomic_with(&path, |out| {
            out.write_all(&[b'x'; 100_000])?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        })
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read_to_string(&path).unwrap(), "the old report");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.json")]);
        write_atomic_with(&path, |out| out.write_all(b"streamed")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "streamed");
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("no/such/out.txt"), b"x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn replaces_only_recognised_or_empty_files_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report");
        let ours = |head: &str, _: &str| head.starts_with("OURS");
        replace_own(&path, b"OURS 1", false, ours).unwrap();
        replace_own(&path, b"OURS 2", false, ours).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "OURS 2");
        fs::write(&path, "a person's notes").unwrap();
        assert!(matches!(replace_own(&path, b"OURS 3", false, ours), Err(ReplaceError::NotOurs)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "a person's notes");
        replace_own(&path, b"OURS 4", true, ours).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "OURS 4");
        fs::write(&path, "").unwrap();
        replace_own(&path, b"OURS 5", false, ours).unwrap();
        assert!(matches!(replace_own(dir.path(), b"x", true, ours), Err(ReplaceError::IsDir)));
        fs::write(&path, "a person's notes").unwrap();
        let called = std::cell::Cell::new(false);
        let refused = replace_own_with(&path, false, ours, |_| {
            called.set(true);
            Ok(())
        });
        assert!(matches!(refused, Err(ReplaceError::NotOurs)));
        assert!(!called.get(), "nothing is made for a file that is not ours");
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

    #[cfg(unix)]
    #[test]
    fn a_tree_that_cannot_be_written_whole_leaves_the_folder_empty() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        // The second file's folder is taken by a file: creating it fails midway.
        let files = vec![
            (std::path::PathBuf::from("a/one.txt"), "1".to_string()),
            (std::path::PathBuf::from("a/one.txt/two.txt"), "2".to_string()),
        ];
        assert!(write_new_tree(&out, &files).is_err());
        assert_eq!(fs::read_dir(&out).unwrap().count(), 0, "nothing half-written is left");
    }
}
