//! Differential testing of `#[generator]`: random programs run through the macro and through
//! an interpreter of the same AST must leave the same trace. See the README.

#![allow(missing_docs)]

pub mod interp;
pub mod program;
pub mod rt;

#[cfg(feature = "expander-fuzz")]
pub mod fuzz;
