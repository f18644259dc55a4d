# shellcheck shell=bash
# Wall-clock timing helpers and the results file. Needs common.sh. Sourced, not executed.
#
# Every measurement ends in T_STATUS ("ok" or "n/a (...)"), T_TIMES (seconds of each run),
# T_MEDIAN and T_MIN; `record OP TOOL` appends them to $RESULTS (TSV) for lib/report.py.

T_STATUS='' T_TIMES='' T_MEDIAN='' T_MIN=''

# _stats: read seconds, one per line, and set T_MEDIAN and T_MIN.
_stats() {
    local sorted
    sorted=$(sort -g)
    T_MIN=$(head -1 <<<"$sorted")
    T_MEDIAN=$(awk '{v[NR] = $1} END {
        if (NR % 2) printf "%.6f", v[(NR + 1) / 2]; else printf "%.6f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }' <<<"$sorted")
}

# time_runs RUNS PREPARE -- CMD [ARGS...]
#   Runs CMD RUNS times and takes its wall time. Before each run, untimed: PREPARE (a shell
#   snippet, eval'd: e.g. remove the image or the output file) and `sync`, so a run does
#   not pay for the previous run's dirty pages. CMD's stdout is discarded, its stderr kept.
#   A failing CMD ends the measurement as "n/a (exit N: first line of stderr)", so that a
#   missing or unfinished tool (strata, while it is being written) does not stop the run.
time_runs() {
    local runs=$1 prepare=$2 i t0 t1 rc err
    shift 3
    err=$(mktemp -p "${BENCH_TMP:-/tmp}")
    T_STATUS=ok T_TIMES='' T_MEDIAN='' T_MIN=''
    for ((i = 1; i <= runs; i++)); do
        if [[ -n $prepare ]] && ! eval "$prepare" >"$err" 2>&1; then
            T_STATUS="n/a (preparation failed: $(first_line "$err"))"
            break
        fi
        sync
        t0=$EPOCHREALTIME
        "$@" >/dev/null 2>"$err"
        rc=$?
        t1=$EPOCHREALTIME
        if ((rc != 0)); then
            T_STATUS="n/a (exit $rc: $(first_line "$err"))"
            break
        fi
        T_TIMES+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", b - a}') "
        log "  run $i/$runs: $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f s", b - a}')"
    done
    rm -f "$err"
    [[ $T_STATUS == ok ]] || { T_TIMES=; log "  $T_STATUS"; return 1; }
    _stats < <(tr ' ' '\n' <<<"$T_TIMES" | grep .)
}

# time_hyperfine RUNS -- CMD [ARGS...]
#   For fast commands (milliseconds to a second), where hyperfine's warm-up and many runs
#   matter. Falls back to time_runs when hyperfine is missing. CMD runs without a shell
#   (-N), so the figure is CMD's own start-up and work. One untimed trial run first turns a
#   failing CMD into "n/a (...)" instead of a hyperfine abort.
time_hyperfine() {
    local runs=$1 json err cmdline
    shift 2
    err=$(mktemp -p "${BENCH_TMP:-/tmp}")
    T_STATUS=ok T_TIMES='' T_MEDIAN='' T_MIN=''
    local rc=0
    "$@" >/dev/null 2>"$err" || rc=$?
    if ((rc != 0)); then
        T_STATUS="n/a (exit $rc: $(first_line "$err"))"
        rm -f "$err"
        log "  $T_STATUS"
        return 1
    fi
    rm -f "$err"
    if ! command -v hyperfine >/dev/null; then
        time_runs "$runs" "" -- "$@"
        return
    fi
    sync  # as in time_runs: do not let earlier writes drain during the runs
    json=$(mktemp -p "${BENCH_TMP:-/tmp}")
    cmdline=$(printf '%q ' "$@")
    if ! hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$json" \
            "$cmdline" >/dev/null 2>&1; then
        T_STATUS="n/a (hyperfine failed on: $cmdline)"
        rm -f "$json"
        return 1
    fi
    T_TIMES=$(python3 -c 'import json,sys; print(" ".join("%.6f" % t for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$json")
    rm -f "$json"
    _stats < <(tr ' ' '\n' <<<"$T_TIMES" | grep .)
    log "  $runs runs (hyperfine): median $(printf '%.3f' "$T_MEDIAN") s, min $(printf '%.3f' "$T_MIN") s"
}

# record OP TOOL [NOTE]: append the last measurement to $RESULTS.
record() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$T_STATUS" "${T_MEDIAN:--}" "${T_MIN:--}" \
        "${T_TIMES:--}" "${3:-}" >>"$RESULTS"
}

# record_na OP TOOL WHY: a measurement that could not even be attempted.
record_na() {
    T_STATUS="n/a ($3)" T_TIMES='' T_MEDIAN='' T_MIN=''
    record "$1" "$2"
}
