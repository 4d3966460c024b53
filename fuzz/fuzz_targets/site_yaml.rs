//! Fuzz target `site_yaml`: see [`harness::site_yaml`] for what one input does and
//! what must hold afterwards.
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| harness::site_yaml(data));
