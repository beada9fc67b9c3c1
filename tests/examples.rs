//! Runs every example and checks the key lines of its output against the seed documents, so
//! an example cannot rot.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Once;

/// The example binaries sit next to this test's `deps` directory. `cargo test` builds them;
/// when a single test target was built, build them here.
fn example(name: &str) -> PathBuf {
    static BUILD: Once = Once::new();
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target directory")
        .join("examples");
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !path.exists() {
        BUILD.call_once(|| {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--examples", "--quiet"])
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .status()
                .expect("cargo runs");
            assert!(status.success(), "building the examples failed");
        });
    }
    path
}

fn run(name: &str) -> String {
    let output = Command::new(example(name))
        .output()
        .unwrap_or_else(|e| panic!("example {name} runs: {e}"));
    assert!(
        output.status.success(),
        "example {name} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

/// Asserts that `lines` appear in `output` in this order.
fn assert_in_order(output: &str, lines: &[&str]) {
    let mut rest = output;
    for line in lines {
        match rest.find(line) {
            Some(at) => rest = &rest[at + line.len()..],
            None => panic!("missing or out of order: {line:?}\nin:\n{output}"),
        }
    }
}

#[test]
fn fib() {
    let out = run("fib");
    assert_in_order(
        &out,
        &[
            "fib_list(10) = [1, 1, 2, 3, 5, 8, 13, 21, 34, 55]",
            "its body has not run yet",
            "(the body of fib starts running now)",
            "1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946\n",
        ],
    );
}

#[test]
fn generator_basics() {
    let out = run("generator_basics");
    assert_in_order(
        &out,
        &[
            "started\nbefore yield\n-- 2nd call\nafter yield\nbefore yield\n",
            "start\nafter 1st yield\nafter 2nd yield\nthird step: Complete(())\n",
            "start\n1\nafter 1st yield\n2\nafter 2nd yield\n",
            "1\n3\n5\n7\n9\n",
        ],
    );
}

#[test]
fn lucas_islice() {
    let out = run("lucas_islice");
    assert_in_order(
        &out,
        &[
            "[2, 1, 3, 4, 7, 11, 18, 29, 47, 76]",
            "[11, 18, 29, 47, 76]",
            "Some(103682)",
        ],
    );
}

#[test]
fn times2() {
    assert_eq!(run("times2"), "2\n4\n6\n");
}

#[test]
fn tour_runs_every_demo() {
    let out = run("tour");
    assert_in_order(
        &out,
        &[
            "=== fib",
            "10946",
            "=== generator basics",
            "=== lucas",
            "103682",
            "=== send: times2",
            "2\n4\n6\n",
            "=== a task scheduler",
            "5 odd_till - 1\n4 even_till - 2\n",
            "=== async_map",
            "results: task 1 -> [2, 3, 4]",
            "=== async_search",
            "failed: task 4 -> Not Found",
            "=== print_matches",
            "Found : 2",
            "=== producer and consumer",
            "two producers: took",
            "=== actors",
            "counted down from 1000001: the printer got 1000001 messages",
        ],
    );
}

#[test]
fn task_scheduler() {
    // The slides' output, line for line.
    assert_eq!(
        run("task_scheduler"),
        "5 odd_till - 1\n4 even_till - 2\n6 odd_till - 1\n5 odd_till - 3\n6 odd_till - 3\n6 odd_till - 5\n"
    );
}

#[test]
fn async_map() {
    let out = run("async_map");
    assert_in_order(
        &out,
        &[
            "Complete([2, 3, 4])",
            "runner: [2, 3, 4]",
            "Running task 1\nRunning task 2\nRunning task 1\nRunning task 2\nRunning task 1\n\
             Running task 2\nRunning task 1\ntask 1 done: [2, 3, 4]\nRunning task 2\n\
             Running task 2\nRunning task 2\ntask 2 done: [0, 3, 6, 9, 12]\n",
            "results: task 1 -> [2, 3, 4], task 2 -> [0, 3, 6, 9, 12]",
        ],
    );
}

#[test]
fn async_search() {
    let out = run("async_search");
    assert_in_order(
        &out,
        &[
            "[2, 1, 3, 4, 7, 11, 18, 29, 47, 76]",
            "Hello Group!",
            "Complete(Ok(11))",
            "Running task 1 ...now yielded",
            "Running task 1 ...completed with result: 103682",
            "completed: task 2 -> Some(Ok(Ok(1149851)))",
            "completed: task 3 -> Some(Ok(Ok(141422324)))",
            "failed: task 4 -> Not Found",
        ],
    );
    assert_eq!(out.matches("Running task 1 ...now yielded").count(), 24);
}

#[test]
fn print_matches() {
    let out = run("print_matches");
    let primes = [
        "Found : 2\n",
        "Found : 3\n",
        "Found : 7\n",
        "Found : 11\n",
        "Found : 29\n",
        "Found : 47\n",
        "Found : 199\n",
        "Found : 521\n",
        "Found : 2207\n",
        "Found : 3571\n",
        "Found : 9349\n",
        "Found : 3010349\n",
        "Found : 54018521\n",
    ];
    let mut expected = vec!["== blocking is_prime", "Come get dinner"];
    expected.extend(primes);
    expected.extend(["== async_is_prime", "Come Get Dinner Fam!"]);
    expected.extend(primes);
    assert_in_order(&out, &expected);
}

#[test]
fn producer_consumer() {
    let out = run("producer_consumer");
    // 20 items with one producer, 2 x 20 with two.
    assert_eq!(out.matches(" -- generated item").count(), 60);
    assert_eq!(out.matches(" +++ Processed value").count(), 60);
    assert_in_order(
        &out,
        &[
            "== one producer ==",
            " -- generated item 1\n",
            " +++ Processed value 1 after",
            " +++ Processed value 400 after",
            "== two producers ==",
            "one producer: took",
            "two producers: took",
        ],
    );
    for line in out.lines().filter(|l| l.contains("took")) {
        // The concurrent run takes less (simulated) time than the sequential one.
        let seconds: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(seconds[0] < seconds[1], "{line}");
    }
}

#[test]
fn actors() {
    let out = run("actors");
    assert_in_order(
        &out,
        &[
            "Got: 10\nGot: 9\n",
            "Got: 1\n",
            "counted down from 1000001: the printer got 1000001 messages",
            "dead_letters: 0",
        ],
    );
}
