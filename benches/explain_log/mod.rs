//! The generated log that measures msdk-explain: realistic gateway lines (a timestamp,
//! some fields, the endpoint path, then the JSON response), 60% of them failures, over
//! mixed endpoints. One generator for `benches/explain.rs` and `cargo xtask
//! explain-log` (which `scripts/explain-vs-jq.sh` runs), so that both measure the same
//! input. Reproducible: a fixed pseudo-random sequence, no dependency.

/// An endpoint and the responses it gets, ten slots each: four successes and six
/// failures, so that 60% of the lines are failures whichever endpoint they come from.
const ENDPOINTS: [(&str, [&str; 10]); 4] = [
    (
        "/auth/verify_login",
        [
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
            r#"{"ret":-20000,"msg":"42001，access_token expired","err_type":3}"#,
            r#"{"ret":-20000,"msg":"40001,invalid credential","err_type":2}"#,
            r#"{"ret":-15000,"msg":"oidb decode0x73a failed, ret:17","err_type":5}"#,
            r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
            r#"{"ret":-2345,"msg":"something new"}"#,
        ],
    ),
    (
        "/relation/qqfriends_detail",
        [
            FRIENDS,
            FRIENDS,
            FRIENDS,
            FRIENDS,
            r#"{"ret":-10000,"msg":"-6,api rate limit","err_type":1}"#,
            r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
            r#"{"ret":-20000,"msg":"61451,invalid parameter"}"#,
            r#"{"ret":-307,"msg":"服务器内部错误","err_type":1}"#,
            r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
            r#"{"ret":-2345,"msg":"something new"}"#,
        ],
    ),
    (
        "/share/qq",
        [
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":0,"msg":"success","err_type":0}"#,
            r#"{"ret":100000,"msg":"鉴权错误"}"#,
            r#"{"ret":100000,"msg":"鉴权错误"}"#,
            r#"{"ret":2,"msg":"参数错误"}"#,
            r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
            r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
            r#"{"ret":-307,"msg":"服务器内部错误","err_type":1}"#,
        ],
    ),
    (
        "/profile/qqprofile",
        [
            PROFILE,
            PROFILE,
            PROFILE,
            PROFILE,
            r#"{"ret":-10000,"msg":"-73,the user modify password wrong","err_type":2}"#,
            r#"{"ret":-15000,"msg":"oidb decode0x711 failed, ret:16"}"#,
            r#"{"ret":-20000,"msg":"42001，access_token expired","err_type":3}"#,
            r#"{"ret":-503,"msg":"频率超限","err_type":1}"#,
            r#"{"ret":-304,"msg":"请求参数不是json格式"}"#,
            r#"{"ret":-2345,"msg":"something new"}"#,
        ],
    ),
];

const FRIENDS: &str = r#"{"ret":0,"msg":"success","err_type":0,"lists":[{"openid":"4F2E8C00A1B2C3D4E5F6A7B8C9D0E1F2","nickName":"玩家小明","figureurl":"http:\/\/q.qlogo.cn\/qqapp\/100703379\/4F2E8C00\/100","level":3}]}"#;
const PROFILE: &str = r#"{"ret":0,"msg":"success","err_type":0,"nickName":"玩家小明","gender":"男","picture":"http:\/\/q.qlogo.cn\/qqapp\/100703379\/4F2E8C00\/40","level":12}"#;

/// A log of at least `size` bytes, line by line: `2026-11-24 10:00:01.123 INFO
/// [gateway-3] req=… openid=… api=/share/qq cost=…ms resp={…}`. Returns the log and
/// its line count.
pub fn log(size: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(size + 1024);
    let mut lines = 0;
    for_each_line(|line| {
        if out.len() >= size {
            return false;
        }
        out.extend_from_slice(line.as_bytes());
        lines += 1;
        true
    });
    (out, lines)
}

/// Calls `emit` with each line of the log, its `\n` included, until `emit` says stop.
pub fn for_each_line(mut emit: impl FnMut(&str) -> bool) {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut line = String::new();
    use std::fmt::Write;
    loop {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        let (path, responses) = ENDPOINTS[r % ENDPOINTS.len()];
        line.clear();
        // Writing to a String cannot fail.
        let _ = writeln!(
            line,
            "2026-11-24 10:{:02}:{:02}.{:03} INFO [gateway-{}] req={:08x} openid={:016X}{:016X} api={path} cost={}ms resp={}",
            (r / 7) % 60,
            (r / 420) % 60,
            r % 1000,
            r % 8,
            state as u32,
            state,
            state.rotate_left(17).wrapping_mul(0x9E37_79B9_7F4A_7C15),
            r % 500,
            responses[(r / ENDPOINTS.len()) % responses.len()],
        );
        if !emit(&line) {
            return;
        }
    }
}
