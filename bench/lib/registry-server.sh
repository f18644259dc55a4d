# shellcheck shell=bash
# The registries bench/registry runs against, on 127.0.0.1 only: the CNCF Distribution registry
# (Debian's docker-registry) and Strata's own server (`strata registry serve`), one at a time,
# each started and stopped by its PID; and the few registry API calls the harness makes itself
# (curl). Needs common.sh; STRATA for the strata server. Sourced, not executed.

REGISTRY_PID='' REGISTRY_LOG='' REGISTRY_WHY=''  # REGISTRY_WHY: why the last registry_start failed
REGISTRY=''  # host:port of the running registry, e.g. 127.0.0.1:5000

# free_port: a loopback port nobody listens on now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# registry_start KIND STATE STORAGE PORT: start a registry of KIND (distribution | strata) on
# 127.0.0.1:PORT with its storage in STORAGE, its config and log in STATE; wait until it answers
# GET /v2/. Stops the one running first. Returns 1 (reason in REGISTRY_WHY) if it does not come up.
# shellcheck disable=SC2034  # REGISTRY_WHY is read by the harness
registry_start() {
    local kind=$1 state=$2 storage=$3 port=$4 i code
    registry_stop
    mkdir -p "$state" "$storage"
    REGISTRY=127.0.0.1:$port REGISTRY_LOG=$state/$kind.log REGISTRY_WHY=''
    case $kind in
        distribution)
            ensure_cmd docker-registry docker-registry
            # Its best set-up for serving: no access log (one line per request otherwise), the
            # blob descriptor cache in memory (Debian's default config has it too).
            cat >"$state/distribution.yml" <<EOF
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
EOF
            docker-registry serve "$state/distribution.yml" >>"$REGISTRY_LOG" 2>&1 &
            ;;
        strata)
            # The server of issue 5; the lead adjusts this line if its flags differ.
            "$STRATA" --root "$storage" registry serve --addr "127.0.0.1:$port" >>"$REGISTRY_LOG" 2>&1 &
            ;;
        *) die "unknown registry kind $kind" ;;
    esac
    REGISTRY_PID=$!
    for ((i = 0; i < 600; i++)); do  # 60 s: strata's launcher may build itself first
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://$REGISTRY/v2/" 2>/dev/null)
        [[ $code == 200 || $code == 401 ]] && return 0
        kill -0 "$REGISTRY_PID" 2>/dev/null || break
        sleep 0.1
    done
    REGISTRY_WHY="$kind registry did not answer GET /v2/: $(first_line "$REGISTRY_LOG")"
    registry_stop
    return 1
}

# registry_stop: stop the registry we started, by its PID only; escalate after 10 s.
registry_stop() {
    [[ -n $REGISTRY_PID ]] || return 0
    if kill -0 "$REGISTRY_PID" 2>/dev/null; then
        kill -TERM "$REGISTRY_PID" 2>/dev/null
        local i
        for ((i = 0; i < 100; i++)); do
            kill -0 "$REGISTRY_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$REGISTRY_PID" 2>/dev/null && { warn "registry pid $REGISTRY_PID did not stop in 10 s: KILL"; kill -KILL "$REGISTRY_PID"; }
    fi
    wait "$REGISTRY_PID" 2>/dev/null
    REGISTRY_PID=''
}

# The manifest media types a client accepts (docker's and OCI's, single images).
MANIFEST_ACCEPT='application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'

# registry_image REPO TAG: "CONFIG_DIGEST LAYER_COUNT" of REPO:TAG in the running registry.
registry_image() {
    curl -fsS -H "Accept: $MANIFEST_ACCEPT" "http://$REGISTRY/v2/$1/manifests/$2" |
        python3 -c 'import json, sys; m = json.load(sys.stdin); print(m["config"]["digest"], len(m["layers"]))'
}

# registry_put_blob REPO FILE: a monolithic blob upload (POST, then PUT with the digest); echo the digest.
registry_put_blob() {
    local repo=$1 file=$2 digest location sep
    digest=sha256:$(sha256sum "$file" | cut -d' ' -f1)
    location=$(curl -fsS -X POST -D - -o /dev/null "http://$REGISTRY/v2/$repo/blobs/uploads/" |
        awk 'tolower($1) == "location:" {print $2}' | tr -d '\r') || return 1
    [[ -n $location ]] || return 1
    [[ $location == http* ]] || location=http://$REGISTRY$location
    sep='?'; [[ $location == *\?* ]] && sep='&'
    curl -fsS -X PUT -H 'Content-Type: application/octet-stream' --data-binary @"$file" \
        "$location${sep}digest=$digest" -o /dev/null || return 1
    echo "$digest"
}

# registry_check_get PATH [DIGEST]: GET PATH answers 200 (with the manifest Accept header) and,
# given a DIGEST, a body that hashes to it. So that a wrk figure is one of real answers.
registry_check_get() {
    local body
    body=$(curl -fsS -H "Accept: $MANIFEST_ACCEPT" "http://$REGISTRY$1" | sha256sum | cut -d' ' -f1) || return 1
    [[ -z ${2:-} || sha256:$body == "$2" ]]
}
