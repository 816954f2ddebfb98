//! The real msdk-explain binary, for what only a process shows: `--version`, exit
//! statuses, standard input that is garbage or one huge line, and a stdout closed by the
//! reader (`msdk-explain --catalog | head -1`); and each behaviour of issue 21 end to
//! end: logs on standard input in `logs`, codes, bodies and the catalog as arguments in
//! `codes`.

mod codes;
mod logs;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;

const BIN: &str = env!("CARGO_BIN_EXE_msdk-explain");

/// Starts the binary with every stream piped, `stdin` written from a thread so that a
/// full stdout pipe cannot deadlock the test.
fn spawn(args: &[&str], stdin: Vec<u8>) -> (Child, JoinHandle<()>) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // The tool may stop reading early; a broken pipe here is its choice.
        let _ = pipe.write_all(&stdin);
    });
    (child, writer)
}

/// Runs the binary with `stdin` to the end.
fn run(args: &[&str], stdin: Vec<u8>) -> Output {
    let (child, writer) = spawn(args, stdin);
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// xorshift64: reproducible garbage without a dependency.
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 32) as u8
        })
        .collect()
}

#[test]
fn version_and_usage_errors() {
    let output = run(&["--version"], Vec::new());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stdout),
        format!("msdk-explain {}\n", env!("CARGO_PKG_VERSION"))
    );

    let output = run(&["--json=false", "1"], Vec::new());
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).starts_with("error: unexpected value 'false' for '--json'"));

    let output = run(
        &["-10000", "-73,the user modify password wrong"],
        Vec::new(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("decision           reauthorize"));
}

#[test]
fn stdin_with_cr_only_line_endings() {
    let input =
        b"{\"ret\":-10000,\"msg\":\"-73,x\"}\r{\"ret\":0}\rnot json\r{\"ret\":-503}".to_vec();
    let output = run(&[], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.starts_with("line 3: no JSON object"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let stdout = text(&output.stdout);
    assert_eq!(stdout.matches("\n\n").count(), 3, "{stdout}");
    assert!(
        stdout.contains("TokenInvalidatedByPasswordChange"),
        "{stdout}"
    );
    assert!(stdout.contains("RateLimitExceeded"), "{stdout}");
}

#[test]
fn binary_garbage_is_reported_line_by_line() {
    // Random bytes: NULs, invalid UTF-8, braces and line breaks among them; then one
    // megabyte of the same without line breaks, with a brace so the JSON reader runs.
    let mut input = garbage(256 * 1024, 0x9E37_79B9_7F4A_7C15);
    assert!(input.contains(&0) && input.contains(&b'{') && std::str::from_utf8(&input).is_err());
    let mut long: Vec<u8> = garbage(1 << 20, 42)
        .into_iter()
        .filter(|b| !matches!(b, b'\n' | b'\r'))
        .collect();
    long[1000] = b'{';
    input.push(b'\n');
    input.extend_from_slice(&long);
    let output = run(&[], input);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.lines().count() > 100, "{stderr}");
    for line in stderr.lines() {
        assert!(line.starts_with("line "), "{line}");
    }
    assert!(stderr.contains(": no JSON object"), "{stderr}");
    assert!(stderr.contains(": invalid MSDK response"), "{stderr}");
}

#[test]
fn a_single_5_mb_line() {
    let mut response = br#"{"ret":-20000,"msg":"42001,access_token expired","lists":[""#.to_vec();
    response.extend(std::iter::repeat_n(b'a', 5 << 20));
    response.extend_from_slice(b"\"]}\n");
    let output = run(&["--json"], response);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["name"], "AccessTokenExpired");

    let output = run(&[], vec![b'x'; 5 << 20]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "line 1: no JSON object (no '{') in the line\n"
    );
}

/// Starts the binary with stdout piped, reads one line, closes the pipe, and waits: the
/// tool must stop by itself, quietly (status 0, or killed by SIGPIPE).
fn reader_closes_after_one_line(args: &[&str], stdin: Vec<u8>) {
    let (mut child, writer) = spawn(args, stdin);
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "{args:?}");
    drop(stdout);
    // wait_with_output reads stderr to the end; stdout is already closed.
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "", "{args:?}");
    #[cfg(unix)]
    let killed_by_sigpipe = {
        use std::os::unix::process::ExitStatusExt;
        output.status.signal() == Some(13)
    };
    #[cfg(not(unix))]
    let killed_by_sigpipe = false;
    assert!(
        output.status.code() == Some(0) || killed_by_sigpipe,
        "{args:?}: {:?}",
        output.status
    );
}

#[test]
fn a_closed_stdout_is_a_quiet_exit() {
    // The Markdown catalog (over 80 KB) and the JSON one are larger than a pipe's
    // buffer, so the tool is still writing when the reader goes away.
    reader_closes_after_one_line(&["--catalog"], Vec::new());
    reader_closes_after_one_line(&["--catalog", "--format", "json"], Vec::new());
    // And while reading standard input, which it stops reading.
    let responses = "{\"ret\":-10000,\"msg\":\"-73,x\"}\n".repeat(50_000);
    reader_closes_after_one_line(&[], responses.into_bytes());
}

/// Runs the binary and returns (status, stdout, stderr).
fn run_text(args: &[&str], stdin: &str) -> (i32, String, String) {
    let output = run(args, stdin.as_bytes().to_vec());
    (
        output.status.code().unwrap_or(-1),
        text(&output.stdout),
        text(&output.stderr),
    )
}

/// A file in the system's temporary folder, removed on drop. Its name holds the
/// process id and `name`, so that tests running at once never share one.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("msdk-explain-bin-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        // Best effort: a file left behind in the temporary folder fails nothing.
        let _ = std::fs::remove_file(&self.0);
    }
}
