//! Bugs the differential tester found, minimised, once fixed on main (see
//! difftest/pending_regressions.md for those that are not yet). Each test checks the trace the
//! program has as plain Rust: the values yielded, then the return value.

use difftest::rt::{Tr, add, some_if};
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
fn inner(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    r#yield!(n)
}

#[generator]
fn yield_in_yield_from_arg() -> impl Generator<i64, Yield = i64, Return = i64> {
    yield_from!(inner(r#yield!(1)))
}

#[test]
fn suspension_point_in_yield_from_argument() {
    assert_eq!(run(yield_in_yield_from_arg(), &[7, 9]), (vec![1, 7], 9));
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
#[allow(clippy::overly_complex_bool_expr, clippy::nonminimal_bool)]
fn yield_in_while_and_rhs(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut rounds = 0;
    while rounds < 5 && r#yield!(n) == 1 {
        rounds += 1;
    }
    rounds
}

#[test]
fn suspension_point_in_while_and_rhs() {
    assert_eq!(run(yield_in_while_and_rhs(5), &[1, 0]), (vec![5, 5], 1));
}

#[generator]
#[allow(unreachable_code, unused_variables, clippy::never_loop)]
fn unreachable_yield_for(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0..n {
        break;
        r#yield!(i);
    }
    n
}

#[generator]
#[allow(unreachable_code, clippy::never_loop)]
fn unreachable_yield_from(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    loop {
        {
            break;
        }
        yield_from!(inner(n));
    }
    n
}

#[test]
fn suspension_points_in_unreachable_code() {
    assert_eq!(run(unreachable_yield_for(3), &[]), (vec![], 3));
    assert_eq!(run(unreachable_yield_from(4), &[]), (vec![], 4));
}

#[generator]
#[allow(clippy::never_loop)]
fn yield_in_break_value() -> impl Generator<i64, Yield = i64, Return = i64> {
    let v = loop {
        break r#yield!(1);
    };
    v
}

#[test]
fn suspension_point_in_break_value() {
    assert_eq!(run(yield_in_break_value(), &[6]), (vec![1], 6));
}

#[generator]
#[allow(unused_assignments, clippy::never_loop)]
fn counter_type_kept() -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut c = 0i64;
    let v = loop {
        if c >= 1 {
            break 0;
        }
        c += 1;
        r#yield!(5);
        break 7;
    };
    v
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

#[generator]
#[allow(clippy::never_loop)]
fn iterator_type_kept(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0i64..4 {
        if i == 7 {
            r#yield!(n);
        }
        {
            break;
        }
    }
    n
}

#[test]
fn types_of_locals_of_a_loop_that_does_not_go_round_again() {
    assert_eq!(run(counter_type_kept(), &[0]), (vec![5], 7));
    assert_eq!(
        run(param_type_kept(Tr::default()), &[3, 4, 0]),
        (vec![5, 5, 5], 0)
    );
    assert_eq!(run(iterator_type_kept(3), &[]), (vec![], 3));
}

#[generator]
#[allow(clippy::while_immutable_condition, clippy::match_single_binding)]
fn shadowing_init_suspends(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    let v1 = 2i64;
    while n < 0 {}
    let v1 = add(v1, {
        r#yield!(v1);
        1i64
    });
    match {
        r#yield!(n);
        0i64
    } {
        4 if v1 == 8 => 0,
        _ => v1,
    }
}

#[test]
fn shadowing_let_whose_initializer_suspends() {
    assert_eq!(run_unit(shadowing_init_suspends(1)), (vec![2, 1], 3));
}

#[generator]
fn valued_break_from_let_else(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    let v = loop {
        let Some(x) = some_if(9i64) else {
            r#yield!(n);
            break 5i64;
        };
        break x;
    };
    v
}

#[test]
fn valued_break_out_of_a_suspending_let_else() {
    assert_eq!(run_unit(valued_break_from_let_else(2)), (vec![2], 5));
}
