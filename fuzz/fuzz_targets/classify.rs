//! `classify_for` over every `Api` (`Api::ALL`), with and without the server's
//! `err_type`: see `check_classification` for the promises (a failed `ret` never reads
//! as success, the input is kept exactly, the owned error reads back as stored, ...).
//!
//! The input: `ret` as 4 bytes little-endian, a tag byte (odd: an `err_type` follows),
//! `err_type` as 4 bytes little-endian, then `msg`, read as UTF-8 with invalid bytes
//! replaced (`cargo xtask fuzz-corpus` writes the fixtures in this form). Missing bytes
//! are zeros.

#![no_main]

use libfuzzer_sys::fuzz_target;
use msdk_error_codes_fuzz::check_classification;

fuzz_target!(|data: &[u8]| {
    let mut head = [0u8; 9];
    let split = data.len().min(head.len());
    head[..split].copy_from_slice(&data[..split]);
    let ret = i32::from_le_bytes(head[..4].try_into().unwrap());
    let err_type = (head[4] & 1 == 1).then(|| i32::from_le_bytes(head[5..9].try_into().unwrap()));
    let msg = String::from_utf8_lossy(&data[split..]);
    check_classification(ret, &msg, err_type);
});
