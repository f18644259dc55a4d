# shellcheck shell=bash
# Common helpers for the bench scripts: logging, dependency installation, disk checks.
# Sourced, not executed.

export LC_ALL=C  # decimal points and sort order must not depend on the caller's locale

log()  { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
warn() { printf '[bench %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die()  { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# ensure_cmd CMD PACKAGE: install PACKAGE with apt if CMD is missing, and say so.
# The harness must work on a fresh machine (nothing installed by hand survives), so it
# installs what it needs itself; `apt-get update` runs at most once per harness run.
_APT_UPDATED=
ensure_cmd() {
    local cmd=$1 pkg=$2
    command -v "$cmd" >/dev/null 2>&1 && return 0
    log "$cmd not found: installing Debian package '$pkg' with apt-get"
    if [[ -z $_APT_UPDATED ]]; then
        apt-get update -q >&2 || die "apt-get update failed"
        _APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$pkg" >&2 \
        || die "apt-get install $pkg failed"
    command -v "$cmd" >/dev/null 2>&1 || die "$pkg installed but $cmd is still not on PATH"
}

# check_space DIR NEED_MB: fail early (with the figures) rather than half-way through a run.
check_space() {
    local dir=$1 need_mb=$2 avail_mb probe=$1
    while [[ ! -d $probe ]]; do probe=$(dirname "$probe"); done
    avail_mb=$(df -Pm "$probe" | awk 'NR==2 {print $4}')
    if (( avail_mb < need_mb )); then
        die "work dir $dir: only ${avail_mb} MB free on its filesystem, this run needs ~${need_mb} MB (use --work DIR elsewhere)"
    fi
    log "work dir $dir: ${avail_mb} MB free, this run needs ~${need_mb} MB: ok"
}

# first_line FILE: first non-empty line of FILE, trimmed, for one-line error reports.
first_line() {
    # bash's own "script: line N: " prefix (e.g. on a missing launcher) is noise: drop it.
    grep -m1 -v '^[[:space:]]*$' "$1" 2>/dev/null | sed -E 's/^[^:]+: line [0-9]+: //' |
        cut -c1-160 | tr -d '\r'
}

# unmount_under DIR: unmount anything still mounted below DIR (deepest first), so that
# `rm -rf` of a peer's store never walks into, or fails on, a live overlay mount.
unmount_under() {
    local dir
    dir=$(realpath -m "$1")
    awk -v d="$dir/" 'index($2 "/", d) == 1 {print $2}' /proc/self/mounts | sort -r |
        while read -r m; do umount -l "$m" 2>/dev/null || warn "could not unmount $m"; done
}
