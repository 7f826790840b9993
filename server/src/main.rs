//! passerelle-server: Chorus Pro-compatible sandbox, PISTE gateway, and host of the SPA.

fn main() {}
