//! The fast YAML reader against yaml-rust2: wherever the fast reader reads a
//! text, it must build the very tree yaml-rust2 builds (same scalars, same
//! line and column on every node); elsewhere it must leave the text alone.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Err(e) = crosscheck::load::yaml::fast_reader_agrees(text) {
        panic!("{e}");
    }
});
