//! Reproductions of bugs the differential tester found, minimised (see difftest/).

mod common;

use common::drive;
use gen_core::prelude::*;

fn some_if(x: i64) -> Option<i64> {
    if x.rem_euclid(3) == 0 { None } else { Some(x) }
}

fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

#[generator]
fn inner(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    r#yield!(n)
}

/// 1. A suspension point inside `yield_from!`'s operand.
#[generator]
fn yield_in_yield_from_arg() -> impl Generator<i64, Yield = i64, Return = i64> {
    yield_from!(inner(r#yield!(1)))
}

#[test]
fn suspension_point_in_the_operand_of_yield_from() {
    assert_eq!(drive(yield_in_yield_from_arg(), &[7, 9]), (vec![1, 7], 9));
}

#[generator]
fn yield_in_iterable_operand(n: i64) -> impl Generator<Yield = i64, Return = ()> {
    yield_from!(vec![5i64, {
        r#yield!(n);
        0i64
    }]);
}

#[test]
fn suspension_point_in_an_iterable_operand() {
    assert_eq!(
        yield_in_iterable_operand(3).iter().collect::<Vec<_>>(),
        [3, 5, 0]
    );
}

/// 2. A suspension point in the right operand of `&&` in a `while` condition.
#[generator]
fn yield_in_while_and_rhs(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut rounds = 0;
    #[allow(clippy::nonminimal_bool)]
    while true && r#yield!(n) == 1 {
        rounds += 1;
    }
    rounds
}

#[test]
fn suspension_point_in_a_while_conjunction() {
    assert_eq!(
        drive(yield_in_while_and_rhs(4), &[1, 1, 0]),
        (vec![4, 4, 4], 2)
    );
}

/// 3. A suspension point in the value of `break`.
#[generator]
fn yield_in_break_value() -> impl Generator<i64, Yield = i64, Return = i64> {
    let v = loop {
        break r#yield!(1);
    };
    v
}

#[generator]
fn question_mark_in_break_value() -> impl Generator<i64, Yield = i64, Return = Option<i64>> {
    let v = loop {
        break some_if(r#yield!(-3))?;
    };
    Some(v)
}

#[test]
fn suspension_point_in_a_break_value() {
    assert_eq!(drive(yield_in_break_value(), &[8]), (vec![1], 8));
    assert_eq!(
        drive(question_mark_in_break_value(), &[4]),
        (vec![-3], Some(4))
    );
    assert_eq!(
        drive(question_mark_in_break_value(), &[3]),
        (vec![-3], None)
    );
}

/// 4. A loop that never goes round again after its suspension point.
#[generator]
#[allow(unused_assignments)]
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
fn loops_that_end_after_their_suspension_point() {
    assert_eq!(drive(counter_type_kept(), &[0]), (vec![5], 7));
    assert_eq!(drive(iterator_type_kept(2), &[]), (vec![], 2));
}

/// 5. A shadowing `let` whose initializer suspends (after a loop: a failing match guard was
/// modelled as a jump back to before the `match`).
#[generator]
#[allow(clippy::while_immutable_condition)]
fn shadowing_init_suspends(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    let v1 = 0i64;
    while n < 0 {}
    let v1 = add(v1, {
        r#yield!(v1);
        3i64
    });
    match {
        r#yield!(n);
        0i64
    } {
        4 if v1 == 8 => 1,
        _ => v1,
    }
}

#[test]
fn shadowing_let_with_a_suspending_initializer() {
    let mut it = shadowing_init_suspends(6).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [0, 6]);
    assert_eq!(it.into_return(), Some(3));
}

/// 6. `break value` from a suspending `let .. else` block.
#[generator]
fn valued_break_from_let_else(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    let v = loop {
        let Some(x) = some_if(n) else {
            r#yield!(n);
            break 5i64;
        };
        break x;
    };
    v
}

#[test]
fn valued_break_out_of_a_suspending_let_else() {
    let mut it = valued_break_from_let_else(3).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [3]);
    assert_eq!(it.into_return(), Some(5));
    assert_eq!(valued_break_from_let_else(4).run_to_completion(), 4);
}

/// 7. Suspension points in unreachable code.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn unreachable_yield_for(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0..n {
        break;
        r#yield!(i);
    }
    n
}

#[generator]
#[allow(unreachable_code)]
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
fn unreachable_suspension_points() {
    assert_eq!(drive(unreachable_yield_for(3), &[]), (vec![], 3));
    assert_eq!(drive(unreachable_yield_from(3), &[]), (vec![], 3));
}

/// Found by the scheduler work: a body ending in a diverging tail expression.
#[generator]
fn ends_in_panic(after: u32) -> impl Generator<Yield = (), Return = u32> {
    for _ in 0..after {
        r#yield!(());
    }
    panic!("boom after {after}")
}

#[test]
fn a_diverging_tail_expression() {
    let mut g = ends_in_panic(1);
    assert!(g.advance().is_yielded());
    let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.advance())).unwrap_err();
    assert_eq!(
        err.downcast_ref::<String>().map(String::as_str),
        Some("boom after 1")
    );
}

/// Found by the scheduler work: an argument used only by reference in a loop that never ends
/// (an in-place arm without a move-out).
#[allow(dead_code)]
struct Tracked(u8);

#[generator]
fn borrowed_forever(token: Tracked) -> impl Generator<Yield = u8, Return = ()> {
    loop {
        r#yield!(1);
        let _ = &token;
    }
}

#[test]
fn a_value_only_borrowed_in_an_endless_loop() {
    let mut g = borrowed_forever(Tracked(4));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
}

/// Found by the differential tester's long run: a `&&` chain whose right side and then-branch
/// both suspend ran the else-branch after the then-branch.
#[generator]
fn and_rhs_suspends(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    if n == 1 && r#yield!(n) == 0 {
        r#yield!(10);
    } else {
        r#yield!(20);
    }
    2
}

#[generator]
fn let_chain_rhs_suspends(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    if let Some(x) = some_if(n)
        && r#yield!(x) == 0
    {
        r#yield!(1);
    } else {
        r#yield!(2);
    }
    3
}

#[test]
fn a_suspending_then_branch_after_a_suspending_chain_skips_the_else_branch() {
    assert_eq!(drive(and_rhs_suspends(1), &[0, 0]), (vec![1, 10], 2));
    assert_eq!(drive(and_rhs_suspends(1), &[5, 0]), (vec![1, 20], 2));
    assert_eq!(drive(and_rhs_suspends(2), &[0]), (vec![20], 2));
    assert_eq!(drive(let_chain_rhs_suspends(4), &[0, 0]), (vec![4, 1], 3));
    assert_eq!(drive(let_chain_rhs_suspends(3), &[0]), (vec![2], 3));
}

#[allow(dead_code)] // only called from unreachable code
fn log(t: &std::cell::RefCell<Vec<i64>>, v: i64) {
    t.borrow_mut().push(v);
}

/// Findings 11-17 of the differential tester: plain statements that diverge by rustc's rules
/// (an `if`/`else` whose branches both jump, a `match` whose arms all return, a labelled block
/// that returns) end the code an arm emits, and a `let .. else` branches in its own place.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn u1(
    t: std::rc::Rc<std::cell::RefCell<Vec<i64>>>,
) -> impl Generator<i64, Yield = i64, Return = i64> {
    for v1 in 0..2i64 {
        if v1 < 7 {
            continue;
        } else {
            break;
        }
        r#yield!(v1);
        log(&t, v1);
    }
    0
}

#[generator]
#[allow(
    unreachable_code,
    unused_variables,
    unused_labels,
    clippy::diverging_sub_expression
)]
fn u2(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    for v1 in 0..n {
        let v10 = 'b: {
            return v1;
        };
        r#yield!(n);
    }
    0
}

#[generator]
#[allow(unused_variables, unused_labels, clippy::diverging_sub_expression)]
fn w1(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    for v1 in 0..n {
        r#yield!(v1);
        let v10 = 'b: {
            return v1;
        };
    }
    0
}

#[generator]
#[allow(clippy::match_single_binding)]
fn x5(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut c = 0i64;
    loop {
        c += 1;
        match r#yield!(n + c) {
            _ => {
                return 1;
            }
        }
    }
}

#[generator]
fn sh3(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let v5 = n;
    let Some(_v6) = some_if(r#yield!(n)) else {
        return v5;
    };
    let v5 = add(v5, 1);
    r#yield!(v5);
    v5
}

#[generator]
fn y1(n: i64) -> impl Generator<(), Yield = i64, Return = i64> {
    for _v3 in 0..4i64 {
        r#yield!(6);
        if n < 2 {
            return n;
        } else {
            break;
        }
    }
    n
}

#[test]
fn diverging_plain_statements_end_an_arm() {
    let t = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    assert_eq!(drive(u1(t.clone()), &[]), (vec![], 0));
    assert!(t.borrow().is_empty());
    assert_eq!(u2(2).run_to_completion(), 0);
    let mut it = w1(2).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [0]);
    assert_eq!(it.into_return(), Some(0));
    assert_eq!(drive(x5(0), &[0]), (vec![1], 1));
    assert_eq!(drive(sh3(4), &[4, 0]), (vec![4, 5], 5));
    assert_eq!(drive(sh3(4), &[3]), (vec![4], 4));
    let mut it = y1(0).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [6]);
    assert_eq!(it.into_return(), Some(0));
    let mut it = y1(5).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [6]);
    assert_eq!(it.into_return(), Some(5));
}

/// Finding 18: an argument mentioned after a suspension point only in unreachable code (after a
/// `return` in a labelled block) is redeclared with its type.
#[generator]
#[allow(
    unreachable_code,
    unused_variables,
    unused_labels,
    clippy::diverging_sub_expression
)]
fn return_in_labeled_block(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    r#yield!(n ^ 1);
    let v = 'b: {
        return 5;
        n ^ 3
    };
    v
}

#[test]
fn unreachable_code_after_a_suspension_point_mentioning_an_argument() {
    assert_eq!(drive(return_in_labeled_block(6), &[0]), (vec![7], 5));
}

/// Finding 19: a binding mentioned again only in code that never runs. The earlier `v` is
/// read by the later one's initializer, and nothing after the unreachable suspension point
/// needs it: no "hides an earlier `v`" error.
#[generator]
#[allow(unreachable_code, unused_variables, unused_labels)]
fn shadowed_before_unreachable_yield(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut total = 0;
    for _ in 0..2 {
        let w = 'b: {
            let v = add(n, 1);
            let v = add(v, 6);
            break 'b r#yield!(v);
            r#yield!(3)
        };
        total = add(total, w);
    }
    total
}

/// Finding 19: a binding whose type only code after a `return` determines is kept across
/// the suspension point, so that code (emitted, and type-checked as rustc does) can name it.
#[generator]
#[allow(unreachable_code, clippy::diverging_sub_expression)]
fn typed_only_after_return(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut v = Vec::new();
    r#yield!(n);
    return n + 1;
    v.push(1u8);
    v.len() as i64
}

/// Finding 19: the same after a `continue`, and after a loop no `break` leaves.
#[generator]
#[allow(unreachable_code)]
fn typed_only_after_continue(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut v = Vec::new();
    loop {
        let got = r#yield!(n);
        if got > 0 {
            break;
        }
        continue;
        v.push(1u8);
    }
    n - 1
}

#[generator]
#[allow(unreachable_code)]
fn typed_only_after_endless_loop(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut v = Vec::new();
    loop {
        r#yield!(n);
    }
    v.push(1u8);
    0
}

/// Finding 19 (seed 1, program 21): a labelled block whose value is only ever given after a
/// `return` (by a suspension point that never runs), followed by code that runs only in
/// rustc's eyes.
#[generator]
#[allow(unreachable_code, unused_variables, unused_labels)]
fn value_after_return_in_labeled_block(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let v6 = 'l1: {
        let v5 = 'l2: {
            r#yield!(n);
            return n * 2;
            (r#yield!(n), n).1
        };
        break 'l1 v5;
        7
    };
    r#yield!(v6);
    v6
}

/// Finding 19 (seed 1, program 66): a labelled block left only by a `break` of the loop
/// around it has no value; the binding it initializes is never assigned.
#[generator]
#[allow(unreachable_code, unused_variables, unused_labels)]
fn labeled_block_left_by_an_outer_break(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut seen = 0;
    for _ in 0..n {
        let v = 'l: {
            seen = r#yield!(seen);
            break;
        };
    }
    seen
}

/// Finding 19 (seed 1, program 35): a `continue` after a `return` after a suspension point in
/// a `for` loop: the emitted `continue` mentions the loop's iterator.
#[generator]
#[allow(unreachable_code)]
fn continue_after_return(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for i in 0..n {
        r#yield!(i);
        return i + 10;
        continue;
    }
    -1
}

#[test]
fn bindings_mentioned_only_in_unreachable_code() {
    assert_eq!(
        drive(shadowed_before_unreachable_yield(1), &[10, 20]),
        (vec![8, 8], 30)
    );
    assert_eq!(drive(typed_only_after_return(4), &[0]), (vec![4], 5));
    assert_eq!(
        drive(typed_only_after_continue(4), &[0, 0, 1]),
        (vec![4, 4, 4], 3)
    );
    let mut endless = typed_only_after_endless_loop(2);
    assert_eq!(endless.start(), GeneratorState::Yielded(2));
    for _ in 0..3 {
        assert_eq!(endless.resume(0), GeneratorState::Yielded(2));
    }
    assert_eq!(
        drive(value_after_return_in_labeled_block(3), &[0]),
        (vec![3], 6)
    );
    assert_eq!(
        drive(labeled_block_left_by_an_outer_break(3), &[9]),
        (vec![0], 9)
    );
    assert_eq!(
        drive(labeled_block_left_by_an_outer_break(0), &[]),
        (vec![], 0)
    );
    assert_eq!(drive(continue_after_return(3), &[0]), (vec![0], 10));
    assert_eq!(drive(continue_after_return(0), &[]), (vec![], -1));
}

/// Found while fixing finding 19: `yield_from!(..);` as the last statement of a loop's body,
/// delegating to a generator that returns a value, gave "expected `()`, found `i64`".
#[generator]
fn delegation_statement_ends_loop_body(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for _ in 0..2 {
        yield_from!(inner(n));
    }
    n
}

#[test]
fn delegation_as_the_last_statement_of_a_loop_body() {
    assert_eq!(
        drive(delegation_statement_ends_loop_body(5), &[1, 2]),
        (vec![5, 5], 5)
    );
}

/// Finding 19, seed 7, program 53: a labelled block left by a `break` to an outer one, whose
/// value (its tail, which never runs) is used as an operand in code that never runs either.
#[generator]
#[allow(unreachable_code, unused_variables, unused_labels)]
fn value_of_block_left_early(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let v = 'outer: {
        let w = 'inner: {
            break 'outer 3;
            r#yield!(n)
        };
        n ^ (n ^ w)
    };
    r#yield!(v);
    v
}

/// Finding 19, seed 7, program 5: the tail of a labelled block (never reached: a `return`
/// comes first) is assigned after the last suspension point in it, in that point's arm.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn tail_after_return_after_yields(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let v = 'b: {
        match n {
            0 => {}
            _ => {
                r#yield!(n);
            }
        }
        r#yield!(n + 1);
        return n * 10;
        6 ^ 2
    };
    v
}

/// Finding 19, seed 52, program 134: code after a block that ends in `return` is reached only
/// from the start, not from the suspension point in the block's `let .. else`.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn dead_code_after_block_with_let_else(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut seen = Vec::new();
    {
        let Some(v) = some_if(n) else {
            let got = r#yield!(n);
            return got;
        };
        return v;
    }
    seen.push(1u8);
    seen.len() as i64
}

/// Finding 19, seed 52, program 286: a `break` that never runs leaves a labelled block around
/// a suspension point whose arm leaves the loop: the loop does not go round again there.
#[generator]
#[allow(unreachable_code, unused_variables, unused_labels)]
fn dead_break_of_labeled_block_in_loop(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut i = 0;
    'l: while i < 3 {
        i += 1;
        let v = 'b: {
            {
                r#yield!(i);
                break 'l;
            }
            break 'b n;
        };
    }
    i
}

/// Seed 1, program 15 (found while fixing finding 19): `continue` to an outer loop after a
/// suspension point in an inner one: the inner loop is not emitted again in that arm.
#[generator]
fn continue_outer_after_yield(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut i = 0;
    'outer: while i < n {
        i += 1;
        let tries = i % 2;
        loop {
            if tries >= 1 {
                break;
            }
            r#yield!(i);
            continue 'outer;
        }
    }
    i
}

#[test]
fn code_that_never_runs_after_suspension_points() {
    assert_eq!(drive(value_of_block_left_early(5), &[0]), (vec![3], 3));
    assert_eq!(drive(tail_after_return_after_yields(0), &[0]), (vec![1], 0));
    assert_eq!(
        drive(tail_after_return_after_yields(2), &[0, 0]),
        (vec![2, 3], 20)
    );
    assert_eq!(
        drive(dead_code_after_block_with_let_else(3), &[7]),
        (vec![3], 7)
    );
    assert_eq!(
        drive(dead_code_after_block_with_let_else(4), &[]),
        (vec![], 4)
    );
    assert_eq!(
        drive(dead_break_of_labeled_block_in_loop(9), &[0]),
        (vec![1], 1)
    );
    assert_eq!(
        drive(continue_outer_after_yield(4), &[0, 0]),
        (vec![2, 4], 4)
    );
}

/// Finding 20 (seed 6000, program 2268): code after an `if`/`else` that always jumps, in a
/// `for` loop, mentions the loop variable; the arm of an inner endless loop keeps the variable
/// in the state in place and never moves it back out, so that code is not emitted there.
#[generator]
#[allow(unreachable_code)]
fn dead_code_after_in_place_endless_loop(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    for v in 1..n {
        if v > 0 {
            loop {
                r#yield!(1);
                continue;
            }
        } else {
            break;
        }
        r#yield!(if v == 1 { 2 } else { 3 });
    }
    n
}

/// Finding 21 (seed 6000, program 3964): a `continue` in a `let .. else` leads round the loop
/// to a later, diverging part of the same labelled block; that is the next round, emitted as
/// a loop of its own, not code after the block in this arm.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn continue_round_to_diverging_block(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut rounds = 0;
    loop {
        rounds += 1;
        if rounds > 2 {
            return rounds;
        }
        let v = 'b: {
            let Some(w) = some_if(n) else {
                r#yield!(n);
                continue;
            };
            return w;
            match n {
                1 => 2,
                _ => add(w, w),
            }
        };
    }
}

#[test]
fn code_that_never_runs_after_loops_and_continues() {
    let mut g = dead_code_after_in_place_endless_loop(3);
    assert_eq!(g.start(), GeneratorState::Yielded(1));
    assert_eq!(g.resume(0), GeneratorState::Yielded(1));
    assert_eq!(
        drive(dead_code_after_in_place_endless_loop(0), &[]),
        (vec![], 0)
    );
    assert_eq!(
        drive(continue_round_to_diverging_block(3), &[0, 0]),
        (vec![3, 3], 3)
    );
    assert_eq!(
        drive(continue_round_to_diverging_block(4), &[]),
        (vec![], 4)
    );
}

/// Finding 22 (seed 13000, program 61): the result temporary of a `let` whose value has a
/// suspension point in it (`let t;`, assigned when the value is ready) was kept at a yield
/// of the next round as if it held the previous round's value: the code that assigns it
/// never runs here, but is emitted after the `continue` and leads round the loop by the
/// second one. A `let x;` now makes `x` uninitialized again in the analysis.
#[generator]
#[allow(unreachable_code, unused_variables)]
fn result_temporary_round_a_loop(n: i64) -> impl Generator<i64, Yield = i64, Return = i64> {
    let mut rounds = 0;
    loop {
        rounds += 1;
        if rounds > n {
            return rounds;
        }
        let v = {
            r#yield!(rounds);
            continue;
            yield_from!(inner(1))
        };
        continue;
    }
}

#[test]
fn a_result_temporary_is_not_kept_round_a_loop() {
    assert_eq!(
        drive(result_temporary_round_a_loop(3), &[0, 0, 0]),
        (vec![1, 2, 3], 4)
    );
}
