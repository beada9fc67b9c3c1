//! Placeholder until the actors benchmark lands.
fn main() {}
