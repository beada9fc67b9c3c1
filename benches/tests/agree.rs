//! Every implementation of a workload does the same work: same yields, same return value.
#[path = "../common/workloads.rs"]
mod workloads;
use gen_core::{Generator, GeneratorState};
use workloads::{drive::*, run, *};

#[test]
fn grid_as_written_agrees_with_the_limit() {
    for n in [0, 1, 2, 9] {
        assert_eq!(
            gen_unit(hand::grid_literal(n)),
            gen_unit(hand::grid(n)),
            "n = {n}"
        );
    }
}

#[test]
fn out_of_line_counter_agrees_with_the_limit() {
    for n in [0, 1, 37] {
        assert_eq!(
            gen_unit(hand::counter_out_of_line(n)),
            gen_unit(hand::counter(n)),
            "n = {n}"
        );
        assert_eq!(
            gen_unit(hand::counter_at_run_time_position(n)),
            gen_unit(hand::counter(n)),
            "n = {n}"
        );
        assert_eq!(
            gen_unit(hand::counter_escaping(n)),
            gen_unit(hand::counter(n)),
            "n = {n}"
        );
    }
}

#[test]
fn nested_limit_agrees_on_the_first_rows() {
    // The limit skips the empty first row without a loop; sizes 0-3 cover every edge.
    for n in [0, 1, 2, 3, 9] {
        let want: Vec<u64> = (0..n).flat_map(|i| (0..i).map(move |j| i ^ j)).collect();
        let mut got = Vec::new();
        let mut g = hand::nested(n);
        let mut state = g.start();
        while let GeneratorState::Yielded(v) = state {
            got.push(v);
            state = g.resume(());
        }
        assert_eq!(got, want, "n = {n}");
    }
}

#[test]
fn unit_workloads_agree() {
    type Row = [fn(u64) -> u64; 7];
    let rows: [(&str, u64, Row); 6] = [
        (
            "counter",
            37,
            [
                |n| gen_unit(hand::counter(n)),
                |n| gen_unit(ours::counter(n)),
                |n| diapause_unit(diapause_impl::counter(n)),
                run::ga_rc::counter,
                run::ga_stack::counter,
                run::nextgen::counter,
                run::coro::counter,
            ],
        ),
        (
            "owned",
            37,
            [
                |n| gen_unit(hand::owned(n)),
                |n| gen_unit(ours::owned(n)),
                |n| diapause_unit(diapause_impl::owned(String::from("owned"), n)),
                run::ga_rc::owned,
                run::ga_stack::owned,
                run::nextgen::owned,
                run::coro::owned,
            ],
        ),
        (
            "nested",
            9,
            [
                |n| gen_unit(hand::nested(n)),
                |n| gen_unit(ours::nested(n)),
                |n| diapause_unit(diapause_impl::nested(n)),
                run::ga_rc::nested,
                run::ga_stack::nested,
                run::nextgen::nested,
                run::coro::nested,
            ],
        ),
        (
            "grid",
            9,
            [
                |n| gen_unit(hand::grid(n)),
                |n| gen_unit(ours::grid(n)),
                |n| diapause_unit(diapause_impl::grid(n)),
                run::ga_rc::grid,
                run::ga_stack::grid,
                run::nextgen::grid,
                run::coro::grid,
            ],
        ),
        (
            "large_state",
            100,
            [
                |n| gen_unit(hand::large_state(n)),
                |n| gen_unit(ours::large_state(n)),
                |n| diapause_unit(diapause_impl::large_state(n)),
                run::ga_rc::large_state,
                run::ga_stack::large_state,
                run::nextgen::large_state,
                run::coro::large_state,
            ],
        ),
        (
            "fib",
            100,
            [
                |n| gen_unit(hand::fib(n)),
                |n| gen_unit(ours::fib(n)),
                |n| diapause_unit(diapause_impl::fib(n)),
                run::ga_rc::fib,
                run::ga_stack::fib,
                run::nextgen::fib,
                run::coro::fib,
            ],
        ),
    ];
    for (name, n, impls) in rows {
        let want = impls[0](n);
        for (k, f) in impls.iter().enumerate() {
            assert_eq!(f(n), want, "{name}: implementation #{k}");
        }
    }
}

#[test]
fn running_total_agrees() {
    let n = 50;
    let want = gen_send(hand::running_total(n));
    assert_eq!(gen_send(ours::running_total(n)), want);
    assert_eq!(diapause_send(diapause_impl::running_total(n)), want);
    // genawaiter and next-gen drop the first resume argument, corosensei passes it to the
    // closure parameter, which the body ignores; the drivers send 0 first, so totals agree.
    assert_eq!(run::ga_rc::running_total(n), want);
    assert_eq!(run::ga_stack::running_total(n), want);
    assert_eq!(run::nextgen::running_total(n), want);
    assert_eq!(run::coro::running_total(n), want);
}

#[test]
fn chains_agree() {
    // The leaf lengths of the `yield_from_short` and (scaled down) `yield_from` groups.
    for n in [4, 20] {
        chains_agree_over(n);
    }
}

fn chains_agree_over(n: u64) {
    let c = gen_unit(hand::counter(n));
    for (d, want) in [(1, c + 1), (4, c + 4), (16, c + 16)] {
        let got = match d {
            1 => [
                gen_unit(hand::chain1(n)),
                gen_unit(ours::chain1(n)),
                diapause_unit(diapause_impl::chain1(n)),
                run::ga_rc::chain1(n),
                run::ga_stack::chain1(n),
                run::nextgen::chain1(n),
            ],
            4 => [
                gen_unit(hand::chain4(n)),
                gen_unit(ours::chain4(n)),
                diapause_unit(diapause_impl::chain4(n)),
                run::ga_rc::chain4(n),
                run::ga_stack::chain4(n),
                run::nextgen::chain4(n),
            ],
            _ => [
                gen_unit(hand::chain16(n)),
                gen_unit(ours::chain16(n)),
                diapause_unit(diapause_impl::chain16(n)),
                run::ga_rc::chain16(n),
                run::ga_stack::chain16(n),
                run::nextgen::chain16(n),
            ],
        };
        assert_eq!(got, [want; 6], "depth {d}, n = {n}");
        assert_eq!(
            run::coro::chain(d, n),
            want,
            "corosensei depth {d}, n = {n}"
        );
    }
}
