//! Placeholder until the scheduler benchmark lands.
fn main() {}
