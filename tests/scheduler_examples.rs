//! Runs the scheduler examples and checks their output against the seeds (the helpers follow
//! `tests/examples.rs`).

use std::path::PathBuf;
use std::process::Command;
use std::sync::Once;

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
fn task_scheduler_prints_the_slides_output_exactly() {
    assert_eq!(
        run("task_scheduler"),
        "5 odd_till - 1\n4 even_till - 2\n6 odd_till - 1\n5 odd_till - 3\n6 odd_till - 3\n6 odd_till - 5\n"
    );
}

#[test]
fn async_map_interleaves_two_tasks() {
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
fn async_search_returns_the_found_item_and_fails_when_nothing_matches() {
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
fn print_matches_finds_the_lucas_primes_in_both_versions() {
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
fn producer_consumer_processes_every_item() {
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
}
