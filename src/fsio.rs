//! Writing files. Everything the tool writes goes through [`write_atomic`]:
//! the bytes go to a temporary file in the destination's folder, are flushed
//! to disk, and the temporary file is renamed over the destination, so a
//! reader (or a crash) sees the old file or the new one, never half of one.
//!
//! This is the only module that writes to the file system; the pure core never
//! does.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Write `contents` to `path` atomically. The folder must exist. An existing
/// file keeps its permissions; a new one gets the process's default ones
/// (0666 less the umask), not the temporary file's private 0600.
///
/// A symbolic link is followed: the file it leads to is replaced and the link
/// stays (a `reviews.yaml` linked to a shared file keeps being that file).
/// Anything but a regular file (or nothing) at `path` is refused, never
/// replaced ([`WriteError::NotAFile`]).
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    match target(path)? {
        Target::File(meta) if meta.permissions().readonly() => Err(WriteError::ReadOnly),
        Target::Missing | Target::File(_) => Ok(write_atomic_with(path, |out| out.write_all(contents))?),
        other => Err(other.refusal()),
    }
}

/// [`write_atomic`], with the contents written by `write` as they are made
/// (a report of a million claims is never held whole in memory). When
/// `write` fails, the temporary file is removed and `path` is left as it was.
/// The caller has checked that `path` is a regular file or nothing
/// ([`target`]).
fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let target;
    let path = if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        target = fs::canonicalize(path)?;
        target.as_path()
    } else {
        path
    };
    let dir = folder_of(path);
    // Errors name the destination, never the temporary file (tempfile adds
    // its own path to what it reports).
    let strip = |e: io::Error| io::Error::from(e.kind());
    folder_is_there(dir)?;
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
    let mut tmp = builder.tempfile_in(dir).map_err(strip)?;
    // Until it is renamed into place (or removed on an error, by `tmp`'s
    // drop), a signal that stops the run removes it (`remove_pending`).
    let _pending = Pending::add(tmp.path());
    let mut buffered = io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
    write(&mut buffered)?;
    buffered.flush()?;
    drop(buffered);
    tmp.as_file().sync_all()?;
    if let Ok(meta) = fs::metadata(path) {
        fs::set_permissions(tmp.path(), meta.permissions()).map_err(strip)?;
    }
    tmp.persist(path).map_err(|e| strip(e.error))?;
    Ok(())
}

/// Temporary files being written, removed by [`remove_pending`] when a
/// signal stops the run: a report of a million claims half written would
/// otherwise stay beside its target as a hidden file of hundreds of megabytes.
static PENDING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file listed in [`PENDING`] while it lives.
struct Pending(PathBuf);

impl Pending {
    fn add(path: &Path) -> Pending {
        PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(path.to_path_buf());
        Pending(path.to_path_buf())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let mut pending = PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(i) = pending.iter().position(|p| *p == self.0) {
            pending.swap_remove(i);
        }
    }
}

/// Remove the temporary files still being written. Called when a signal
/// (Ctrl-C, `kill`) stops the run, just before it ends: the file being
/// replaced is left as it was, and nothing half written is left beside it
/// (a file renamed into place meanwhile is whole; its temporary name is gone).
pub fn remove_pending() {
    remove_pending_where(|_| true);
}

/// [`remove_pending`], for the temporary files `chosen` picks (a test
/// removes its own only: the list is the process's).
fn remove_pending_where(chosen: impl Fn(&Path) -> bool) {
    let pending = PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for path in pending.iter().filter(|p| chosen(p)) {
        let _ = fs::remove_file(path);
    }
}

/// An advisory lock (`flock`) on the folder a file is written in, held
/// until it is dropped. `review` takes it before it reads `reviews.yaml` and
/// keeps it until the new file has been renamed into place, so two `review`
/// runs on one file take turns instead of each appending to the text it read
/// (and one entry being lost). The folder is locked, not the file: the
/// rename puts a new file at the path, and a lock on the old one would no
/// longer keep anyone out.
///
/// Where there is no such lock (another platform, a file system that does
/// not support it), the lock is empty and the writer relies on its own check
/// that the file did not change between reading and writing.
#[derive(Debug)]
pub struct FolderLock {
    _folder: Option<fs::File>,
}

impl FolderLock {
    /// Whether a lock is actually held (false: not supported here).
    pub fn is_held(&self) -> bool {
        self._folder.is_some()
    }
}

/// How long [`lock_folder_of`] waits for another run to let go of the lock.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Lock the folder `path` is (or will be) written in ([`FolderLock`]),
/// waiting up to `wait` for another run to release it. A symbolic link is
/// followed, as [`write_atomic`] follows it: the folder of the file it leads
/// to is locked. A folder that cannot be opened, or a lock the file system
/// does not support, gives an empty lock (the write then fails or goes on as
/// it would have); only a lock still held by another run after `wait` is an
/// error ([`WriteError::Locked`]).
pub fn lock_folder_of(path: &Path, wait: Duration) -> Result<FolderLock, WriteError> {
    let real: PathBuf = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    };
    let Ok(folder) = fs::File::open(folder_of(&real)) else { return Ok(FolderLock { _folder: None }) };
    lock_file(folder, wait)
}

#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
))]
fn lock_file(file: fs::File, wait: Duration) -> Result<FolderLock, WriteError> {
    use rustix::fs::{flock, FlockOperation};
    use rustix::io::Errno;
    let start = Instant::now();
    loop {
        match flock(&file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => return Ok(FolderLock { _folder: Some(file) }),
            Err(Errno::WOULDBLOCK | Errno::INTR) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(10))
            }
            Err(Errno::WOULDBLOCK | Errno::INTR) => return Err(WriteError::Locked(wait)),
            // Not supported on this file system (some network ones): no lock.
            Err(_) => return Ok(FolderLock { _folder: None }),
        }
    }
}

#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)))]
fn lock_file(_: fs::File, _: Duration) -> Result<FolderLock, WriteError> {
    let _ = Instant::now;
    Ok(FolderLock { _folder: None })
}

/// What stands at a path the tool is asked to write to. Looked at with
/// `metadata` only: nothing is opened, so a named pipe cannot block.
#[derive(Debug)]
pub enum Target {
    /// Nothing: a new file is made (if its folder exists).
    Missing,
    /// A regular file, or a symbolic link to one.
    File(fs::Metadata),
    /// A folder.
    Folder,
    /// A character device (`/dev/null`, a terminal) or a named pipe
    /// (`/dev/stdout` into `| less`, a `mkfifo`): a report is written
    /// straight into it, never by replacing it.
    Stream(&'static str),
    /// Anything else (a block device, a socket, a link that leads
    /// nowhere): refused.
    Other(&'static str),
}

impl Target {
    /// Why a file cannot be written at a path holding `self`.
    fn refusal(self) -> WriteError {
        match self {
            Target::Folder => WriteError::IsDir,
            Target::Stream(what) | Target::Other(what) => WriteError::NotAFile(what),
            Target::Missing | Target::File(_) => unreachable!("a missing or regular file can be written"),
        }
    }
}

/// What stands at `path` ([`Target`]), links followed.
pub fn target(path: &Path) -> io::Result<Target> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(match fs::symlink_metadata(path) {
                Ok(_) => Target::Other("a symbolic link to a file that does not exist"),
                Err(_) => Target::Missing,
            })
        }
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(Target::File(meta));
    }
    if kind.is_dir() {
        return Ok(Target::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return Ok(Target::Stream("a character device"));
        }
        if kind.is_fifo() {
            return Ok(Target::Stream("a named pipe"));
        }
        if kind.is_block_device() {
            return Ok(Target::Other("a block device"));
        }
        if kind.is_socket() {
            return Ok(Target::Other("a socket"));
        }
    }
    Ok(Target::Other("neither a file nor a folder"))
}

/// Why a file was not written. [`WriteError::explain`] says it to a person;
/// every writer (`check --output`, `review`, `import`) uses it.
#[derive(Debug)]
pub enum WriteError {
    /// The path holds a file crosscheck did not write.
    NotOurs,
    /// The path holds a file crosscheck wrote and a person changed after
    /// (its seal is missing, moved, or no longer matches).
    Changed,
    /// The path is a folder.
    IsDir,
    /// The path is not a regular file and cannot be written to: what it is.
    NotAFile(&'static str),
    /// The path is a named pipe that no program is reading.
    NoReader,
    /// The path holds a file marked read-only: a person protected it, and a
    /// rename would replace it all the same.
    ReadOnly,
    /// Another run held the lock on the path's folder for this long
    /// ([`lock_folder_of`]).
    Locked(Duration),
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

impl WriteError {
    /// What is wrong with writing `path` and what would be right, as the
    /// message (naming the path) and the help. `option` is how the user
    /// named the path (`--output`, `--reviews`), for the help; `force` is
    /// whether the command has a `--force`.
    pub fn explain(&self, path: &Path, option: &str, force: bool) -> (String, String) {
        use io::ErrorKind;
        let shown = path.display();
        let or_force = if force { ", or add --force to replace it" } else { "" };
        match self {
            WriteError::ReadOnly => (
                format!("{shown} is read-only; not replacing it"),
                format!("make it writable (chmod u+w {shown}) if it is meant to change{or_force}"),
            ),
            WriteError::NotOurs => (
                format!("{shown} exists and was not written by crosscheck; not overwriting it"),
                format!("choose another {option} file{or_force}"),
            ),
            WriteError::Changed => (
                format!("{shown} was written by crosscheck but has been changed since it was written; not overwriting it"),
                format!(
                    "its seal (the last line, or a JSON report's last key) is missing, moved, or no longer matches \
                     the text: someone has edited it; keep the changes elsewhere, choose another {option} file{or_force}"
                ),
            ),
            WriteError::IsDir => (
                format!("{shown} is a folder"),
                format!("give {option} a file name, e.g. {}", path.join("report.html").display()),
            ),
            WriteError::NotAFile(what) => (
                format!("cannot write {shown}: it is {what}, not a file"),
                format!(
                    "give {option} a regular file; crosscheck never replaces anything else (to see the report, \
                     leave out {option}: it goes to standard output)"
                ),
            ),
            WriteError::NoReader => (
                format!("cannot write {shown}: it is a named pipe that no program is reading"),
                format!("start the reader first (e.g. `cat` on the pipe), or leave out {option} to write to standard output"),
            ),
            WriteError::Locked(waited) => (
                format!(
                    "cannot write {shown}: another crosscheck run has been writing in its folder for {} s",
                    waited.as_secs()
                ),
                "wait for it to finish (or stop it), then run the command again".to_string(),
            ),
            // "nodir/": a path that ends in a separator names a folder, whatever is there.
            WriteError::Io(_) if path.as_os_str().as_encoded_bytes().ends_with(std::path::MAIN_SEPARATOR_STR.as_bytes()) => (
                format!("cannot write {shown}: it ends in '{}', so it names a folder, not a file", std::path::MAIN_SEPARATOR),
                format!("give {option} a file name, e.g. {shown}report.html"),
            ),
            WriteError::Io(e) => {
                let (why, help) = match e.kind() {
                    ErrorKind::NotFound => (
                        "its folder does not exist".to_string(),
                        "create the folder first, or choose a file in an existing one".to_string(),
                    ),
                    ErrorKind::NotADirectory => (
                        "a part of its folder path is a file, not a folder".to_string(),
                        "check the path".to_string(),
                    ),
                    ErrorKind::PermissionDenied => {
                        ("permission denied".to_string(), "choose a file in a folder you can write to".to_string())
                    }
                    ErrorKind::ReadOnlyFilesystem => {
                        ("the file system is read-only".to_string(), "choose a file on a writable disk".to_string())
                    }
                    ErrorKind::StorageFull => {
                        ("the disk is full".to_string(), "free some space, or write to another disk".to_string())
                    }
                    _ => (e.to_string(), "check the path, its folder and the disk".to_string()),
                };
                (format!("cannot write {shown}: {why}"), help)
            }
        }
    }
}

/// Whether an existing file was written by crosscheck, as told by
/// [`replace_own_with`]'s `recognise`.
#[derive(Debug, PartialEq, Eq)]
pub enum Owner {
    /// Written by crosscheck and unchanged: it may be replaced.
    Ours,
    /// Written by crosscheck, then changed by a person.
    Changed,
    /// Not crosscheck's.
    NotOurs,
}

/// [`write_atomic`], but an existing, non-empty file is replaced only when
/// `force` is set or `recognise` (given the file, opened for reading, and its
/// length) finds it is crosscheck's own and unchanged, so a person's file is
/// never overwritten.
pub fn replace_own(
    path: &Path,
    contents: &[u8],
    force: bool,
    recognise: impl FnOnce(&mut fs::File, u64) -> io::Result<Owner>,
) -> Result<(), WriteError> {
    replace_own_with(path, force, recognise, |out| out.write_all(contents))
}

/// Check, without writing, that [`replace_own_with`] would write `path`: a
/// wrong `--output` is then refused before a long run, not after. A named
/// pipe is not opened (that would end its reader's input).
pub fn check_replaceable(
    path: &Path,
    force: bool,
    recognise: impl FnOnce(&mut fs::File, u64) -> io::Result<Owner>,
) -> Result<(), WriteError> {
    match target(path)? {
        Target::Missing => Ok(folder_is_there(folder_of(path))?),
        Target::File(meta) => owned(path, &meta, force, recognise),
        Target::Stream(_) => Ok(()),
        other => Err(other.refusal()),
    }
}

/// [`replace_own`], with the contents written by `write` as they are made;
/// `write` is not called when the file is not to be replaced.
///
/// A character device or a named pipe at `path` is written straight into,
/// never replaced (`--output /dev/null`, `--output /dev/stdout`); a pipe that
/// no program reads is an error ([`WriteError::NoReader`]), not a wait.
/// Anything else that is not a regular file is refused.
pub fn replace_own_with(
    path: &Path,
    force: bool,
    recognise: impl FnOnce(&mut fs::File, u64) -> io::Result<Owner>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    match target(path)? {
        Target::Missing => {}
        Target::File(meta) => owned(path, &meta, force, recognise)?,
        Target::Stream(_) => return write_into_stream(path, write),
        other => return Err(other.refusal()),
    }
    write_atomic_with(path, write)?;
    Ok(())
}

/// The folder a file at `path` goes in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Whether `dir` is a folder; the error is its kind alone, so that what
/// reports it names the file to be written, not the folder.
fn folder_is_there(dir: &Path) -> io::Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(io::Error::from(io::ErrorKind::NotADirectory)),
        Err(e) => Err(io::Error::from(e.kind())),
    }
}

/// Whether the regular file at `path` may be replaced.
fn owned(
    path: &Path,
    meta: &fs::Metadata,
    force: bool,
    recognise: impl FnOnce(&mut fs::File, u64) -> io::Result<Owner>,
) -> Result<(), WriteError> {
    if force {
        return Ok(());
    }
    if meta.permissions().readonly() {
        return Err(WriteError::ReadOnly);
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut file = fs::File::open(path)?;
    match recognise(&mut file, meta.len())? {
        Owner::Ours => Ok(()),
        Owner::Changed => Err(WriteError::Changed),
        Owner::NotOurs => Err(WriteError::NotOurs),
    }
}

/// Write into a character device or a named pipe, in order, as to standard
/// output. A pipe is opened without waiting for a reader: with none, the
/// open fails at once (ENXIO) instead of blocking for ever.
#[cfg(unix)]
fn write_into_stream(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    use rustix::fs::OFlags;
    use std::os::unix::fs::OpenOptionsExt;
    let file = fs::OpenOptions::new().write(true).custom_flags(OFlags::NONBLOCK.bits() as i32).open(path).map_err(
        |e| match e.raw_os_error() {
            Some(code) if code == rustix::io::Errno::NXIO.raw_os_error() => WriteError::NoReader,
            _ => WriteError::Io(e),
        },
    )?;
    // Opened: from here on, writes wait for the reader as any pipe's do.
    let flags = rustix::fs::fcntl_getfl(&file).map_err(io::Error::from)?;
    rustix::fs::fcntl_setfl(&file, flags - OFlags::NONBLOCK).map_err(io::Error::from)?;
    let mut out = io::BufWriter::with_capacity(1 << 16, file);
    match write(&mut out).and_then(|()| out.flush()) {
        // The reader stopped reading (`| head`): as on standard output, no error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        written => Ok(written?),
    }
}

#[cfg(not(unix))]
fn write_into_stream(_: &Path, _: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), WriteError> {
    Err(WriteError::NotAFile("not a regular file"))
}

/// Whether `dir` can be made where it is named: its parent folder must
/// exist, because only `dir` itself is created (a missing parent is more
/// likely a typo in the path than a wish for a chain of new folders). The
/// error is (what is wrong, what would be right).
pub fn check_parent(dir: &Path) -> Result<(), (String, String)> {
    let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) else { return Ok(()) };
    match fs::metadata(parent) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err((
            format!("'{}', where '{}' would be made, is not a folder", parent.display(), dir.display()),
            "give a path inside an existing folder".to_string(),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err((
            format!("the folder '{}' does not exist, so '{}' cannot be made in it", parent.display(), dir.display()),
            format!(
                "create it first (mkdir -p '{}') or fix the path; only the last folder of the path is made",
                parent.display()
            ),
        )),
        // Anything else (no permission to look) is met, and named, when the folder is made.
        Err(_) => Ok(()),
    }
}

/// Write a set of new files under `dir`, which must be missing or empty: the
/// tool never writes over a person's work. `dir` is made if missing, but not
/// its parent ([`check_parent`]); the folders inside it are made as needed;
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
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            check_parent(dir).map_err(|(message, _)| io::Error::new(io::ErrorKind::NotFound, message))?;
            fs::create_dir(dir)?
        }
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
        write_atomic(&path, text.as_bytes()).map_err(|e| match e {
            WriteError::Io(e) => e,
            other => io::Error::other(other.explain(&path, "--out", false).0),
        })
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

    /// A run stopped while it writes (`remove_pending`, from the signal
    /// thread): the temporary file goes, and the old file stays as it was.
    #[test]
    fn a_run_stopped_while_writing_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        fs::write(&path, "old").unwrap();
        let result = write_atomic_with(&path, |out| {
            out.write_all(b"half a rep")?;
            let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
            assert_eq!(names.len(), 2, "the temporary file is there while it is written: {names:?}");
            remove_pending_where(|p| p.starts_with(dir.path()));
            Ok(())
        });
        assert!(result.is_err(), "nothing is renamed into place");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("report.md")], "no temporary file left");
        assert!(PENDING.lock().unwrap().iter().all(|p| !p.starts_with(dir.path())), "unlisted when dropped");
    }

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
        let path = dir.path().join("no/such/out.txt");
        let err = write_atomic(&path, b"x").unwrap_err();
        assert!(matches!(&err, WriteError::Io(e) if e.kind() == io::ErrorKind::NotFound), "{err:?}");
        let (message, _) = err.explain(&path, "--reviews", false);
        assert_eq!(message, format!("cannot write {}: its folder does not exist", path.display()));
    }

    /// `recognise` for the tests: a file is ours when it starts with "OURS".
    fn ours(file: &mut fs::File, _: u64) -> io::Result<Owner> {
        use std::io::Read;
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        Ok(if text.starts_with("OURS") {
            Owner::Ours
        } else if text.contains("OURS") {
            Owner::Changed
        } else {
            Owner::NotOurs
        })
    }

    #[test]
    fn replaces_only_recognised_or_empty_files_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report");
        replace_own(&path, b"OURS 1", false, ours).unwrap();
        replace_own(&path, b"OURS 2", false, ours).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "OURS 2");
        fs::write(&path, "a person's notes").unwrap();
        assert!(matches!(replace_own(&path, b"OURS 3", false, ours), Err(WriteError::NotOurs)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "a person's notes");
        fs::write(&path, "notes on OURS").unwrap();
        assert!(matches!(replace_own(&path, b"OURS 3", false, ours), Err(WriteError::Changed)));
        assert!(matches!(check_replaceable(&path, false, ours), Err(WriteError::Changed)));
        assert_eq!(fs::read_to_string(&path).unwrap(), "notes on OURS");
        replace_own(&path, b"OURS 4", true, ours).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "OURS 4");
        fs::write(&path, "").unwrap();
        replace_own(&path, b"OURS 5", false, ours).unwrap();
        assert!(matches!(replace_own(dir.path(), b"x", true, ours), Err(WriteError::IsDir)));
        fs::write(&path, "a person's notes").unwrap();
        let called = std::cell::Cell::new(false);
        let refused = replace_own_with(&path, false, ours, |_| {
            called.set(true);
            Ok(())
        });
        assert!(matches!(refused, Err(WriteError::NotOurs)));
        assert!(!called.get(), "nothing is made for a file that is not ours");
    }

    /// A named pipe is never opened for reading nor replaced: with no reader
    /// the write fails at once; with one, the report goes into the pipe.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_into_never_waited_on_nor_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        use rustix::fs::{FileType, Mode, CWD};
        rustix::fs::mknodat(CWD, &pipe, FileType::Fifo, Mode::from_raw_mode(0o600), 0).unwrap();
        let (done, finished) = std::sync::mpsc::channel();
        let writer = pipe.clone();
        std::thread::spawn(move || {
            let _ = done.send(replace_own(&writer, b"OURS", true, ours).map_err(|e| format!("{e:?}")));
        });
        let result = finished.recv_timeout(std::time::Duration::from_secs(10)).expect("no hang on a pipe nobody reads");
        assert_eq!(result, Err("NoReader".to_string()));
        assert!(check_replaceable(&pipe, false, ours).is_ok(), "the check does not open the pipe");
        let reader = std::thread::spawn({
            let pipe = pipe.clone();
            move || fs::read_to_string(pipe).unwrap()
        });
        // The reader opens the pipe soon: keep trying until it has.
        let start = std::time::Instant::now();
        loop {
            match replace_own(&pipe, b"OURS report", false, ours) {
                Ok(()) => break,
                Err(WriteError::NoReader) if start.elapsed().as_secs() < 10 => {
                    std::thread::sleep(std::time::Duration::from_millis(10))
                }
                Err(e) => panic!("{e:?}"),
            }
        }
        assert_eq!(reader.join().unwrap(), "OURS report");
        assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo(), "still a pipe");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_into_and_a_socket_refused() {
        let dir = tempfile::tempdir().unwrap();
        let null = dir.path().join("null");
        std::os::unix::fs::symlink("/dev/null", &null).unwrap();
        replace_own(&null, b"a report", false, ours).unwrap();
        assert!(fs::symlink_metadata(&null).unwrap().file_type().is_symlink());
        assert!(matches!(target(Path::new("/dev/null")), Ok(Target::Stream("a character device"))));
        // write_atomic (reviews.yaml, an imported corpus) never writes into a device
        assert!(matches!(write_atomic(&null, b"x"), Err(WriteError::NotAFile("a character device"))));
        let socket = dir.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        assert!(matches!(replace_own(&socket, b"x", true, ours), Err(WriteError::NotAFile("a socket"))));
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink(dir.path().join("nothing"), &dangling).unwrap();
        assert!(matches!(write_atomic(&dangling, b"x"), Err(WriteError::NotAFile(_))));
        assert!(fs::symlink_metadata(&socket).is_ok() && !dir.path().join("nothing").exists());
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

    #[test]
    fn a_new_tree_makes_its_folder_but_not_a_missing_parent() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![(std::path::PathBuf::from("a/b.txt"), "x".to_string())];
        let err = write_new_tree(&dir.path().join("typo/out"), &files).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert!(err.to_string().contains("typo' does not exist"), "{err}");
        assert!(!dir.path().join("typo").exists());
        std::fs::write(dir.path().join("file"), "").unwrap();
        assert!(check_parent(&dir.path().join("file/out")).unwrap_err().0.contains("is not a folder"));
        assert!(check_parent(Path::new("out")).is_ok(), "the current folder");
        assert!(check_parent(Path::new("/")).is_ok());
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
