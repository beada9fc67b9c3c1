//! The `#[generator]` attribute and the `generators!` macro of
//! [gen-core](https://docs.rs/gen-core). Use them through gen-core, which re-exports them and
//! provides what the expanded code calls.
//!
//! The expansion runs in stages, one module each: `signature` and `prepass` read and check the
//! input, `lower` turns the body into the `ir`, `flow` decides what each suspension point saves
//! (`borrows` explains the common self-borrow, `in_place` picks the arms that update the state
//! in place), and `emit` writes the state machine.

mod args;
mod borrows;
mod emit;
mod errors;
mod expand;
mod flow;
mod in_place;
mod ir;
mod jumps;
mod lower;
mod names;
mod prepass;
mod signature;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Turns a function whose body uses `r#yield!` and `yield_from!` into a generator. See
/// gen-core's documentation.
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::attribute(args.into(), item.into()).into()
}

/// Generator functions whose bodies use plain `yield!(v)`. See gen-core's documentation.
#[proc_macro]
pub fn generators(input: TokenStream) -> TokenStream {
    expand::bang(input.into()).into()
}
