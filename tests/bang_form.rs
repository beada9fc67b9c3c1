//! `generators! { .. }`: plain `yield!` markers, several functions, and methods.

use gen_core::prelude::*;

generators! {
    /// Doc comments and attributes are kept.
    #[inline]
    pub fn odd_till(number: u32) -> impl Generator<Yield = u32, Return = ()> {
        let mut n = 1;
        while n < number {
            yield!(n);
            n += 2;
        }
    }

    fn even_till(number: u32) -> impl Iterator<Item = u32> {
        let mut n = 2;
        while n < number {
            yield!(n);
            n += 2;
        }
    }

    fn both(limit: u32) -> impl Generator<Yield = u32, Return = u32> {
        yield_from!(odd_till(limit));
        let evens = even_till(limit).count() as u32;
        yield!(evens);
        evens
    }
}

struct Countdown(u32);

generators! {
    impl Countdown {
        #[generator]
        fn ticks(&self) -> impl Generator<Yield = u32, Return = ()> + '_ {
            let mut n = self.0;
            while n > 0 {
                yield!(n);
                n -= 1;
            }
        }

        fn plain_method(&self) -> u32 {
            self.0
        }
    }
}

#[test]
fn functions_in_the_bang_form() {
    assert_eq!(odd_till(6).iter().collect::<Vec<_>>(), [1, 3, 5]);
    assert_eq!(even_till(7).collect::<Vec<_>>(), [2, 4, 6]);
    let mut it = both(5).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1, 3, 2]);
    assert_eq!(it.into_return(), Some(2));
}

#[test]
fn methods_in_the_bang_form() {
    let c = Countdown(3);
    assert_eq!(c.ticks().iter().collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(c.plain_method(), 3);
}
