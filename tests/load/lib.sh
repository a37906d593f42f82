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

# ---- The server under test (call-load.sh, rtp-load.sh) ----

repo_dir="$(cd "$load_dir/../.." && pwd)"

# proc_cpu_seconds PID: user + system CPU seconds the process has used so far (from /proc/PID/stat).
proc_cpu_seconds() {
    local tck
    tck=$(getconf CLK_TCK)
    # The command name (field 2) may hold spaces: cut everything up to the last ')'.
    awk -v tck="$tck" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / tck }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# proc_anon_kb PID: anonymous resident memory in KiB (RssAnon: heaps, stacks; not the mapped code and files VmRSS adds).
proc_anon_kb() {
    awk '/^RssAnon:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# proc_rss_kb PID: resident set size in KiB (VmRSS).
proc_rss_kb() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# write_load_profile FILE SIP_PORT EXTENSION PASSWORD DID [RECORD]: a profile listening on UDP 127.0.0.1:SIP_PORT with
# one extension (a configured password, so nothing is generated; recording every call when RECORD is true), a trunk
# whose inbound source is 127.0.0.1 (the sipp UAC plays the provider) and the DID routed to the extension.
write_load_profile() {
    local file=$1 port=$2 extension=$3 password=$4 did=$5 record=${6:-false}
    cat >"$file" <<JSON
{
  "Name": "load",
  "Realm": "load",
  "Listen": [ { "Transport": "udp", "Address": "127.0.0.1", "Port": $port } ],
  "Extensions": [ { "Number": "$extension", "DisplayName": "Load extension", "Password": "$password", "Record": $record } ],
  "Trunks": [ { "Name": "load-trunk", "DefaultCountry": "US", "Inbound": { "Sources": [ "127.0.0.1/32" ] } } ],
  "Dids": { "$did": { "Extension": "$extension" } }
}
JSON
}

# server_dll: the built server (Release), building it first when missing; CC_SERVER_DLL overrides.
server_dll() {
    local dll=${CC_SERVER_DLL:-$repo_dir/src/ContactCenter.Server/bin/Release/net10.0/ContactCenter.Server.dll}
    if [[ ! -f "$dll" ]]; then
        echo "$(basename "$0"): building the server (Release)" >&2
        dotnet build "$repo_dir/src/ContactCenter.Server" -c Release -v q -nologo >&2 || die "server build failed"
    fi
    [[ -f "$dll" ]] || die "server not found at $dll"
    echo "$dll"
}

# start_server WORK SIP_PORT RTP_MIN RTP_MAX [extra --key=value ...]: starts the server with WORK/profiles,
# WORK/data and WORK/recordings, HTTP on a free loopback port, SIP as the profile says; sets server_pid and
# server_http. Waits (up to 60 s) until /healthz answers and the SIP port is bound. Output in WORK/server.log.
start_server() {
    local work=$1 sip_port=$2 rtp_min=$3 rtp_max=$4 dll http_port i
    shift 4
    dll=$(server_dll)
    http_port=$(free_port)
    server_http="http://127.0.0.1:$http_port"
    mkdir -p "$work/data" "$work/recordings"
    # The content root is the dll's directory (its appsettings.json: single-line console logs); every directory
    # is absolute, so nothing is written there.
    (cd "$(dirname "$dll")" && exec dotnet "$dll" \
        "--ContactCenter:ProfilesDirectory=$work/profiles" \
        "--ContactCenter:DataDirectory=$work/data" \
        "--ContactCenter:RecordingsDirectory=$work/recordings" \
        "--ContactCenter:Http:Urls=$server_http" \
        "--ContactCenter:Media:RtpPortMin=$rtp_min" \
        "--ContactCenter:Media:RtpPortMax=$rtp_max" \
        "$@" >"$work/server.log" 2>&1) &
    server_pid=$!
    for ((i = 0; i < 600; i++)); do
        kill -0 "$server_pid" 2>/dev/null || { tail -20 "$work/server.log" >&2; die "the server exited at start"; }
        if port_in_use "$sip_port" && curl -fsS "$server_http/healthz" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.1
    done
    tail -20 "$work/server.log" >&2
    die "the server did not come up within 60 s"
}

# stop_server PID: SIGTERM (graceful host stop), SIGKILL after 10 s.
stop_server() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# register_extension TARGET LOCAL_PORT USER PASSWORD WORK: registers USER from LOCAL_PORT (one REGISTER with
# digest), so the server's INVITEs for USER go to 127.0.0.1:LOCAL_PORT, where the UAS then listens.
register_extension() {
    local target=$1 port=$2 user=$3 password=$4 work=$5
    write_users_csv "$work/extension.csv" "" "$user" 1 "$password"
    sipp -sf "$load_dir/register_digest_uac.xml" "$target" -i 127.0.0.1 -p "$port" -inf "$work/extension.csv" \
        -m 1 -nostdin -buff_size 1048576 -timeout 15s -timeout_error \
        -trace_err -error_file "$work/register.err" >"$work/register.screen" 2>&1 ||
        { tail -20 "$work/register.err" >&2 2>/dev/null; die "extension $user did not register from port $port"; }
}

# udp_drops MIN MAX: datagrams the kernel dropped (receive buffer full) on the UDP sockets now bound to ports
# MIN..MAX, summed (the last column of /proc/net/udp; counted over each socket's life).
udp_drops() {
    local min=$1 max=$2
    awk -v min="$min" -v max="$max" 'FNR > 1 {
            split($2, a, ":"); port = 0
            for (i = 1; i <= length(a[2]); i++) port = port * 16 + index("0123456789ABCDEF", substr(a[2], i, 1)) - 1
            if (port >= min && port <= max) drops += $NF
        } END { print drops + 0 }' /proc/net/udp /proc/net/udp6 2>/dev/null
}
