//! Properties of the generated types: auto traits, `Clone`, size.

use std::rc::Rc;

use gen_core::prelude::*;

fn assert_send<T: Send>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}

#[generator]
fn counter(n: u64) -> impl Generator<Yield = u64, Return = ()> + Send + Unpin + Clone {
    for i in 0..n {
        r#yield!(i);
    }
}

#[test]
fn send_unpin_clone_in_the_signature() {
    let g = counter(3);
    assert_send(&g);
    assert_unpin(&g);
    std::thread::spawn(move || assert_eq!(g.iter().count(), 3))
        .join()
        .unwrap();
}

#[test]
fn a_suspended_generator_can_be_cloned_and_both_copies_resumed() {
    let mut g = counter(5);
    assert_eq!(g.advance(), GeneratorState::Yielded(0));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    let fork = g.clone();
    assert_eq!(g.iter().collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(fork.iter().collect::<Vec<_>>(), [2, 3, 4]);
}

#[generator]
fn holds_rc(rc: Rc<u8>) -> impl Generator<Yield = u8, Return = ()> {
    r#yield!(*rc);
}

#[test]
fn non_send_contents_are_allowed_when_the_signature_does_not_ask_for_send() {
    assert_eq!(holds_rc(Rc::new(7)).iter().collect::<Vec<_>>(), [7]);
}

#[generator]
fn fib() -> impl Generator<Yield = u64, Return = ()> {
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        r#yield!(a);
        (a, b) = (b, a + b);
    }
}

#[test]
fn no_allocation_and_the_size_of_the_largest_variant_plus_a_tag() {
    // Two u64 saved across the suspension point, and the enum's tag.
    assert_eq!(size_of_val(&fib()), 24);
    // A [u64; 32] held across every suspension point.
    #[generator]
    fn large(n: usize) -> impl Generator<Yield = u64, Return = ()> {
        let mut state = [0u64; 32];
        for i in 0..n {
            state[i % 32] += i as u64;
            r#yield!(state[i % 32]);
        }
    }
    let size = size_of_val(&large(1));
    assert!((256 + 16..=256 + 48).contains(&size), "size {size}");
}

#[test]
fn a_variant_s_fields_are_packed_and_the_tag_is_a_word_of_its_own() {
    // Saves a u8, a u64 and a u8: in declaration order (what `repr` on the enum alone would
    // keep) they would take 8 + 8 + 8 bytes after the tag; packed, 8 + 1 + 1 (and padding).
    #[generator]
    fn mixed() -> impl Generator<Yield = u64, Return = ()> {
        let mut low = 1u8;
        let mut total = 0u64;
        let mut high = 2u8;
        loop {
            r#yield!(total);
            total += u64::from(low) * 10 + u64::from(high);
            (low, high) = (high, low);
        }
    }
    assert_eq!(size_of_val(&mixed()), 8 + 16);
    assert_eq!(mixed().iter().take(3).collect::<Vec<_>>(), [0, 12, 33]);
    // A `String` has a niche, but the tag does not live in it: a tag there is decoded from
    // memory on every resume wherever the state's address escapes (BENCHMARKS.md).
    #[generator]
    fn owned(label: String) -> impl Generator<Yield = usize, Return = ()> {
        r#yield!(label.len());
    }
    assert_eq!(
        size_of_val(&owned(String::new())),
        size_of::<usize>() + size_of::<String>()
    );
}
