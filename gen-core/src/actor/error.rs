//! Errors the actor scheduler reports to its caller.

use core::fmt;

use super::Addr;

/// Why [`ActorScheduler::spawn`](super::ActorScheduler::spawn) refused an actor.
///
/// ```
/// use gen_core::actor::{ActorScheduler, SpawnError};
/// use gen_core::prelude::*;
///
/// #[generator]
/// fn idle() -> impl Generator<(), Yield = (), Return = ()> {
///     loop {
///         r#yield!(());
///     }
/// }
///
/// let mut sched = ActorScheduler::new();
/// let first = sched.spawn("idle", idle()).unwrap();
/// let err = sched.spawn("idle", idle()).unwrap_err();
/// assert_eq!(err, SpawnError::NameTaken { name: "idle".into(), by: first });
/// assert_eq!(err.to_string(), "an actor named `idle` is already running (#0)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpawnError {
    /// A running actor already has this name. Names are freed when their actor returns or
    /// panics.
    NameTaken {
        /// The name asked for.
        name: String,
        /// The running actor that holds it.
        by: Addr,
    },
}

impl fmt::Display for SpawnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpawnError::NameTaken { name, by } => {
                write!(f, "an actor named `{name}` is already running ({by})")
            }
        }
    }
}

impl std::error::Error for SpawnError {}
