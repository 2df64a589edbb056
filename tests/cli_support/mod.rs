//! Running the real `castlist` binary as a user does, for the CLI tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs castlist with these arguments and standard input; its output and status.
pub fn castlist(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_castlist"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the castlist binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may stop reading early (on an error): a broken pipe is fine then.
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("castlist finishes");
    writer.join().expect("the writer thread ends");
    out
}

#[allow(dead_code)] // not every test file reads standard output as text
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A file with these bytes in a temporary folder of this test process (`tag` names the test
/// file, so that parallel test binaries do not share one).
pub fn temp_file(tag: &str, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("castlist-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}
