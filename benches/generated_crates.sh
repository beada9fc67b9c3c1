# Shared by compile_time.sh and chain_compile_time.sh, which source it: the crates they
# generate, and how they time a build. Expects $root (the workspace) to be set.

# Writes the Cargo.toml of a generated binary crate into $1: package $2, the dependency of
# approach $3 (ours, diapause, genawaiter or hand), then any further lines ($4). The crate is a
# workspace of its own and gets the workspace's lock file, so that the packages it shares with
# the workspace are the same versions.
write_manifest() {
    local dir=$1 name=$2 approach=$3 extra=${4:-} deps=""
    case "$approach" in
        ours) deps="gen-core = { path = \"$root/gen-core\" }" ;;
        diapause) deps='diapause = "0.2"' ;;
        genawaiter) deps='genawaiter = "0.99"' ;;
        hand) ;;
        *) echo "unknown approach '$approach'" >&2; return 1 ;;
    esac
    cat >"$dir/Cargo.toml" <<TOML
[package]
name = "$name"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
$deps
$extra
TOML
    cp "$root/Cargo.lock" "$dir/Cargo.lock"
}

# The wall seconds of a command; its output goes to $log. A command that fails (a build error,
# or rustc crashing) stops the script with a message naming the log, rather than timing it.
secs() {
    local t0 t1
    t0=$(date +%s.%N)
    if ! "$@" >>"$log" 2>&1; then
        echo "$(basename "$0"): \`$*\` failed in $PWD; its output is in $log" >&2
        return 1
    fi
    t1=$(date +%s.%N)
    echo "$t0 $t1" | awk '{printf "%.2f", $2 - $1}'
}
