# Shared helpers for the load scripts in this directory; sourced, not run.
# Everything here binds to loopback and reads sipp's -trace_stat CSV by header NAME (the column
# numbers differ between sipp builds, the names do not).

load_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() {
    echo "$(basename "$0"): $*" >&2
    exit 2
}

require_sipp() {
    command -v sipp >/dev/null 2>&1 ||
        die "sipp not found: run scripts/install-peers.sh (Debian package sip-tester)"
}

# sipp_stat CSV NAME: the value of column NAME (e.g. "SuccessfulCall(C)") in the CSV's last row.
sipp_stat() {
    local csv=$1 name=$2
    [[ -s "$csv" ]] || { echo ""; return; }
    awk -F';' -v name="$name" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i; next }
        { last = $col }
        END { if (col == 0) { print "missing column " name > "/dev/stderr"; exit 1 } print last }
    ' "$csv"
}

# sipp_elapsed CSV: seconds between StartTime and CurrentTime of the last row, with decimals
# (ElapsedTime(C) only has whole seconds). The time fields end in a tab and the epoch time.
sipp_elapsed() {
    local csv=$1 start current
    start=$(sipp_stat "$csv" StartTime)
    current=$(sipp_stat "$csv" CurrentTime)
    [[ -n "$start" && -n "$current" ]] || { echo 0; return; }
    awk -v s="${start##*$'\t'}" -v c="${current##*$'\t'}" 'BEGIN { printf "%.3f", c - s }'
}

# port_in_use PORT: true when any UDP or TCP socket (IPv4 or IPv6) is bound to PORT.
port_in_use() {
    local hex
    hex=$(printf '%04X' "$1")
    awk -v hex="$hex" 'FNR > 1 { split($2, a, ":"); if (a[2] == hex) found = 1 } END { exit !found }' \
        /proc/net/udp /proc/net/udp6 /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# free_port: a port below the ephemeral range that is free for both UDP and TCP right now.
free_port() {
    local tries port
    for ((tries = 0; tries < 200; tries++)); do
        port=$((20000 + RANDOM % 12000))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found"
}

# wait_bound PORT PID SECONDS: waits until PORT is bound (by the sipp we started as PID).
wait_bound() {
    local port=$1 pid=$2 i
    for ((i = 0; i < $3 * 20; i++)); do
        port_in_use "$port" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.05
    done
    return 1
}

# stop_pid PID: SIGUSR1 (sipp ends gracefully and writes its final statistics), SIGKILL after 5 s.
stop_pid() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -USR1 "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# write_users_csv FILE PREFIX FIRST COUNT PASSWORD: the injection file the REGISTER scenarios read.
# Fields: user;password;[authentication ...];[authentication ... with a spoiled password].
write_users_csv() {
    local file=$1 prefix=$2 first=$3 count=$4 password=$5
    [[ "$prefix$password" != *[\;\]\[[:space:]]* ]] ||
        die "user prefix and password must not contain ';', '[', ']' or spaces"
    awk -v prefix="$prefix" -v first="$first" -v count="$count" -v pw="$password" 'BEGIN {
        print "SEQUENTIAL"
        for (i = first; i < first + count; i++) {
            u = prefix i
            printf "%s;%s;[authentication username=%s password=%s];[authentication username=%s password=%s-wrong]\n",
                u, pw, u, pw, u, pw
        }
    }' > "$file"
}
