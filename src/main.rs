//! Passerelle SPA entry point.

fn main() {}
