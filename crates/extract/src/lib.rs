//! PDF invoice field extraction: Factur-X XML when embedded, else the text layer of the first pages.
//!
//! **Invariant:** no IO, no network, no clock; builds for the host and for wasm32; never panics on input.
