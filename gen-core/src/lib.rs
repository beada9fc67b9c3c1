//! Python-style generators for stable Rust.
//!
//! Write a function with `r#yield!` and `yield_from!` in it, put `#[generator]` on it, and it
//! becomes a state machine implementing [`Generator`]: no allocation, no `unsafe` in the code it
//! expands to, no nightly.
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
pub mod actor;
mod adapters;
mod delegation;
mod generator;
mod markers;
pub mod scheduler;

pub use adapters::{FromIter, Iter, from_iter};
/// Turns a function whose body uses [`r#yield!`](macro.yield.html) and
/// [`yield_from!`](macro@crate::yield_from) into a generator.
///
/// The function returns `impl Generator<Yield = Y, Return = T>` (resumed with `()`),
/// `impl Generator<R, Yield = Y, Return = T>` (resumed with values of type `R`) or
/// `impl Iterator<Item = Y>`, optionally `+ Send`, `+ Clone`, `+ Unpin`, `+ 'a`. Calling it runs
/// nothing: it stores the arguments in the generator's initial state.
///
/// ```
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn countdown(from: u32) -> impl Generator<Yield = u32, Return = &'static str> {
///     let mut n = from;
///     while n > 0 {
///         r#yield!(n);
///         n -= 1;
///     }
///     "liftoff"
/// }
///
/// let mut g = countdown(2);
/// assert_eq!(g.advance(), GeneratorState::Yielded(2));
/// assert_eq!(g.advance(), GeneratorState::Yielded(1));
/// assert_eq!(g.advance(), GeneratorState::Complete("liftoff"));
/// ```
///
/// Methods work too, taking `self`, `&self` or `&mut self`:
///
/// ```
/// use gen_core::prelude::*;
///
/// struct Deck(Vec<&'static str>);
///
/// impl Deck {
///     #[generator]
///     fn deal(&mut self) -> impl Generator<Yield = &'static str, Return = ()> + '_ {
///         while let Some(card) = self.0.pop() {
///             r#yield!(card);
///         }
///     }
/// }
///
/// let mut deck = Deck(vec!["a", "b"]);
/// assert_eq!(deck.deal().iter().collect::<Vec<_>>(), ["b", "a"]);
/// assert!(deck.0.is_empty());
/// ```
///
/// `#[generator(crate = path::to::gen_core)]` names gen-core for a crate that re-exports it.
///
/// # Rules
///
/// - A local is kept across a suspension point when it is used after it or named `_name`;
///   others are dropped there. What a suspended generator holds is dropped once, in reverse
///   declaration order.
/// - A kept value cannot borrow another kept value (the state moves); `for x in &v` and
///   `v.iter()` over a local slice, array, `Vec` or `VecDeque` are rewritten to walk by
///   position, and the common self-borrow gets an error saying what to do.
/// - A binding that hides another one still needed after a suspension point is an error:
///   rename one of them.
/// - Items declared in the body (`fn`, `struct`, `static`, `use`, ...) are moved to the top of
///   the function, so they exist once; give items in different blocks different names.
/// - Identifiers in patterns that start with an uppercase letter are taken as constants
///   (`None`, `MAX`), as rustc's naming lints assume.
#[doc(inline)]
pub use gen_macros::generator;

/// Generator functions whose bodies use plain `yield!(v)`: the function-like form of
/// [`macro@generator`], for when `r#yield!` reads badly. Inside, every `fn` is a generator, and an
/// `impl` block's methods marked `#[generator]` are too.
///
/// ```
/// use gen_core::prelude::*;
///
/// generators! {
///     /// The odd numbers below `number`.
///     pub fn odd_till(number: u32) -> impl Iterator<Item = u32> {
///         let mut n = 1;
///         while n < number {
///             yield!(n);
///             n += 2;
///         }
///     }
/// }
///
/// assert_eq!(odd_till(8).collect::<Vec<_>>(), [1, 3, 5, 7]);
/// ```
#[doc(inline)]
pub use gen_macros::generators;
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
