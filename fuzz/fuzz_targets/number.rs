//! The number reader over arbitrary text: never a panic, and a reading is a
//! range whose low end is not above its high end.
#![no_main]

use crosscheck::normalize::number::read_number;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(expr) = std::str::from_utf8(data) else { return };
    if let Ok(reading) = read_number(expr) {
        for end in [reading.low, reading.high].into_iter().flatten() {
            assert!(!end.is_nan(), "{expr:?}: {reading:?}");
        }
        if let (Some(low), Some(high)) = (reading.low, reading.high) {
            assert!(low <= high, "{expr:?}: {reading:?}");
        }
    }
});
