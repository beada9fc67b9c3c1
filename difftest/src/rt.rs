//! What the generated programs call, and the driver of the compiled side.

use std::cell::RefCell;
use std::fmt::Debug;
use std::rc::Rc;

use gen_core::{Generator, GeneratorState};

/// One observable event of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ev {
    /// The generator yielded.
    Yield(i64),
    /// The driver resumed it with this value (not recorded for resume type `()`).
    Resume(i64),
    /// `log(&t, v)`.
    Log(i64),
    /// Guard `_gN` was dropped.
    Drop(u32),
    /// The generator completed with this value (`{:?}`).
    Return(String),
    /// The driver dropped the generator while it was suspended.
    Stopped,
}

/// The trace a program writes to.
pub type Tr = Rc<RefCell<Vec<Ev>>>;

/// A guard that logs its drop.
pub struct G(Tr, u32);

impl G {
    /// Guard `id`.
    pub fn new(t: &Tr, id: u32) -> G {
        G(t.clone(), id)
    }
}

impl Drop for G {
    fn drop(&mut self) {
        self.0.borrow_mut().push(Ev::Drop(self.1));
    }
}

/// Logs `v`.
pub fn log(t: &Tr, v: i64) {
    t.borrow_mut().push(Ev::Log(v));
}

/// Wrapping `a + b`.
pub fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// Wrapping `a - b`.
pub fn sub(a: i64, b: i64) -> i64 {
    a.wrapping_sub(b)
}

/// Wrapping `a * b`.
pub fn mul(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}

/// `a % b`, or `a` when `b` is 0.
pub fn rem(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { a.wrapping_rem(b) }
}

/// A loop bound in `0..=3`.
pub fn bnd(x: i64) -> i64 {
    x.rem_euclid(4)
}

/// An index in `0..3`.
pub fn pick(x: i64) -> usize {
    x.rem_euclid(3) as usize
}

/// `None` for multiples of 3.
pub fn some_if(x: i64) -> Option<i64> {
    if x.rem_euclid(3) == 0 { None } else { Some(x) }
}

/// `Err(x)` for multiples of 7.
pub fn ok_if(x: i64) -> Result<i64, i64> {
    if x.rem_euclid(7) == 0 { Err(x) } else { Ok(x) }
}

/// Drives a generator resumed with `i64` as the interpreter does.
pub fn drive<G: Generator<i64, Yield = i64>>(g: G, t: &Tr, pseed: u64)
where
    G::Return: Debug,
{
    drive_with(g, t, pseed, |k| {
        let r = crate::program::resume_value(pseed, k);
        t.borrow_mut().push(Ev::Resume(r));
        r
    });
}

/// Drives a generator resumed with `()`.
pub fn drive_unit<G: Generator<(), Yield = i64>>(g: G, t: &Tr, pseed: u64)
where
    G::Return: Debug,
{
    drive_with(g, t, pseed, |_| ());
}

/// Records each yield, resumes with `resume(k)` after the `k`th, and drops the generator while
/// suspended after the program's `max_yields`.
fn drive_with<R, G: Generator<R, Yield = i64>>(
    mut g: G,
    t: &Tr,
    pseed: u64,
    mut resume: impl FnMut(usize) -> R,
) where
    G::Return: Debug,
{
    let max = crate::program::max_yields(pseed);
    let mut k = 0;
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(y) => {
                t.borrow_mut().push(Ev::Yield(y));
                k += 1;
                if k >= max {
                    drop(g);
                    t.borrow_mut().push(Ev::Stopped);
                    return;
                }
                step = g.resume(resume(k));
            }
            GeneratorState::Complete(v) => {
                t.borrow_mut().push(Ev::Return(format!("{v:?}")));
                return;
            }
        }
    }
}
