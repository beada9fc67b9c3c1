//! The types users hold implement `Debug` with useful contents.

use gen_core::actor::{ActorScheduler, Recipient};
use gen_core::prelude::*;

#[generator]
fn fragile() -> impl Generator<u8, Yield = (), Return = ()> {
    loop {
        let n = r#yield!(());
        assert!(n != 0, "zero");
    }
}

#[test]
fn debug_output_names_actors_and_contents() {
    let mut sched = ActorScheduler::new();
    sched.capture_failed_messages();
    let a = sched.spawn("alpha", fragile()).unwrap();
    sched.spawn("beta", fragile()).unwrap();
    sched.send("beta", 0);
    sched.send("gamma", 7);
    let ctx = sched.context();
    assert_eq!(format!("{ctx:?}"), "Context { queued: 1, actors: 2, .. }");
    let before = format!("{sched:?}");
    assert!(before.contains(r#"running: ["alpha", "beta"]"#), "{before}");
    assert!(before.contains("pending: 1"), "{before}");

    sched.run();
    let after = format!("{sched:?}");
    assert!(after.contains(r#"running: ["alpha"]"#), "{after}");
    assert_eq!(format!("{a:?}"), "Addr(#0)");
    assert_eq!(a.to_string(), "#0");
    assert_eq!(format!("{:?}", Recipient::from(a)), "Addr(Addr(#0))");

    let failure = format!("{:?}", sched.take_failures()[0]);
    assert!(
        failure.contains(r#"actor: "beta""#) && failure.contains("message: Some(0)"),
        "{failure}"
    );
    let letter = format!("{:?}", sched.take_dead_letters()[0]);
    assert!(
        letter.contains(r#"recipient: "gamma""#) && letter.contains("message: 7"),
        "{letter}"
    );
    assert!(format!("{:?}", sched.stats()).contains("delivered: 1"));
}
