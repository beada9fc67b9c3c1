//! Every misuse the macro rejects, with the error it gives (snapshots made with the
//! toolchain pinned in rust-toolchain.toml).

#[test]
fn compile_fail() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
}
