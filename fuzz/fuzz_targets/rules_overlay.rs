//! A county's parameter overlay with awkward values (negative, huge, tiny, of the wrong kind),
//! laid over the embedded rules; each seed household (or a mutation of one) is evaluated under
//! it. Loading may refuse the overlay; evaluation must answer, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (head, tail) = data.split_at(data.len().min(48));
    let overlay = jiuzhu_fuzz::mutate::overlay(head);
    let case = if tail.is_empty() {
        {
            let seeds = jiuzhu_fuzz::mutate::SEEDS;
            seeds[usize::from(head.first().copied().unwrap_or(0)) % seeds.len()].to_owned()
        }
    } else {
        jiuzhu_fuzz::mutate::mutated_case(tail)
    };
    if let Some(problem) = jiuzhu_fuzz::mutate::overlay_problem(&overlay, &case) {
        panic!("{problem}\noverlay:\n{overlay}");
    }
});
