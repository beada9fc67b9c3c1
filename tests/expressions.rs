//! `r#yield!` inside expressions: operands are evaluated left to right, once, around the
//! suspension point, and `&&`/`||` keep short-circuiting.

use std::cell::RefCell;
use std::rc::Rc;

use gen_core::prelude::*;

/// Drives a generator that yields labels, answering each with `answer(label)`, and records the
/// order of events (yields and the body's own `log` entries).
fn drive<G>(mut g: G, log: &Rc<RefCell<Vec<String>>>, answer: impl Fn(&str) -> i32) -> G::Return
where
    G: Generator<i32, Yield = &'static str>,
{
    let mut step = g.start();
    loop {
        match step {
            GeneratorState::Yielded(label) => {
                log.borrow_mut().push(format!("yield {label}"));
                step = g.resume(answer(label));
            }
            GeneratorState::Complete(value) => return value,
        }
    }
}

fn note(log: &Rc<RefCell<Vec<String>>>, what: &str, value: i32) -> i32 {
    log.borrow_mut().push(format!("{what} {value}"));
    value
}

#[generator]
fn operands(
    log: Rc<RefCell<Vec<String>>>,
) -> impl Generator<i32, Yield = &'static str, Return = i32> {
    note(&log, "a", 1) + r#yield!("b") * note(&log, "c", 3) - r#yield!("d")
}

#[test]
fn binary_operands_in_order() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let result = drive(
        operands(log.clone()),
        &log,
        |l| if l == "b" { 10 } else { 4 },
    );
    assert_eq!(result, 1 + 10 * 3 - 4);
    assert_eq!(*log.borrow(), ["a 1", "yield b", "c 3", "yield d"]);
}

fn three(a: i32, b: i32, c: i32) -> i32 {
    a * 100 + b * 10 + c
}

#[generator]
fn call_args(
    log: Rc<RefCell<Vec<String>>>,
) -> impl Generator<i32, Yield = &'static str, Return = i32> {
    three(
        note(&log, "first", 1),
        r#yield!("second"),
        note(&log, "third", 3),
    )
}

#[test]
fn call_arguments_in_order() {
    let log = Rc::new(RefCell::new(Vec::new()));
    assert_eq!(drive(call_args(log.clone()), &log, |_| 2), 123);
    assert_eq!(*log.borrow(), ["first 1", "yield second", "third 3"]);
}

#[generator]
fn method_receiver_and_args() -> impl Generator<i32, Yield = &'static str, Return = Vec<i32>> {
    let mut v = vec![r#yield!("init")];
    v.push(r#yield!("push"));
    v.extend([r#yield!("x"), 7, r#yield!("y")]);
    let n = v.len() as i32 + r#yield!("len");
    v.push(n);
    v
}

#[test]
fn receivers_arrays_and_let_initialisers() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let answers = |l: &str| match l {
        "init" => 1,
        "push" => 2,
        "x" => 3,
        "y" => 4,
        _ => 100,
    };
    let v = drive(method_receiver_and_args(), &log, answers);
    assert_eq!(v, [1, 2, 3, 7, 4, 105]);
}

#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[generator]
fn literals() -> impl Generator<i32, Yield = &'static str, Return = (Point, (i32, i32), [i32; 2])> {
    let p = Point {
        x: r#yield!("x"),
        y: r#yield!("y"),
    };
    let t = (r#yield!("t0"), 0);
    let a = [1, r#yield!("a1")];
    (p, t, a)
}

#[test]
fn struct_tuple_and_array_literals() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let (p, t, a) = drive(literals(), &log, |l| l.len() as i32 * 10);
    assert_eq!(p, Point { x: 10, y: 10 });
    assert_eq!(t, (20, 0));
    assert_eq!(a, [1, 20]);
    assert_eq!(
        *log.borrow(),
        ["yield x", "yield y", "yield t0", "yield a1"]
    );
}

#[generator]
fn short_circuit(
    log: Rc<RefCell<Vec<String>>>,
    flag: bool,
) -> impl Generator<i32, Yield = &'static str, Return = (bool, bool)> {
    let and = flag && r#yield!("and") > 0;
    let or = flag || r#yield!("or") > 0;
    note(&log, "end", 0);
    (and, or)
}

#[test]
fn and_and_or_short_circuit() {
    let log = Rc::new(RefCell::new(Vec::new()));
    assert_eq!(
        drive(short_circuit(log.clone(), true), &log, |_| 1),
        (true, true)
    );
    assert_eq!(*log.borrow(), ["yield and", "end 0"]);

    let log = Rc::new(RefCell::new(Vec::new()));
    assert_eq!(
        drive(short_circuit(log.clone(), false), &log, |_| 1),
        (false, true)
    );
    assert_eq!(*log.borrow(), ["yield or", "end 0"]);
}

#[generator]
fn conditions() -> impl Generator<i32, Yield = &'static str, Return = Vec<&'static str>> {
    let mut seen = Vec::new();
    if r#yield!("if") > 0 {
        seen.push("then");
    } else {
        seen.push("else");
    }
    match r#yield!("match") {
        0 => seen.push("zero"),
        _ => seen.push("other"),
    }
    let mut n = 0;
    while r#yield!("while") > n {
        n += 1;
    }
    seen.push(if n == 2 { "two" } else { "not two" });
    seen
}

#[test]
fn conditions_and_scrutinees() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let seen = drive(conditions(), &log, |l| if l == "match" { 0 } else { 2 });
    assert_eq!(seen, ["then", "zero", "two"]);
    assert_eq!(
        *log.borrow(),
        [
            "yield if",
            "yield match",
            "yield while",
            "yield while",
            "yield while"
        ]
    );
}

#[generator]
fn assignments() -> impl Generator<i32, Yield = &'static str, Return = [i32; 3]> {
    let mut a = [0; 3];
    a[0] = r#yield!("zero");
    a[r#yield!("index") as usize] += r#yield!("add");
    let mut total = 0;
    total += r#yield!("total");
    a[1] = total;
    a
}

#[test]
fn assignment_targets_and_values() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let a = drive(assignments(), &log, |l| match l {
        "zero" => 5,
        "index" => 2,
        "add" => 9,
        _ => 4,
    });
    assert_eq!(a, [5, 4, 9]);
}

#[generator]
fn value_blocks() -> impl Generator<i32, Yield = &'static str, Return = i32> {
    let x = {
        let a = r#yield!("a");
        a * 2
    };
    let y = if x > 5 { r#yield!("big") } else { -1 };
    let z = match y {
        0 => 0,
        n => n + r#yield!("n"),
    };
    x + y + z
}

#[test]
fn blocks_ifs_and_matches_as_values() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let r = drive(value_blocks(), &log, |l| match l {
        "a" => 3,
        "big" => 10,
        _ => 1,
    });
    assert_eq!(r, 6 + 10 + 11);
}

#[generator]
fn question_mark_on_resume() -> impl Generator<Option<i32>, Yield = (), Return = Option<i32>> {
    let a = r#yield!(())?;
    let b = r#yield!(())?;
    Some(a + b)
}

#[test]
fn question_mark_on_a_resume_value() {
    let mut g = question_mark_on_resume();
    assert!(g.start().is_yielded());
    assert!(g.resume(Some(1)).is_yielded());
    assert_eq!(g.resume(Some(2)), GeneratorState::Complete(Some(3)));

    let mut g = question_mark_on_resume();
    assert!(g.start().is_yielded());
    assert_eq!(g.resume(None), GeneratorState::Complete(None));
}

#[generator]
fn casts_and_unary() -> impl Generator<i32, Yield = (), Return = (i64, i32, bool)> {
    let a = r#yield!(()) as i64 * 2;
    let b = -r#yield!(());
    let c = !(r#yield!(()) > 0);
    (a, b, c)
}

#[test]
fn casts_and_unary_operators() {
    let mut g = casts_and_unary();
    assert!(g.start().is_yielded());
    assert!(g.resume(21).is_yielded());
    assert!(g.resume(5).is_yielded());
    assert_eq!(g.resume(1), GeneratorState::Complete((42, -5, false)));
}
