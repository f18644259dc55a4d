# shellcheck shell=bash
# Start, drive and stop the peer engines (docker, podman) in private state under the bench
# work dir, so a run never touches (or is skewed by) a system-wide docker or podman store.
# Needs common.sh and freshfs.sh. Sourced, not executed.

# ---------------------------------------------------------------- docker

DOCKERD_PID=
DOCKER_DIR=

# docker_start DIR [DATA_ROOT]: start a private dockerd with all state under DIR (its image
# store in DATA_ROOT, default DIR/data) and point the docker client at it (DOCKER_HOST).
# No network set-up at all: no bridge, no iptables, no NAT.
docker_start() {
    DOCKER_DIR=$1
    local data_root=${2:-$1/data}
    ensure_cmd dockerd docker.io
    ensure_cmd docker docker.io
    # A new exec-root each time: no runtime state of an earlier dockerd (or its containerd).
    unmount_under "$DOCKER_DIR/exec"
    rm -rf "$DOCKER_DIR/exec"
    mkdir -p "$DOCKER_DIR"/{exec,cli} "$data_root"
    # An empty config file, so that a host /etc/docker/daemon.json cannot change the set-up.
    echo '{}' >"$DOCKER_DIR/daemon.json"
    log "starting dockerd (data-root $data_root, socket $DOCKER_DIR/docker.sock)"
    dockerd \
        --config-file "$DOCKER_DIR/daemon.json" \
        --data-root "$data_root" \
        --exec-root "$DOCKER_DIR/exec" \
        --pidfile "$DOCKER_DIR/docker.pid" \
        -H "unix://$DOCKER_DIR/docker.sock" \
        --storage-driver overlay2 \
        --bridge=none --iptables=false --ip-masq=false \
        >>"$DOCKER_DIR/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    export DOCKER_HOST="unix://$DOCKER_DIR/docker.sock"
    export DOCKER_CONFIG="$DOCKER_DIR/cli"  # no ~/.docker credentials or contexts
    # podman reads DOCKER_CONFIG too, for credentials, and fails if the file is missing.
    [[ -f $DOCKER_CONFIG/config.json ]] || echo '{}' >"$DOCKER_CONFIG/config.json"
    local i
    for ((i = 0; i < 120; i++)); do
        if docker version >/dev/null 2>&1; then
            log "dockerd ready (pid $DOCKERD_PID, $(docker version -f 'server {{.Server.Version}}, client {{.Client.Version}}' 2>/dev/null), driver $(docker info -f '{{.Driver}}' 2>/dev/null))"
            return 0
        fi
        kill -0 "$DOCKERD_PID" 2>/dev/null || break
        sleep 0.5
    done
    tail -5 "$DOCKER_DIR/dockerd.log" >&2
    docker_stop
    return 1
}

# docker_stop: stop the dockerd we started, by its PID only; escalate after 30 s.
docker_stop() {
    [[ -n $DOCKERD_PID ]] || return 0
    if kill -0 "$DOCKERD_PID" 2>/dev/null; then
        log "stopping dockerd (pid $DOCKERD_PID)"
        kill -TERM "$DOCKERD_PID" 2>/dev/null
        local i
        for ((i = 0; i < 60; i++)); do
            kill -0 "$DOCKERD_PID" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$DOCKERD_PID" 2>/dev/null; then
            warn "dockerd did not stop in 30 s: sending KILL to pid $DOCKERD_PID"
            kill -KILL "$DOCKERD_PID" 2>/dev/null
        fi
        wait "$DOCKERD_PID" 2>/dev/null
    fi
    DOCKERD_PID=
}

# docker_fresh DIR FS: (re)start the private dockerd (state in DIR) with its data-root on a
# new empty filesystem mounted at FS: stop the running one by its PID, drop its filesystem,
# make a new one, start dockerd again. Untimed set-up before each timed docker run.
docker_fresh() {
    docker_stop
    fresh_fs "$2" || return 1
    docker_start "$1" "$2/data" || return 1
    # Let the new daemon finish starting up (containerd plugins, its own clean-up) before a
    # timed run begins: a daemon that answers may still be busy for a moment.
    sleep 1
}

# docker_clean: remove every image from the private daemon (before `images` fills it).
docker_clean() {
    local ids
    ids=$(docker images -aq 2>/dev/null | sort -u)
    # shellcheck disable=SC2086  # one argument per image ID
    [[ -z $ids ]] || docker rmi -f $ids >/dev/null 2>&1
    # Fail loudly if layers survived: a load that finds its layers present measures nothing.
    [[ -z $(docker images -aq 2>/dev/null) ]]
}

# ---------------------------------------------------------------- podman

PODMAN_RUNROOT=
PODMAN_DIR=
PODMAN=()  # the podman command line with its private store; use as "${PODMAN[@]}" ARGS

# podman_conf FILE TMP COPY_TMP: write a private containers.conf (see podman_setup): no
# systemd/journald (not running here), events and image-copy temp files where given.
# For containers (bench/containers): runc (crun does not work on this machine's hybrid
# cgroups), and rlimits runc can set: without CAP_SYS_RESOURCE (missing in some sandboxes) runc
# cannot raise a container's limits above the caller's hard ones, and podman asks for 1048576
# open files by default; its conmon runs with at most 32768 processes.
podman_conf() {
    local nofile nproc
    nofile=$(ulimit -Hn) nproc=$(ulimit -Hu)
    [[ $nofile == unlimited ]] && nofile=1048576
    [[ $nproc == unlimited || $nproc -gt 32768 ]] && nproc=32768
    cat >"$1" <<EOF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$2/events.log"
image_copy_tmp_dir = "$3"
runtime = "runc"
EOF
}

# podman_setup DIR FS: a private podman set-up (runroot, tmp, config) under DIR, with the
# store itself (graph root, and the temp files of image copies) on a fresh filesystem
# mounted at FS. podman has no daemon, so nothing is started; each command opens the store.
podman_setup() {
    local dir=$1 fs=$2
    PODMAN_DIR=$dir
    ensure_cmd podman podman
    mkdir -p "$dir"/tmp
    # podman refuses a runroot path longer than 50 characters (a long --work dir): then use
    # a short private one under /tmp, removed again by podman_teardown.
    PODMAN_RUNROOT=$dir/runroot
    if ((${#PODMAN_RUNROOT} > 50)); then
        PODMAN_RUNROOT=$(mktemp -d /tmp/strata-bench-runroot.XXXXXX)
    fi
    mkdir -p "$PODMAN_RUNROOT"
    podman_conf "$dir/containers.conf" "$dir/tmp" "$fs/tmp"
    export CONTAINERS_CONF="$dir/containers.conf"
    PODMAN=(podman --root "$fs/root" --runroot "$PODMAN_RUNROOT" --storage-driver overlay
            --tmpdir "$dir/tmp")
    podman_fresh "$fs" 2>"$dir/setup.err" || {
        warn "podman does not work: $(first_line "$dir/setup.err")"
        return 1
    }
    log "podman ready ($(podman --version), store $fs/root)"
}

# podman_fresh FS: a new empty podman store on a new filesystem mounted at FS (the FS given
# to podman_setup): drop the old filesystem, make a new one, start from an empty runroot and
# tmp dir, and let podman create its store (`podman images`), so that a timed `load` finds
# an initialised store without the image, as it did before fresh filesystems.
podman_fresh() {
    local fs=$1
    fresh_fs "$fs" || return 1
    mkdir -p "$fs"/{root,tmp}
    unmount_under "$PODMAN_RUNROOT"
    rm -rf "${PODMAN_RUNROOT:?}" "${PODMAN_DIR:?}/tmp"
    mkdir -p "$PODMAN_RUNROOT" "$PODMAN_DIR/tmp"
    "${PODMAN[@]}" images >/dev/null
}

# podman_teardown: remove a runroot that podman_setup had to put outside the work dir.
podman_teardown() {
    [[ ${PODMAN_RUNROOT:-} == /tmp/strata-bench-runroot.* ]] || return 0
    unmount_under "$PODMAN_RUNROOT"
    rm -rf "$PODMAN_RUNROOT"
}

# podman_clean: remove every image from the private store (before `images` fills it).
podman_clean() {
    "${PODMAN[@]}" rmi -af >/dev/null 2>&1
    [[ -z $("${PODMAN[@]}" images -aq 2>/dev/null) ]]
}
