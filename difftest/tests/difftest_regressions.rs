//! Bugs the differential tester found, minimised, once fixed on main (see
//! difftest/pending_regressions.md for those that are not yet). Each test checks the trace the
//! program has as plain Rust: the values yielded, then the return value. Findings that
//! tests/regressions.rs already pins in the same form (1-7, 0, 11-17) are not repeated here.

// The minimised programs keep their dead code: that is what they test.
#![allow(unused_labels, unused_variables, unused_assignments, unreachable_code)]
#![allow(clippy::diverging_sub_expression)]

use difftest::rt::{Tr, some_if};
use gen_core::prelude::*;

/// Starts `g`, then resumes it with `resumes` in turn until it completes.
fn run<G: Generator<i64, Yield = i64>>(mut g: G, resumes: &[i64]) -> (Vec<i64>, G::Return) {
    let mut yielded = Vec::new();
    let mut next = resumes.iter();
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(y) => {
                yielded.push(y);
                step = g.resume(*next.next().expect("more resumes than given"));
            }
            GeneratorState::Complete(r) => return (yielded, r),
        }
    }
}

/// The same for resume type `()`.
fn run_unit<G: Generator<(), Yield = i64>>(g: G) -> (Vec<i64>, G::Return) {
    let mut g = g;
    let mut yielded = Vec::new();
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(y) => {
                yielded.push(y);
                step = g.resume(());
            }
            GeneratorState::Complete(r) => return (yielded, r),
        }
    }
}

#[generator]
fn yield_in_vec_of_yield_from(n: i64) -> impl Generator<(), Yield = i64, Return = ()> {
    yield_from!(vec![5i64, {
        r#yield!(n);
        6i64
    }]);
}

#[test]
fn suspension_point_in_yield_from_iterable() {
    assert_eq!(run_unit(yield_in_vec_of_yield_from(3)), (vec![3, 5, 6], ()));
}

#[generator]
fn p(t: Tr) -> impl Generator<i64, Yield = i64, Return = i64> {
    let _ = t;
    r#yield!(5)
}

#[generator]
fn param_type_kept(t: Tr) -> impl Generator<i64, Yield = i64, Return = i64> {
    let v = loop {
        if yield_from!(p(t.clone())) == 4 {
            r#yield!(5);
            break 0i64;
        }
    };
    v
}

#[test]
fn types_of_locals_of_a_loop_that_does_not_go_round_again() {
    assert_eq!(
        run(param_type_kept(Tr::default()), &[3, 4, 0]),
        (vec![5, 5, 5], 0)
    );
}

#[generator]
fn if_let_chain_suspends(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    if let Some(x) = some_if(n)
        && r#yield!(x) == 0
    {
        r#yield!(1);
    } else {
        r#yield!(2);
        return 1;
    }
    2
}

#[test]
fn a_suspending_then_branch_of_a_chain_does_not_go_on_into_the_else_branch() {
    assert_eq!(run(if_let_chain_suspends(1), &[0, 0]), (vec![1, 1], 2));
    assert_eq!(run(if_let_chain_suspends(1), &[4, 0]), (vec![1, 2], 1));
}

#[generator]
#[allow(clippy::never_loop)]
fn for_returns_after_suspending(t: Tr) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0..3i64 {
        difftest::rt::log(&t, r#yield!(i));
        return 4;
    }
    0
}

#[generator]
#[allow(clippy::never_loop)]
fn let_else_breaks_from_a_block(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0..3i64 {
        let Some(_x) = some_if(i) else {
            r#yield!(n);
            {
                break;
            }
        };
    }
    0
}

#[generator]
fn nested_let_else_in_a_loop(t: Tr, n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    loop {
        let Some(_a) = some_if(n) else {
            let Some(_b) = some_if(n) else {
                difftest::rt::log(&t, r#yield!(0));
                return 2;
            };
            continue;
        };
    }
}

#[test]
fn types_kept_when_a_loop_is_left_by_return_or_a_block_that_breaks() {
    let t = Tr::default();
    assert_eq!(
        run(for_returns_after_suspending(t.clone()), &[9]),
        (vec![0], 4)
    );
    assert_eq!(*t.borrow(), [difftest::rt::Ev::Log(9)]);
    assert_eq!(run(let_else_breaks_from_a_block(5), &[0]), (vec![5], 0));
    assert_eq!(run(nested_let_else_in_a_loop(t, 3), &[1]), (vec![0], 2));
}

#[generator]
#[allow(unreachable_code, unused_variables, clippy::never_loop)]
fn after_labelled_block_that_returns(
    t: Tr,
    n: i64,
) -> impl Generator<(), Yield = i64, Return = i64> {
    for v1 in 0..n {
        let v10 = 'b: {
            return v1;
        };
        difftest::rt::log(&t, {
            r#yield!(n);
            0
        });
    }
    0
}

#[generator]
fn inner_res(t: Tr, n: i64) -> impl Generator<i64, Yield = i64, Return = Result<i64, i64>> {
    let _ = t;
    Ok(n)
}

#[generator]
#[allow(
    clippy::never_loop,
    clippy::match_single_binding,
    clippy::overly_complex_bool_expr
)]
fn while_left_by_match(t: Tr, n: i64) -> impl Generator<i64, Yield = i64, Return = Option<i64>> {
    let v6 = 0i64;
    while v6 < difftest::rt::bnd(yield_from!(inner_res(t.clone(), n)).unwrap_or(2i64))
        && (7i64 < 6i64)
    {
        match n {
            _ => {
                break;
            }
        }
    }
    Some(n)
}

#[test]
fn statements_that_diverge_by_rustc_rules_end_their_arm() {
    let t = Tr::default();
    assert_eq!(
        run_unit(after_labelled_block_that_returns(t.clone(), 2)),
        (vec![], 0)
    );
    assert!(t.borrow().is_empty());
    assert_eq!(run(while_left_by_match(t, 3), &[]), (vec![], Some(3)));
}
