# shellcheck shell=bash
# Helpers every benchmark harness shares: strata's untimed warm-up, the check that the launcher
# did not rebuild strata during a figure, skipping a peer that could not start, and the load
# average. Needs common.sh and timing.sh; the harness defines `uses TOOL`, STRATA, WORK,
# BENCH_TMP, and DOCKER_DOWN/PODMAN_DOWN when a peer is down. Sourced, not executed.

# strata may build itself on first use: do that once here, untimed, and show what it says.
warm_up_strata() {
    uses strata || return 0
    log "strata: $STRATA"
    if [[ ! -x $STRATA ]]; then
        warn "strata launcher not found or not executable: strata figures will be n/a"
        return 0
    fi
    log "warming up strata (first use may build it)"
    local out
    # The version from stdout only: stderr has the launcher's build messages, if it builds.
    if out=$("$STRATA" --version 2>"$BENCH_TMP/strata-version.err"); then
        STRATA_VERSION=$(head -1 <<<"$out")
        log "strata ready: $STRATA_VERSION"
    else
        warn "strata --version failed: $(first_line "$BENCH_TMP/strata-version.err") (continuing; strata figures may be n/a)"
    fi
    # One throw-away command on a scratch store too, so that any first-use work (build,
    # class-data or AOT caches) is not charged to the first timed run.
    "$STRATA" --root "$WORK/strata/warm-up" images >/dev/null 2>&1 || true
    rm -rf "$WORK/strata/warm-up"
}

# skip_if_down OP TOOL: for a peer that could not start, record why and return 0; else 1.
skip_if_down() {
    local op=$1 tool=$2 why=
    [[ $tool == docker ]] && why=${DOCKER_DOWN:-}
    [[ $tool == podman ]] && why=${PODMAN_DOWN:-}
    if [[ -n $why ]]; then record_na "$op" "$tool" "$why"; return 0; fi
    return 1
}

# The repository's ./strata rebuilds itself when its sources changed. In a checkout that
# others commit to, that can happen between two timed runs, and a figure that includes a
# Maven build is not strata's: strata_mark before a strata figure, strata_check after it.
STRATA_SIG0=
strata_build_sig() {  # the mtimes of the launcher's build outputs (none: empty)
    local t
    t=$(dirname "$(readlink -f "$STRATA")")/strata-cli/target
    stat -c %y "$t/.strata-built" "$t/strata-cli.jar" 2>/dev/null | tr '\n' ' '
}
strata_mark() { STRATA_SIG0=$(strata_build_sig); }
strata_check() {
    [[ $T_STATUS == ok && $(strata_build_sig) != "$STRATA_SIG0" ]] || return 0
    # shellcheck disable=SC2034  # read by record (timing.sh)
    T_STATUS="n/a (strata was rebuilt during these runs: its checkout changed; re-run)" T_MEDIAN='' T_MIN='' T_TIMES=''
    log "  $T_STATUS"
}

# The machine has 2 cores and may be shared (builds, tests): a busy machine skews every
# figure, so say how busy it was, at the start and at the end.
note_load() {
    local load
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    LOAD_NOTES+="${LOAD_NOTES:+; }$1 $load"
    if awk -v l="${load%% *}" 'BEGIN {exit !(l > 1.0)}'; then
        warn "load average $load at the $1 on $(nproc) cores: other processes compete, figures will be noisy"
    fi
}

