//! Awkward shapes: suspension points where control flow and expressions interleave.

mod common;

use common::drive;
use gen_core::prelude::*;

#[generator]
fn while_let_on_a_resume_value() -> impl Generator<i32, Yield = i32, Return = i32> {
    let mut total = 0;
    while let n @ 1.. = r#yield!(total) {
        total += n;
    }
    total
}

#[test]
fn while_let_scrutinee_suspends() {
    assert_eq!(
        drive(while_let_on_a_resume_value(), &[3, 4, 0]),
        (vec![0, 3, 7], 7)
    );
}

#[generator]
fn match_arms_as_values() -> impl Generator<i32, Yield = i32, Return = i32> {
    let mut acc = 0;
    for i in 0..3 {
        acc += match i {
            0 => r#yield!(100),
            1 => {
                let a = r#yield!(101);
                a * 2
            }
            _ => 5,
        } + r#yield!(-1);
    }
    acc
}

#[test]
fn match_values_with_suspension_points_inside_a_sum() {
    // i=0: 10 + 1; i=1: 20*2 + 2; i=2: 5 + 3
    assert_eq!(
        drive(match_arms_as_values(), &[10, 1, 20, 2, 3]),
        (vec![100, -1, 101, -1, -1], 11 + 42 + 8)
    );
}

#[generator]
fn inner_sum(n: i32) -> impl Generator<i32, Yield = i32, Return = i32> {
    let mut s = 0;
    for i in 0..n {
        s += r#yield!(i);
    }
    s
}

#[generator]
fn delegation_in_expressions() -> impl Generator<i32, Yield = i32, Return = i32> {
    let a = yield_from!(inner_sum(2)) * 10 + yield_from!(inner_sum(1));
    std::cmp::max(a, yield_from!(inner_sum(0)))
}

#[test]
fn yield_from_inside_expressions() {
    assert_eq!(
        drive(delegation_in_expressions(), &[1, 2, 5]),
        (vec![0, 1, 0], 35)
    );
}

#[generator]
fn break_from_nested_match_in_loop() -> impl Generator<i32, Yield = i32, Return = (i32, i32)> {
    let mut seen = 0;
    let last = 'outer: loop {
        let mut inner = 0;
        loop {
            match r#yield!(seen) {
                0 => continue 'outer,
                1 => break,
                v if v > 100 => break 'outer v,
                v => {
                    inner += v;
                    seen += 1;
                }
            }
        }
        seen += inner;
    };
    (seen, last)
}

#[test]
fn jumps_out_of_matches_in_loops() {
    // 5 (seen 1), 0 (continue outer: inner dropped), 7 (seen 2), 1 (break: seen += 7), 200.
    assert_eq!(
        drive(break_from_nested_match_in_loop(), &[5, 0, 7, 1, 200]),
        (vec![0, 1, 1, 2, 9], (9, 200))
    );
}

struct Pair {
    a: i32,
    b: i32,
    c: i32,
}

#[generator]
fn struct_update() -> impl Generator<i32, Yield = i32, Return = i32> {
    let base = Pair { a: 1, b: 2, c: 3 };
    let p = Pair {
        b: r#yield!(base.b),
        ..base
    };
    p.a + p.b + p.c
}

#[test]
fn struct_update_syntax_around_a_suspension_point() {
    assert_eq!(drive(struct_update(), &[20]), (vec![2], 24));
}

#[generator]
fn shadowed_loop_variable() -> impl Generator<i32, Yield = i32, Return = ()> {
    for i in 0..2 {
        let i = i * 10;
        r#yield!(i);
        let i = i + 1;
        r#yield!(i);
    }
}

#[test]
fn shadowing_inside_loops() {
    assert_eq!(
        drive(shadowed_loop_variable(), &[]),
        (vec![0, 1, 10, 11], ())
    );
}

#[generator]
fn early_exit_paths(flag: bool) -> impl Generator<i32, Yield = i32, Return = Option<i32>> {
    let v: Option<i32> = if flag { Some(r#yield!(1)) } else { None };
    let x = v?;
    let y = if x > 0 { x } else { return Some(-1) };
    Some(y + r#yield!(2))
}

#[test]
fn question_mark_and_return_in_value_positions() {
    assert_eq!(
        drive(early_exit_paths(true), &[4, 5]),
        (vec![1, 2], Some(9))
    );
    assert_eq!(drive(early_exit_paths(true), &[-4]), (vec![1], Some(-1)));
    assert_eq!(drive(early_exit_paths(false), &[]), (vec![], None));
}

#[generator]
fn closures_capture_saved_values() -> impl Generator<i32, Yield = i32, Return = i32> {
    let base = r#yield!(0);
    let add = move |x: i32| x + base;
    let k = r#yield!(1);
    let twice = |x| add(add(x));
    twice(k)
}

#[test]
fn closures_are_saved_like_other_values() {
    assert_eq!(
        drive(closures_capture_saved_values(), &[10, 1]),
        (vec![0, 1], 21)
    );
}

#[generator]
fn deep_nesting() -> impl Generator<i32, Yield = i32, Return = i32> {
    let mut log = 0;
    {
        let a = 1;
        {
            let b = 2;
            if a < b {
                let c = r#yield!(a + b);
                {
                    let d = c * 2;
                    log += r#yield!(d) + a + b + c;
                }
            }
        }
    }
    log
}

#[test]
fn bindings_restored_at_every_nesting_level() {
    assert_eq!(drive(deep_nesting(), &[5, 100]), (vec![3, 10], 108));
}

#[generator]
fn let_else_in_loop(items: Vec<Option<i32>>) -> impl Generator<i32, Yield = i32, Return = i32> {
    let mut sum = 0;
    for item in items {
        let Some(v) = item else {
            sum -= r#yield!(-1);
            continue;
        };
        sum += r#yield!(v);
    }
    sum
}

#[test]
fn let_else_with_a_suspending_else_in_a_loop() {
    assert_eq!(
        drive(let_else_in_loop(vec![Some(1), None, Some(2)]), &[10, 3, 20]),
        (vec![1, -1, 2], 27)
    );
}

#[generator]
fn tuple_assignment_with_yields() -> impl Generator<i32, Yield = i32, Return = (i32, i32)> {
    let (mut a, mut b) = (1, 2);
    (a, b) = (r#yield!(a), r#yield!(b) + a);
    (a, b)
}

#[test]
fn destructuring_assignment_evaluates_right_then_assigns() {
    assert_eq!(
        drive(tuple_assignment_with_yields(), &[10, 20]),
        (vec![1, 2], (10, 21))
    );
}

#[generator]
fn items_in_the_body() -> impl Generator<i32, Yield = i32, Return = i32> {
    use std::sync::atomic::{AtomicI32, Ordering};
    static CALLS: AtomicI32 = AtomicI32::new(0);
    #[derive(Debug, PartialEq)]
    struct Point {
        x: i32,
    }
    fn bump() -> i32 {
        CALLS.fetch_add(1, Ordering::SeqCst) + 1
    }
    let p = Point { x: bump() };
    let q: Point = Point { x: r#yield!(p.x) };
    bump();
    let same: Point = p;
    same.x + q.x + CALLS.load(Ordering::SeqCst)
}

#[test]
fn items_declared_in_the_body_exist_once() {
    // One `CALLS` shared by every step, one `Point` type across the suspension point.
    assert_eq!(drive(items_in_the_body(), &[10]), (vec![1], 1 + 10 + 2));
}

#[generator]
fn borrows_through_a_reference(
    words: &[String],
) -> impl Generator<i32, Yield = i32, Return = usize> + '_ {
    // `words` is a reference: `first` borrows what it points to, not the generator's state.
    let first = &words[0];
    let lengths = words.iter();
    r#yield!(1);
    first.len() + lengths.count()
}

#[test]
fn borrowing_through_a_reference_argument_is_fine() {
    let words = vec!["abc".to_string(), "d".to_string()];
    assert_eq!(
        drive(borrows_through_a_reference(&words), &[0]),
        (vec![1], 5)
    );
}
