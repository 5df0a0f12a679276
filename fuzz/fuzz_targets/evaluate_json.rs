//! `evaluate_json` on arbitrary bytes (read as UTF-8, lossily), checking the answer's shape.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let answer = jiuzhu::evaluate_json(&text);
    if let Some(problem) = jiuzhu_fuzz::mutate::answer_problem(&answer) {
        panic!("{problem}: {answer}");
    }
});
