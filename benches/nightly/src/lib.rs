//! See benches/nightly.rs.
