//! Invoice domain: model, EN 16931 computation, Chorus Pro validation rules and payment clock.
//!
//! **Invariant:** no IO, no network, no clock; builds for the host and for wasm32.
