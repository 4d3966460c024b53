//! Fuzz target `markdown`: see [`harness::markdown`] for what one input does and
//! what must hold afterwards.
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::markdown(data));
