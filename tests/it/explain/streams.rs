//! Output that fails: a reader that closes stdout is a quiet exit, other write errors
//! are reported, and a closed stderr does not stop the explanations.

use std::io::{self, Write};

use super::cli;

/// A writer that takes `room` bytes, then fails with `kind`.
struct Failing {
    room: usize,
    kind: io::ErrorKind,
}

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(self.kind.into());
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_stdout_is_a_quiet_exit_other_write_errors_are_reported() {
    let responses = "{\"ret\":1}\n".repeat(100);
    let cases: &[(&[&str], &str)] = &[
        (&["--catalog"], ""),
        (&["--catalog", "--format", "csv"], ""),
        (&["--catalog", "--json"], ""),
        (&["--help"], ""),
        (&["--version"], ""),
        (&["-10000", "-73,x"], ""),
        (&["--json"], &responses),
        (&[], &responses),
    ];
    for (args, stdin) in cases {
        for room in [0, 10] {
            for kind in [io::ErrorKind::BrokenPipe, io::ErrorKind::StorageFull] {
                let mut out = Failing { room, kind };
                let mut err = Vec::new();
                let status = cli::run(
                    args.iter().copied(),
                    &mut stdin.as_bytes(),
                    &mut out,
                    &mut err,
                    false,
                );
                let err = String::from_utf8(err).unwrap();
                if kind == io::ErrorKind::BrokenPipe {
                    assert_eq!((status, err.as_str()), (0, ""), "{args:?}");
                } else {
                    assert_eq!(status, cli::BAD_INPUT, "{args:?}");
                    assert!(err.starts_with("msdk-explain: "), "{args:?}: {err}");
                }
            }
        }
    }
}

#[test]
fn a_closed_stderr_does_not_stop_the_explanations() {
    let mut out = Vec::new();
    let mut err = Failing {
        room: 0,
        kind: io::ErrorKind::BrokenPipe,
    };
    let status = cli::run(
        [] as [&str; 0],
        &mut &b"bad\n{\"ret\":1}\n"[..],
        &mut out,
        &mut err,
        false,
    );
    assert_eq!(status, cli::BAD_INPUT);
    assert!(String::from_utf8(out).unwrap().starts_with("line 2: ret 1"));
}
