//! The `Generator` trait's implementations for references and boxes, and the adapters.

use std::pin::Pin;

use gen_core::prelude::*;
use gen_core::{BoxGenerator, Iter};

#[generator]
fn numbers(limit: u32) -> impl Generator<Yield = u32, Return = &'static str> {
    for i in 0..limit {
        r#yield!(i);
    }
    "done"
}

#[generator]
fn doubled(source: impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
    for x in source {
        r#yield!(x * 2);
    }
}

/// Takes any generator by value: given `&mut g`, it drives `g` itself.
fn step<G: Generator<()>>(mut g: G) -> GeneratorState<G::Yield, G::Return> {
    g.resume(())
}

#[test]
fn mutable_references_drive_the_same_generator() {
    let mut g = numbers(3);
    assert_eq!(step(&mut g), GeneratorState::Yielded(0));
    assert_eq!(g.by_ref().advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Yielded(2));
}

#[test]
fn boxed_trait_objects_of_different_generators() {
    let mut all: Vec<BoxGenerator<'_, (), u32, &str>> =
        vec![numbers(2).boxed(), numbers(1).boxed()];
    let mut seen = Vec::new();
    for g in &mut all {
        while let GeneratorState::Yielded(v) = g.resume(()) {
            seen.push(v);
        }
    }
    assert_eq!(seen, [0, 1, 0]);
}

#[test]
fn pinned_boxes() {
    let mut g: Pin<Box<_>> = Box::pin(numbers(1));
    assert_eq!(g.start(), GeneratorState::Yielded(0));
    assert_eq!(g.resume(()), GeneratorState::Complete("done"));
}

#[test]
fn iterator_to_generator_and_back() {
    let g = gen_core::from_iter(vec![3, 4]);
    let mut it: Iter<_> = g.iter();
    assert_eq!(it.next(), Some(3));
    assert_eq!(it.next(), Some(4));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None, "the iterator is fused");
    assert_eq!(it.return_value(), Some(&()));
}

#[test]
fn the_iterator_keeps_the_return_value() {
    let mut it = numbers(2).iter();
    assert_eq!(it.by_ref().sum::<u32>(), 1);
    assert_eq!(it.into_return(), Some("done"));
}

#[test]
fn impl_trait_arguments() {
    assert_eq!(doubled(1..4).collect::<Vec<_>>(), [2, 4, 6]);
}

#[test]
fn generator_state_helpers() {
    let y: GeneratorState<u8, &str> = GeneratorState::Yielded(1);
    let c: GeneratorState<u8, &str> = GeneratorState::Complete("end");
    assert!(y.is_yielded() && !y.is_complete());
    assert!(c.is_complete() && !c.is_yielded());
    assert_eq!(y.yielded(), Some(1));
    assert_eq!(c.complete(), Some("end"));
    assert_eq!(y.complete(), None);
    assert_eq!(y.map_yielded(|v| v + 1), GeneratorState::Yielded(2));
    assert_eq!(c.map_complete(str::len), GeneratorState::Complete(3));
    assert_eq!(format!("{y:?}"), "Yielded(1)");
}

#[test]
fn run_to_completion_and_send() {
    assert_eq!(numbers(5).run_to_completion(), "done");
    #[generator]
    fn echo() -> impl Generator<u8, Yield = u8, Return = ()> {
        loop {
            let v = r#yield!(0);
            r#yield!(v);
        }
    }
    let mut e = echo();
    let _ = e.start();
    assert_eq!(e.send(9), GeneratorState::Yielded(9));
}

#[generator]
fn count_to(limit: u32) -> impl Generator<Yield = u32, Return = u32> {
    for i in 0..limit {
        r#yield!(i);
    }
    limit
}

/// A generic adapter: it holds the generator it wraps in its state and yields its items plus
/// one, then returns its return value plus one.
#[generator]
fn plus_one<G: Generator<Yield = u32, Return = u32>>(
    mut inner: G,
) -> impl Generator<Yield = u32, Return = u32> {
    let mut step = inner.start();
    loop {
        match step {
            GeneratorState::Yielded(value) => {
                r#yield!(value + 1);
                step = inner.resume(());
            }
            GeneratorState::Complete(value) => return value + 1,
        }
    }
}

// Sixteen adapters stacked: each one's type holds the one below. The generated code names the
// state's type once per level (a generic generator's step takes its state untyped), so this
// builds in about 2 s unoptimized; naming it twice, a stack of 12 took 25 s and one of 16
// minutes.
#[test]
fn a_stack_of_sixteen_generic_adapters() {
    let g = plus_one(plus_one(plus_one(plus_one(count_to(3)))));
    let g = plus_one(plus_one(plus_one(plus_one(g))));
    let g = plus_one(plus_one(plus_one(plus_one(g))));
    let mut g = plus_one(plus_one(plus_one(plus_one(g))));
    let mut items = Vec::new();
    let mut step = g.start();
    while let GeneratorState::Yielded(value) = step {
        items.push(value);
        step = g.resume(());
    }
    assert_eq!(items, vec![16, 17, 18]);
    assert_eq!(step, GeneratorState::Complete(19));
}
