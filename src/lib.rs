//! Host package of the workspace's runnable examples (`examples/`) and integration tests
//! (`tests/`). The library users depend on is `gen-core`.
