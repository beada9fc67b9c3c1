//! Bridges between generators and iterators.

use core::iter::FusedIterator;

use crate::{Generator, GeneratorState};

/// An [`Iterator`] over the values a generator yields, made by
/// [`UnitGeneratorExt::iter`](crate::UnitGeneratorExt::iter).
///
/// When the generator completes, the iterator ends and keeps the return value, so a `for` loop
/// over a generator that returns something loses nothing.
///
/// ```
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn async_search(items: Vec<u64>, wanted: u64) -> impl Generator<Yield = (), Return = Option<usize>> {
///     for (i, item) in items.into_iter().enumerate() {
///         if item == wanted {
///             return Some(i);
///         }
///         r#yield!(());
///     }
///     None
/// }
///
/// let mut steps = async_search(vec![5, 8, 13], 13).iter();
/// assert_eq!(steps.by_ref().count(), 2);
/// assert_eq!(steps.into_return(), Some(Some(2)));
/// ```
#[derive(Clone, Debug)]
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct Iter<G: Generator<()>> {
    generator: G,
    returned: Option<G::Return>,
}

impl<G: Generator<()>> Iter<G> {
    /// Wraps a generator that has not completed.
    pub fn new(generator: G) -> Self {
        Iter {
            generator,
            returned: None,
        }
    }

    /// The generator's return value, once the iterator has ended.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// let mut it = gen_core::from_iter(0..2).iter();
    /// assert_eq!(it.return_value(), None);
    /// it.by_ref().for_each(drop);
    /// assert_eq!(it.return_value(), Some(&()));
    /// ```
    pub fn return_value(&self) -> Option<&G::Return> {
        self.returned.as_ref()
    }

    /// Consumes the iterator, giving back the generator's return value if it completed.
    ///
    /// ```
    /// use gen_core::prelude::*;
    ///
    /// let mut it = gen_core::from_iter([1]).iter();
    /// assert_eq!(it.next(), Some(1));
    /// assert_eq!(it.next(), None);
    /// assert_eq!(it.into_return(), Some(()));
    /// ```
    pub fn into_return(self) -> Option<G::Return> {
        self.returned
    }
}

impl<G: Generator<()>> Iterator for Iter<G> {
    type Item = G::Yield;

    fn next(&mut self) -> Option<G::Yield> {
        if self.returned.is_some() {
            return None;
        }
        match self.generator.resume(()) {
            GeneratorState::Yielded(y) => Some(y),
            GeneratorState::Complete(r) => {
                self.returned = Some(r);
                None
            }
        }
    }
}

impl<G: Generator<()>> FusedIterator for Iter<G> {}

/// A [`Generator`] that yields the items of an iterator and returns `()`, made by
/// [`from_iter`]. This is what `yield_from!` delegates to when given an iterable (Python's
/// `yield from iterable`).
#[derive(Clone, Debug)]
pub struct FromIter<I> {
    iter: I,
}

/// Turns any iterable into a [`Generator`] resumed with `()`.
///
/// ```
/// use gen_core::prelude::*;
///
/// let mut g = gen_core::from_iter(vec!['a', 'b']);
/// assert_eq!(g.start(), GeneratorState::Yielded('a'));
/// assert_eq!(g.resume(()), GeneratorState::Yielded('b'));
/// assert_eq!(g.resume(()), GeneratorState::Complete(()));
/// ```
pub fn from_iter<I: IntoIterator>(iterable: I) -> FromIter<I::IntoIter> {
    FromIter {
        iter: iterable.into_iter(),
    }
}

impl<I: Iterator> Generator<()> for FromIter<I> {
    type Yield = I::Item;
    type Return = ();

    fn start(&mut self) -> GeneratorState<I::Item, ()> {
        self.resume(())
    }

    fn resume(&mut self, (): ()) -> GeneratorState<I::Item, ()> {
        match self.iter.next() {
            Some(item) => GeneratorState::Yielded(item),
            None => GeneratorState::Complete(()),
        }
    }
}
