//! Prints `size_of_val` of each implementation's generator per workload.
//! Run: `cargo run -p gen-benches --example sizes --release`.
#[path = "../common/workloads.rs"]
mod workloads;
use workloads::*;

fn main() {
    println!("{:?}", std::mem::size_of_val(&ours::counter(3)));
    println!("{:?}", std::mem::size_of_val(&diapause_impl::counter(3)));
}
