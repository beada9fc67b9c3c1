//! Suspension points in every kind of Rust control flow.

use gen_core::prelude::*;

fn collect<G: Generator<(), Return = ()>>(g: G) -> Vec<G::Yield> {
    g.iter().collect()
}

#[generator]
fn nested_loops(n: u32) -> impl Generator<Yield = (u32, u32), Return = ()> {
    for i in 0..n {
        for j in 0..i {
            r#yield!((i, j));
        }
    }
}

#[test]
fn nested_for_loops() {
    assert_eq!(
        collect(nested_loops(4)),
        [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)]
    );
}

#[generator]
fn labeled(limit: u32) -> impl Generator<Yield = u32, Return = ()> {
    'outer: for i in 0..limit {
        let mut j = 0;
        loop {
            if j == 3 {
                continue 'outer;
            }
            if i == 2 {
                break 'outer;
            }
            r#yield!(i * 10 + j);
            j += 1;
        }
    }
}

#[test]
fn labeled_break_and_continue_cross_suspension_points() {
    assert_eq!(collect(labeled(5)), [0, 1, 2, 10, 11, 12]);
}

#[generator]
fn while_let(mut stack: Vec<u8>) -> impl Generator<Yield = u8, Return = usize> {
    let mut popped = 0;
    while let Some(top) = stack.pop() {
        popped += 1;
        if top % 2 == 0 {
            continue;
        }
        r#yield!(top);
    }
    popped
}

#[test]
fn while_let_with_continue_and_a_return_value() {
    let mut it = while_let(vec![1, 2, 3, 4, 5]).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [5, 3, 1]);
    assert_eq!(it.into_return(), Some(5));
}

#[generator]
fn loop_value() -> impl Generator<Yield = u32, Return = u32> {
    let mut i = 0;
    let found = loop {
        r#yield!(i);
        i += 1;
        if i * i > 10 {
            break i * 100;
        }
    };
    found + 1
}

#[test]
fn break_with_value_across_a_suspension_point() {
    let mut it = loop_value().iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(it.into_return(), Some(401));
}

#[generator]
fn matcher(items: Vec<Option<i32>>) -> impl Generator<Yield = String, Return = ()> {
    for item in items {
        match item {
            Some(n) if n < 0 => r#yield!(format!("negative {n}")),
            Some(n) => {
                r#yield!(format!("got {n}"));
                r#yield!(format!("again {n}"));
            }
            None => {}
        }
    }
}

#[test]
fn match_with_guards_and_bindings_kept_across_yields() {
    assert_eq!(
        collect(matcher(vec![Some(1), None, Some(-2)])),
        ["got 1", "again 1", "negative -2"]
    );
}

#[generator]
fn if_let_chain(pairs: Vec<(Option<u8>, u8)>) -> impl Generator<Yield = u8, Return = ()> {
    for (a, b) in pairs {
        if let Some(x) = a
            && x > b
        {
            r#yield!(x);
        } else {
            r#yield!(b);
        }
    }
}

#[test]
fn if_let_chains() {
    assert_eq!(
        collect(if_let_chain(vec![(Some(5), 1), (Some(1), 5), (None, 7)])),
        [5, 5, 7]
    );
}

#[generator]
fn early_return(limit: u32) -> impl Generator<Yield = u32, Return = &'static str> {
    let mut n = 0;
    loop {
        if n == limit {
            return "limit";
        }
        r#yield!(n);
        n += 1;
    }
}

#[test]
fn return_completes() {
    let mut g = early_return(2);
    assert_eq!(g.advance(), GeneratorState::Yielded(0));
    assert_eq!(g.advance(), GeneratorState::Yielded(1));
    assert_eq!(g.advance(), GeneratorState::Complete("limit"));
}

#[generator]
fn parse_all(
    inputs: Vec<&'static str>,
) -> impl Generator<Yield = i64, Return = Result<i64, std::num::ParseIntError>> {
    let mut sum = 0;
    for s in inputs {
        let n: i64 = s.parse()?;
        sum += n;
        r#yield!(sum);
    }
    Ok(sum)
}

#[test]
fn question_mark_on_result() {
    let mut it = parse_all(vec!["1", "2"]).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1, 3]);
    assert_eq!(it.into_return(), Some(Ok(3)));

    let mut it = parse_all(vec!["1", "x", "2"]).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1]);
    assert!(it.into_return().unwrap().is_err());
}

#[generator]
fn first_even(items: Vec<u32>) -> impl Generator<Yield = u32, Return = Option<u32>> {
    for &x in items.iter() {
        r#yield!(x);
    }
    let even = items.into_iter().find(|x| x % 2 == 0)?;
    Some(even * 10)
}

#[test]
fn question_mark_on_option() {
    let mut it = first_even(vec![1, 4]).iter();
    assert_eq!(it.by_ref().count(), 2);
    assert_eq!(it.into_return(), Some(Some(40)));
    let mut it = first_even(vec![1, 3]).iter();
    assert_eq!(it.by_ref().count(), 2);
    assert_eq!(it.into_return(), Some(None));
}

#[generator]
fn let_else(items: Vec<&'static str>) -> impl Generator<Yield = u32, Return = u32> {
    let mut total = 0;
    for s in items {
        let Ok(n) = s.parse::<u32>() else {
            r#yield!(0);
            continue;
        };
        total += n;
        r#yield!(n);
    }
    total
}

#[test]
fn let_else_around_suspension_points() {
    let mut it = let_else(vec!["4", "x", "6"]).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [4, 0, 6]);
    assert_eq!(it.into_return(), Some(10));
}

#[generator]
fn shadowing() -> impl Generator<Yield = String, Return = ()> {
    let x = 1;
    r#yield!(x.to_string());
    let x = format!("{x}{x}");
    r#yield!(x.clone());
    {
        let len = x.len();
        r#yield!(len.to_string());
    }
    r#yield!(x);
}

#[test]
fn shadowed_bindings() {
    assert_eq!(collect(shadowing()), ["1", "11", "2", "11"]);
}

#[generator]
fn labeled_block(flag: bool) -> impl Generator<Yield = u8, Return = u8> {
    let v = 'block: {
        r#yield!(1);
        if flag {
            break 'block 10;
        }
        r#yield!(2);
        20
    };
    v
}

#[test]
fn labeled_block_with_value() {
    let mut it = labeled_block(true).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1]);
    assert_eq!(it.into_return(), Some(10));
    let mut it = labeled_block(false).iter();
    assert_eq!(it.by_ref().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(it.into_return(), Some(20));
}

#[generator]
fn no_yield_at_all(x: u8) -> impl Generator<Yield = (), Return = u8> {
    x * 2
}

#[test]
fn a_body_without_suspension_points_completes_at_once() {
    assert_eq!(no_yield_at_all(4).run_to_completion(), 8);
}

#[generator]
fn iterator_form(n: usize) -> impl Iterator<Item = usize> {
    for i in 0..n {
        r#yield!(i * i);
    }
}

#[test]
fn impl_iterator_form() {
    assert_eq!(iterator_form(4).collect::<Vec<_>>(), [0, 1, 4, 9]);
}
