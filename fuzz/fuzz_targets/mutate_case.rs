//! Structure-aware: the bytes choose a seed household and edits to it; the mutated case goes
//! through `evaluate_json` twice, which must give a well-formed, byte-identical answer; a case
//! that reads, and its determination, must survive a JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let case = jiuzhu_fuzz::mutate::mutated_case(data);
    let answer = jiuzhu::evaluate_json(&case);
    if let Some(problem) = jiuzhu_fuzz::mutate::answer_problem(&answer) {
        panic!("{problem}: {answer}");
    }
    assert_eq!(answer, jiuzhu::evaluate_json(&case), "not deterministic");
    if let Some(problem) = jiuzhu_fuzz::mutate::round_trip_problem(&case) {
        panic!("{problem}");
    }
});
