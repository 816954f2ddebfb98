//! Writes the fuzz targets' seed corpus from the crate's own fixtures.
//!
//! ```text
//! cargo xtask fuzz-corpus [DIR]    (default fuzz/corpus)
//! ```
//!
//! One folder per target, with a few files each: the fixtures of the first codes of
//! every table, and the edge cases the docs name. The files are named `seed-*`; stale
//! `seed-*` files are removed, any other file (an input a fuzzer found, kept on purpose)
//! is left alone. The output depends on the crate alone, so CI can check that the
//! committed corpus is what this writes.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;
use std::process::ExitCode;

use msdk_error_codes::catalog::ExportRow;
use msdk_error_codes::retry::Step;
use msdk_error_codes::{
    Action, Api, Backoff, Classification, Code, Decision, ErrType, Layer, LogicRange, MsdkCode,
    Overrides, classify_for, fixtures,
};

/// Fixtures per table: enough to reach every layer's rules, few enough to stay small.
const PER_LAYER: usize = 2;

/// target -> file name (without `seed-`) -> contents.
type Corpus = BTreeMap<&'static str, BTreeMap<String, Vec<u8>>>;

pub fn run(root: &Path) -> ExitCode {
    match write(root, &corpus()) {
        Ok(count) => {
            println!("wrote {count} seed files under {}", root.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write the corpus under {}: {e}", root.display());
            ExitCode::FAILURE
        }
    }
}

fn write(root: &Path, corpus: &Corpus) -> io::Result<usize> {
    let mut count = 0;
    for (target, files) in corpus {
        let dir = root.join(target);
        fs::create_dir_all(&dir)?;
        for entry in fs::read_dir(&dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let stale = name
                .to_str()
                .and_then(|n| n.strip_prefix("seed-"))
                .is_some_and(|n| !files.contains_key(n));
            if stale {
                fs::remove_file(entry.path())?;
            }
        }
        for (name, contents) in files {
            fs::write(dir.join(format!("seed-{name}")), contents)?;
            count += 1;
        }
    }
    Ok(count)
}

/// A file name from free text: lower-case ASCII letters, digits, `_` and `-`, with `n` for
/// the minus of a negative number (`access:-303` is `access-n303`).
fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            'a'..='z' | '0'..='9' | '_' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '-' if chars.peek().is_some_and(char::is_ascii_digit) => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
                out.push('n');
            }
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// The first codes of every table.
fn sample() -> Vec<MsdkCode> {
    Layer::ALL
        .into_iter()
        .flat_map(|layer| {
            msdk_error_codes::catalog()
                .filter(move |code| code.layer() == layer)
                .take(PER_LAYER)
        })
        .collect()
}

fn corpus() -> Corpus {
    let mut corpus = Corpus::new();
    let sample = sample();
    let in_sample = |code: &MsdkCode| sample.contains(code);

    // Bodies, for the readers.
    let mut bodies: BTreeMap<String, Vec<u8>> = fixtures()
        .filter(|f| in_sample(&f.code()))
        .map(|f| {
            (
                slug(&Code::from(f.code()).to_string()),
                f.to_json().into_bytes(),
            )
        })
        .collect();
    for (name, body) in [
        (
            "success-friends",
            r#"{"ret":0,"msg":"success","err_type":0,"lists":[{"openid":"A1","nickName":"小明","gender":1}],"total":1}"#,
        ),
        (
            "success-escaped",
            r#"{"ret":"0","msg":"su\u0063cess","lists":[{"openid":"A\/1","nickName":"\ud83d\ude00"}]}"#,
        ),
        (
            "ret-last",
            r#"{"lists":[{"openid":"A1"}],"msg":"42001,access_token expired","ret":-20000}"#,
        ),
        (
            "full-width-comma",
            r#"{"ret":-10000,"msg":"-73，the user modify password wrong","err_type":2}"#,
        ),
        (
            "oidb",
            r#"{"ret":-15000,"msg":"oidb decode0x73a failed, ret:17"}"#,
        ),
        (
            "lone-surrogate-payload",
            r#"{"ret":-20000,"msg":"42001,expired","lists":[{"nick":"\ud83d"}]}"#,
        ),
        (
            "lone-surrogate-msg",
            r#"{"ret":-20000,"msg":"42001,\udc00"}"#,
        ),
        ("escaped-key", r#"{"r\u0065t":-503,"msg":"x"}"#),
        (
            "ret-string-plus",
            r#"{"ret":"+5","msg":"x","err_type":"1"}"#,
        ),
        ("ret-minus-zero", r#"{"ret":-0,"msg":"success"}"#),
        ("ret-float", r#"{"ret":1e-400}"#),
        ("ret-duplicate", r#"{"ret":0,"ret":-1}"#),
        (
            "nested",
            r#"{"ret":-1,"msg":"x","a":[[{"b":[{}]}],[[[1.5e3,true,null]]]]}"#,
        ),
        ("log-line", r#"{"ret":-503,"msg":"频率超限"} took 3 ms"#),
        ("not-an-object", "[1,2]"),
    ] {
        bodies.insert(name.to_owned(), body.as_bytes().to_vec());
    }
    corpus.insert("response", bodies.clone());
    corpus.insert("envelope", bodies);

    // ret, the err_type tag and err_type, msg: the classify target's form.
    let mut classify: BTreeMap<String, Vec<u8>> = fixtures()
        .filter(|f| in_sample(&f.code()))
        .map(|f| {
            let r = f.response();
            let name = slug(&Code::from(f.code()).to_string());
            (name, encode(r.ret(), r.server_err_type(), r.msg()))
        })
        .collect();
    classify.insert("success".into(), encode(0, Some(0), "success"));
    classify.insert(
        "undocumented".into(),
        encode(-20000, None, "61451,invalid parameter"),
    );
    classify.insert(
        "oidb-token".into(),
        encode(-15001, None, "oidb decode0x711 failed, ret:16"),
    );
    corpus.insert("classify", classify);

    // Override files: rows of the export, the README's example.
    let rows = |codes: &[MsdkCode]| {
        let rows: Vec<ExportRow> = codes.iter().map(|&c| ExportRow::of(c)).collect();
        serde_json::to_vec_pretty(&rows).expect("export rows serialise")
    };
    let mut overrides = BTreeMap::new();
    overrides.insert("export".to_owned(), rows(&sample[..3]));
    overrides.insert(
        "readme".to_owned(),
        br#"[
  {"layer": "wechat_platform", "code": 40001, "err_type": 3, "action": "refresh_token"},
  {"layer": "wechat_platform", "code": 61451, "err_type": "network_unstable", "action": "retry_later",
   "description_en": "Invalid parameter (undocumented)"}
]"#
        .to_vec(),
    );
    // Seeds that the crate refuses would start the fuzzer on the error paths only.
    for (name, file) in &overrides {
        let text = std::str::from_utf8(file).expect("UTF-8");
        if let Err(e) = Overrides::from_json(text) {
            panic!("the seed override file {name} is refused: {e}");
        }
    }
    corpus.insert("overrides", overrides);

    // Every name FromStr reads, in each of its forms, and one variant per table.
    let mut names = Vec::<String>::new();
    names.extend(
        Layer::ALL
            .iter()
            .flat_map(|l| [l.as_str().into(), l.to_string()]),
    );
    names.extend(Action::ALL.iter().map(|a| a.as_str().into()));
    names.extend(Decision::ALL.iter().map(|d| d.as_str().into()));
    names.extend(Backoff::ALL.iter().map(|b| b.as_str().into()));
    names.extend(LogicRange::ALL.iter().map(|r| r.as_str().into()));
    names.extend(
        Api::ALL
            .iter()
            .flat_map(|a| [a.as_str().into(), a.alias().into()]),
    );
    names.extend(
        ErrType::ALL
            .iter()
            .flat_map(|e| [e.as_str().into(), e.to_string()]),
    );
    names.extend(sample.iter().step_by(PER_LAYER).map(|c| c.name().into()));
    names.extend(sample.iter().map(|&c| Code::from(c).to_string()));
    names.extend(["not_sent", "maybe_sent", "status:502"].map(String::from));
    names.sort();
    names.dedup();
    let mut files = BTreeMap::new();
    for name in names {
        // `Success` (a variant) and `success` (a decision) differ in case alone.
        let mut file = slug(&name);
        while files.contains_key(&file) {
            file.push_str("-again");
        }
        files.insert(file, name.into_bytes());
    }
    corpus.insert("names", files);

    let paths = [
        "/share/qq",
        "http://msdktest.qq.com/share/qzone/?timestamp=1&appid=2",
        "/auth/verify_login/",
        "/share//%71q;jsessionid=1/.",
        "/share/x/../qq",
        "/share/wechat",
        "http://h/share\\q\tq",
    ];
    corpus.insert(
        "from_path",
        paths
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("{i}-{}", slug(p)), p.as_bytes().to_vec()))
            .collect(),
    );

    // Stored forms: errors of every kind of classification, steps, codes.
    let stored_error = |c: Classification<'_>| {
        serde_json::to_vec(&c.to_error().expect("a failure")).expect("an error serialises")
    };
    let mut stored = BTreeMap::new();
    for (name, api, ret, msg) in [
        (
            "error-passthrough",
            Api::Generic,
            -10000,
            "-73,the user modify password wrong",
        ),
        (
            "error-undocumented",
            Api::Generic,
            -20000,
            "61451,invalid parameter",
        ),
        (
            "error-oidb",
            Api::Generic,
            -15000,
            "oidb decode0x73a failed, ret:17",
        ),
        ("error-share", Api::QqShare, 100000, ""),
        ("error-logic-range", Api::Generic, -12345, "x"),
    ] {
        stored.insert(name.to_owned(), stored_error(classify_for(api, ret, msg)));
    }
    for step in [
        Step::Stop,
        Step::RefreshThenRetry,
        Step::RetryAfter(std::time::Duration::from_millis(1500)),
    ] {
        let json = serde_json::to_vec(&step).expect("a step serialises");
        stored.insert(format!("step-{}", slug(step.as_str())), json);
    }
    let code = sample[0];
    stored.insert(
        "msdk-code".to_owned(),
        serde_json::to_vec(&code).expect("a code serialises"),
    );
    corpus.insert("stored", stored);
    corpus
}

/// The classify target's input.
fn encode(ret: i32, err_type: Option<i32>, msg: &str) -> Vec<u8> {
    let mut out = ret.to_le_bytes().to_vec();
    out.push(u8::from(err_type.is_some()));
    out.extend(err_type.unwrap_or(0).to_le_bytes());
    out.extend(msg.as_bytes());
    out
}
