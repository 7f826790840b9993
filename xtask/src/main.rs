//! `cargo xtask run` and `cargo xtask test`: set-up, build, run, all tests.

fn main() {}
