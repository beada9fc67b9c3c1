//! The suspension markers. Inside a generator the macro rewrites them; anywhere else they
//! expand to an error that says where they belong.

/// Suspends the generator with a value; evaluates to the value of the `resume` that continues
/// it (Python's `x = yield v`).
///
/// Write it `r#yield!(v)` in a `#[generator]` function: stable Rust reserves `yield` and rejects
/// `yield!(v)` there before any macro runs. Inside `generators! { .. }` plain `yield!(v)` works.
///
/// ```
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn echo() -> impl Generator<String, Yield = usize, Return = ()> {
///     let mut last = 0;
///     loop {
///         let line = r#yield!(last);
///         last = line.len();
///     }
/// }
///
/// let mut g = echo();
/// assert_eq!(g.start(), GeneratorState::Yielded(0));
/// assert_eq!(g.resume("hello".to_string()), GeneratorState::Yielded(5));
/// ```
///
/// Used anywhere else, it is a compile error:
///
/// ```compile_fail
/// use gen_core::prelude::*;
/// fn not_a_generator() {
///     r#yield!(1);
/// }
/// ```
#[macro_export]
macro_rules! r#yield {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`r#yield!` can only be used in the body of a `#[generator]` function \
             (or as `yield!` inside `generators! { .. }`)"
        )
    };
}

/// Delegates to another generator or to an iterable until it is exhausted, forwarding every
/// yielded value out and every resume value in; evaluates to the inner generator's return value
/// (Python's `yield from`, PEP 380).
///
/// The operand is either a [`Generator`](crate::Generator) with the same `Yield` and resume
/// type, which `yield_from!` starts with [`start`](crate::Generator::start), or anything a `for`
/// loop accepts (then the resume type must be `()`).
///
/// ```
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn inner() -> impl Generator<Yield = &'static str, Return = usize> {
///     r#yield!("a");
///     r#yield!("b");
///     2
/// }
///
/// #[generator]
/// fn outer() -> impl Generator<Yield = &'static str, Return = ()> {
///     let n = yield_from!(inner());
///     yield_from!(["c"; 1]);
///     assert_eq!(n, 2);
/// }
///
/// assert_eq!(outer().iter().collect::<Vec<_>>(), ["a", "b", "c"]);
/// ```
///
/// Used outside a generator, it is a compile error:
///
/// ```compile_fail
/// use gen_core::prelude::*;
/// fn not_a_generator() {
///     yield_from!(0..3);
/// }
/// ```
#[macro_export]
macro_rules! yield_from {
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` can only be used in the body of a `#[generator]` function \
             or inside `generators! { .. }`"
        )
    };
}
