//! Python-style generators for stable Rust.
//!
//! Write a function with `r#yield!` and `yield_from!` in it, put `#[generator]` on it, and it
//! becomes a state machine implementing [`Generator`]: no allocation, no `unsafe`, no nightly.
//!
//! ```
//! use gen_core::prelude::*;
//!
//! #[generator]
//! fn fib() -> impl Generator<Yield = u64, Return = ()> {
//!     let (mut current, mut next) = (0, 1);
//!     loop {
//!         r#yield!(current);
//!         (current, next) = (next, current + next);
//!     }
//! }
//!
//! let firsts: Vec<u64> = fib().iter().take(10).collect();
//! assert_eq!(firsts, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
//! ```
//!
//! See the crate's README for the rules (the first resume, which locals a suspension keeps,
//! why the attribute form spells the marker `r#yield!`) and the schedulers built on top.

#![deny(missing_docs)]

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

extern crate self as gen_core;

#[doc(hidden)]
pub mod __private;
mod adapters;
mod generator;
mod markers;

pub use adapters::{FromIter, Iter, from_iter};
pub use gen_macros::{generator, generators};
pub use generator::{
    BoxGenerator, BoxSendGenerator, Generator, GeneratorExt, GeneratorState, UnitGeneratorExt,
};

/// Everything a generator author needs: `use gen_core::prelude::*;`.
pub mod prelude {
    pub use crate::{
        Generator, GeneratorExt, GeneratorState, UnitGeneratorExt, generator, generators, r#yield,
        yield_from,
    };
}
