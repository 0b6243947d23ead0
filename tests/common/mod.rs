//! What the integration tests share: where the crate is, running the real
//! binary, copying a corpus into a scratch folder. Each test file uses a
//! part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's folder (the bundled corpus is `claims/` and `articles/` there).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A folder under `tests/fixtures/`.
pub fn fixture(path: &str) -> PathBuf {
    root().join("tests/fixtures").join(path)
}

/// What one run of the binary printed, and its exit code.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The binary with `args`, run in `dir`, without colour.
pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_crosscheck"));
    cmd.args(args).current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Run `cmd`; a panic of the binary fails the test whatever it was checking.
pub fn finish(mut cmd: Command) -> Run {
    let out = cmd.output().expect("the binary runs");
    let run = Run {
        code: out.status.code().expect("exited with a code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked:\n{}", run.stderr);
    run
}

/// The binary with `args`, run in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    finish(command(dir, args))
}

/// Copy a folder tree (a corpus into a scratch folder).
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// [`finish`], but a run that has not ended after `seconds` is killed and
/// fails the test: a regression that hangs (on a named pipe, say) fails
/// instead of stopping the test run.
pub fn finish_within(mut cmd: Command, seconds: u64) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("the binary runs");
    let drain = |mut from: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            from.read_to_string(&mut text).expect("UTF-8 output");
            text
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed().as_secs() >= seconds {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the binary did not finish within {seconds} s: it hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().expect("exited with a code, not a signal"),
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    assert!(!run.stderr.contains("panicked"), "the binary panicked:\n{}", run.stderr);
    run
}

/// Make a named pipe at `path` with `mkfifo`; false when there is no mkfifo.
pub fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo").arg(path).status().is_ok_and(|s| s.success())
}
