#!/usr/bin/env bash
# Installs the real SIP peers the tests and load scripts drive, when missing.
#
# Usage: scripts/install-peers.sh
#
#   sip-tester   sipp 3.6.1 (Debian's package name), used by tests and tests/load/*.sh
#   baresip      headless softphone (baresip-core holds the binary and modules)
#   linphone-cli linphonec, a second softphone brand (Linphone's console client) the call tests drive
#   sox          makes WAV files for sipp's rtp_stream media scenarios; checks G.711 against our codec
#   ffmpeg       an independent G.722 encoder/decoder the codec tests compare against
#   libspandsp2  SpanDSP, baresip's G.722 implementation, loaded by the codec tests
#
# Idempotent: prints nothing and exits 0 when every package is already installed;
# runs `apt-get update` once, only when something is missing. Exits non-zero with
# a message on stderr when the install fails or the binaries are still missing.
set -euo pipefail

packages=(sip-tester baresip baresip-core linphone-cli sox ffmpeg libspandsp2)
binaries=(sipp baresip linphonec sox ffmpeg)

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

missing_packages() {
    local p
    for p in "${packages[@]}"; do
        is_installed "$p" || printf '%s\n' "$p"
    done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
    exit 0
fi

as_root=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        as_root=(sudo)
    else
        echo "install-peers: missing ${missing[*]} and not root (no sudo) to install them" >&2
        exit 1
    fi
fi

# Several engineers or test runs may call this at once: one installer at a time,
# and dpkg's own lock is waited for instead of failing at once.
exec 9>"${TMPDIR:-/tmp}/contactcenter-install-peers.lock"
flock -w 600 9 || { echo "install-peers: timed out waiting for another install" >&2; exit 1; }

# Another run may have installed them while we waited for the lock.
mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "install-peers: installing ${missing[*]}" >&2
apt_opts=(-o DPkg::Lock::Timeout=300 -q)
if ! "${as_root[@]}" apt-get "${apt_opts[@]}" update >/dev/null; then
    echo "install-peers: apt-get update failed" >&2
    exit 1
fi
if ! "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null; then
    echo "install-peers: apt-get install ${missing[*]} failed" >&2
    exit 1
fi

mapfile -t missing < <(missing_packages)
for b in "${binaries[@]}"; do
    command -v "$b" >/dev/null 2>&1 || missing+=("binary:$b")
done
if ((${#missing[@]} != 0)); then
    echo "install-peers: still missing after install: ${missing[*]}" >&2
    exit 1
fi
echo "install-peers: done" >&2
