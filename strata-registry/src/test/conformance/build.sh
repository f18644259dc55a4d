#!/usr/bin/env bash
# Builds the OCI distribution-spec conformance suite's test binary offline: OUT_DIR/conformance.test.
# Go packages come from Debian (/usr/share/gocode) and from gopath/ here (what Debian does not package),
# in GOPATH mode with no module proxy. A rebuild happens only when these sources or the Go version change.
# Usage: build.sh OUT_DIR
set -euo pipefail

here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
out="${1:?usage: build.sh OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
command -v go >/dev/null || { echo "build.sh: go is missing (Debian package golang-go)" >&2; exit 1; }

stamp="$( { go version; cd "$here" && find suite gopath build.sh -type f -print0 | sort -z | xargs -0 sha256sum; } | sha256sum | cut -c1-64)"
if [ -x "$out/conformance.test" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  exit 0
fi

# Debian installs Go modules of major version 2+ without the /vN suffix their import paths carry:
# a scratch GOPATH entry links each such import path to Debian's directory.
links="$out/gopath-links/src"
rm -rf "$out/gopath-links"
link() {
  [ -d "/usr/share/gocode/src/$2" ] || { echo "build.sh: /usr/share/gocode/src/$2 is missing (Debian package $3)" >&2; exit 1; }
  mkdir -p "$links/$(dirname "$1")"
  ln -s "/usr/share/gocode/src/$2" "$links/$1"
}
link github.com/go-resty/resty/v2 github.com/go-resty/resty golang-github-go-resty-resty-dev

export GO111MODULE=off GOPROXY=off GOFLAGS= CGO_ENABLED=0
export GOPATH="$here/gopath:$out/gopath-links:/usr/share/gocode"
export GOCACHE="$out/gocache"
cd "$here/suite"
rm -f "$out/stamp"
go test -c -o "$out/conformance.test" .
echo "$stamp" > "$out/stamp"
