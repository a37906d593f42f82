#!/usr/bin/env bash
# Concurrent calls with RTP both ways through the server (B2BUA, media anchored in our engine).
#
# Usage: tests/load/rtp-load.sh [options]
#
# Starts the server like call-load.sh (generated profile: trunk from 127.0.0.1, DID +12025550100 -> extension 1000).
# A sipp UAS registers as 1000 and answers with -rtp_echo (call_ext_uas.xml: every call's RTP arrives on one port
# and is echoed to its sender). A sipp UAC plays the trunk (call_trunk_rtp_uac.xml) with rtp_stream looping a
# PCMU tone (50 packets/s per call): caller -> our caller leg -> bridge -> our callee leg -> UAS echo -> back.
#
#   --calls N          concurrent calls (default 200; sipp -m N -l N)
#   --rate R           calls/s while ramping up (default 50)
#   --hold S           seconds each call lasts (default 30; must exceed N/R + 8 so a steady window exists)
#   --record           the extension records every call (stereo WAV): prints the recordings' count, their total
#                      duration against the CDRs' talk time, and whether sox reads every file
#   --baseline         also run the same UAC straight against a sipp UAS with -rtp_echo (no server), same N
#   --rtp-ports MIN:MAX   the server's RTP port range (default 10000:19999; four ports per call)
#   --server-arg ARG   one more server argument (repeatable)
#   --out DIR          keep CSVs, logs, the server's log and data in DIR (default: a temp dir, removed)
#
# Prints one line:
#   rtp calls=N successful=OK failed=F rtp_packets_expected=E received caller_leg=A callee_leg=B
#       lost caller_leg=X callee_leg=Y loss=P% server_cpu_per_call=C%core rss_per_call_kb=K ...
# Loss is what our engine counted (sequence gaps per leg, written to each call's CDR in cdr_legs); "expected" is
# calls x hold x 50 per direction (an upper bound: streams start after the ACK). CPU and RSS are sampled in the
# steady window (all N calls up: from N/R + 3 s to hold - 1 s after the first call): CPU per call is the server's
# CPU over that window / N / window length, as a percentage of one core; RSS per call is (RSS in the window -
# RSS before the first call) / N, and anon_per_call the same for RssAnon (heaps and stacks, without the mapped code
# and files that VmRSS also counts, which grow as code paths are first used). The sipp UAC's and UAS's CPU per call over the same window are printed beside.
# socket_drops are the kernel's receive-buffer drops at the window's end on our RTP sockets, on the echo's socket
# and on the UAC's: they say where lost packets went (a packet the echo dropped shows as callee-leg loss here).
# Exit status 0 when every call succeeded, 1 otherwise, 2 on usage/setup errors.
# Bounded: every sipp run has -m and -timeout; the UAS and the server are stopped by PID.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

calls=200
rate=50
hold=30
baseline=0
rtp_ports=10000:19999
out=""
server_args=()
record=false
extension=1000
password="load-secret-$RANDOM$RANDOM"
did="+12025550100"
while (($#)); do
    case "$1" in
        --calls) calls=${2:?}; shift 2 ;;
        --rate) rate=${2:?}; shift 2 ;;
        --hold) hold=${2:?}; shift 2 ;;
        --baseline) baseline=1; shift ;;
        --record) record=true; shift ;;
        --rtp-ports) rtp_ports=${2:?}; shift 2 ;;
        --server-arg) server_args+=("${2:?}"); shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
for v in "$calls" "$rate" "$hold"; do
    [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || die "--calls, --rate and --hold must be positive integers"
done
[[ "$rtp_ports" =~ ^([0-9]+):([0-9]+)$ ]] || die "--rtp-ports wants MIN:MAX"
rtp_min=${BASH_REMATCH[1]}
rtp_max=${BASH_REMATCH[2]}
ramp=$(( (calls + rate - 1) / rate ))
window_start=$((ramp + 3))
window_end=$((hold - 1))
((window_end - window_start >= 5)) || die "--hold $hold is too short for $calls calls at $rate/s (need at least $((ramp + 9)))"
require_sipp
command -v sox >/dev/null || die "sox not found (apt-get install sox)"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"

if [[ -z "$out" ]]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/cc-rtp-load.XXXXXX")
    remove_work=1
else
    mkdir -p "$out"
    work=$(cd "$out" && pwd)
    remove_work=0
fi
uas_pid=""
uac_pid=""
server_pid=""
cleanup() {
    [[ -n "$uac_pid" ]] && kill -TERM "$uac_pid" 2>/dev/null
    [[ -n "$uas_pid" ]] && { stop_pid "$uas_pid"; kill -TERM "$uas_pid" 2>/dev/null || true; }
    [[ -n "$server_pid" ]] && stop_server "$server_pid"
    ((remove_work)) && rm -rf "$work"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$work"
sox -n -r 8000 -c 1 -e u-law tone.wav synth 5 sine 440
limit=$((ramp + hold + 60))
uas_media=50000
uac_media=40000

# run_calls TARGET LABEL: the UAC in the background against TARGET; samples CPU (server when running, UAC, UAS)
# and the server's RSS at the window's edges; waits for the UAC. Sets exit_code and the *_cpu, rss_* figures.
run_calls() {
    local target=$1 label=$2 t0 s0 s1 c0 c1 a0 a1
    local uac_port
    uac_port=$(free_port)
    rss_before=0 anon_before=0
    [[ -n "$server_pid" ]] && rss_before=$(proc_rss_kb "$server_pid") && anon_before=$(proc_anon_kb "$server_pid")
    sipp -sf "$load_dir/call_trunk_rtp_uac.xml" "$target" -s "$did" -i 127.0.0.1 -p "$uac_port" -mp "$uac_media" \
        -r "$rate" -rp 1000 -m "$calls" -l "$calls" -d "$((hold * 1000))" -nostdin -buff_size 1048576 \
        -rtp_buffsize 1048576 -timeout "${limit}s" -timeout_error \
        -trace_stat -stf "$label.csv" -fd 1 -trace_err -error_file "$label.err" \
        >"$label.screen" 2>"$label.stderr" &
    uac_pid=$!
    t0=$SECONDS
    while ((SECONDS - t0 < window_start)); do sleep 0.2; done
    s0=0; [[ -n "$server_pid" ]] && s0=$(proc_cpu_seconds "$server_pid")
    c0=$(proc_cpu_seconds "$uac_pid"); a0=$(proc_cpu_seconds "$uas_pid")
    while ((SECONDS - t0 < window_end)); do sleep 0.2; done
    s1=0; [[ -n "$server_pid" ]] && s1=$(proc_cpu_seconds "$server_pid")
    c1=$(proc_cpu_seconds "$uac_pid"); a1=$(proc_cpu_seconds "$uas_pid")
    drops_server=$(udp_drops "$rtp_min" "$rtp_max")
    drops_uas=$(udp_drops "$uas_media" "$((uas_media + 3))")
    drops_uac=$(udp_drops "$uac_media" "$((uac_media + 2 * calls + 20))")
    rss_window=0 anon_window=0
    [[ -n "$server_pid" ]] && rss_window=$(proc_rss_kb "$server_pid") && anon_window=$(proc_anon_kb "$server_pid")
    set +e
    wait "$uac_pid"
    exit_code=$?
    set -e
    uac_pid=""
    window=$((window_end - window_start))
    share() { awk -v a="$1" -v b="$2" -v n="$calls" -v w="$window" 'BEGIN { printf "%.3f", (b - a) * 100 / n / w }'; }
    server_share=$(share "$s0" "$s1")
    uac_share=$(share "$c0" "$c1")
    uas_share=$(share "$a0" "$a1")
}

print_sipp() {
    local label=$1
    successful=$(sipp_stat "$label.csv" 'SuccessfulCall(C)')
    [[ -n "$successful" ]] || { cat "$label.stderr" >&2; die "sipp wrote no statistics ($label, exit $exit_code)"; }
    failed=$(sipp_stat "$label.csv" 'FailedCall(C)')
    retrans=$(sipp_stat "$label.csv" 'Retransmissions(C)')
}

start_uas() {
    local port=$1 label=$2
    sipp -sf "$load_dir/call_ext_uas.xml" -i 127.0.0.1 -p "$port" -mp "$uas_media" -rtp_echo -rtp_buffsize 1048576 \
        -nostdin -buff_size 1048576 -timeout "$((limit + 30))s" \
        -trace_stat -stf "$label.csv" -fd 1 -trace_err >"$label.screen" 2>"$label.stderr" &
    uas_pid=$!
    wait_bound "$port" "$uas_pid" 5 || { cat "$label.stderr" >&2; die "sipp UAS did not start on 127.0.0.1:$port"; }
}

status=0
if ((baseline)); then
    uas_port=$(free_port)
    start_uas "$uas_port" baseline-uas
    run_calls "127.0.0.1:$uas_port" baseline-uac
    print_sipp baseline-uac
    stop_pid "$uas_pid"; uas_pid=""
    echo "rtp baseline (sipp->sipp, no server) calls=$calls successful=$successful failed=$failed" \
        "retransmissions=$retrans exit=$exit_code cpu_per_call_pct_core: uac=$uac_share uas_echo=$uas_share" \
        "socket_drops: uas_echo=$drops_uas uac=$drops_uac"
fi

sip_port=$(free_port)
mkdir -p profiles
write_load_profile "$work/profiles/load.json" "$sip_port" "$extension" "$password" "$did" "$record"
start_server "$work" "$sip_port" "$rtp_min" "$rtp_max" "${server_args[@]}"
target="127.0.0.1:$sip_port"
echo "rtp-load: server pid $server_pid on udp $target, RTP $rtp_min-$rtp_max, work dir $work" >&2
uas_port=$(free_port)
register_extension "$target" "$uas_port" "$extension" "$password" "$work"
start_uas "$uas_port" uas
run_calls "$target" uac
print_sipp uac
sleep 2
# Our engine's own figures, from the CDRs of the calls just made (one row per leg; the caller leg receives the
# UAC's stream, the callee leg the echo).
legs=$(sqlite3 -separator ' ' data/contactcenter.db \
    "SELECT role, COUNT(*), COALESCE(SUM(packets_received),0), COALESCE(SUM(packets_lost),0) FROM cdr_legs GROUP BY role ORDER BY role;")
read -r _ callee_n callee_rx callee_lost _ caller_n caller_rx caller_lost <<<"$(tr '\n' ' ' <<<"$legs")"
expected=$((calls * hold * 50))
loss=$(awk -v l="$((caller_lost + callee_lost))" -v r="$((caller_rx + callee_rx))" \
    'BEGIN { printf "%.4f", (l + r > 0 ? l * 100 / (l + r) : 0) }')
rss_per_call=$(awk -v a="$rss_before" -v b="$rss_window" -v n="$calls" 'BEGIN { printf "%.0f", (b - a) / n }')
anon_per_call=$(awk -v a="$anon_before" -v b="$anon_window" -v n="$calls" 'BEGIN { printf "%.0f", (b - a) / n }')
echo "rtp calls=$calls rate=$rate hold=${hold}s successful=$successful failed=$failed retransmissions=$retrans" \
    "exit=$exit_code rtp_packets_expected_per_direction=$expected" \
    "received caller_leg=$caller_rx callee_leg=$callee_rx lost caller_leg=$caller_lost callee_leg=$callee_lost" \
    "loss=$loss% cpu_per_call_pct_core: server=$server_share uac=$uac_share uas_echo=$uas_share" \
    "server_rss_kb before=$rss_before steady=$rss_window per_call=$rss_per_call anon_per_call=$anon_per_call" \
    "cdr_legs caller=${caller_n:-0} callee=${callee_n:-0}" \
    "socket_drops: server_rtp=$drops_server uas_echo=$drops_uas uac=$drops_uac"
if [[ "$record" == true ]]; then
    # Gaps would show as recordings shorter than the talk time (the recorder writes a frame every 20 ms tick, silence
    # included); sox must accept every file.
    talk=$(sqlite3 data/contactcenter.db "SELECT printf('%.1f', COALESCE(SUM(talk_seconds),0)) FROM cdr_calls;")
    files=0 unreadable=0 seconds=0
    while IFS= read -r -d '' wav; do
        files=$((files + 1))
        if d=$(sox --info -D "$wav" 2>/dev/null); then
            seconds=$(awk -v a="$seconds" -v b="$d" 'BEGIN { printf "%.1f", a + b }')
        else
            unreadable=$((unreadable + 1))
        fi
    done < <(find recordings -name '*.wav' -print0)
    echo "rtp recordings files=$files sox_unreadable=$unreadable seconds=$seconds cdr_talk_seconds=$talk" \
        "ratio=$(awk -v a="$seconds" -v b="$talk" 'BEGIN { printf "%.4f", (b > 0 ? a / b : 0) }')"
    [[ "$unreadable" == 0 && "$files" == "$calls" ]] || status=1
fi
[[ "$exit_code" == 0 && "$failed" == 0 ]] || status=1
((remove_work)) || echo "rtp-load: files in $work" >&2
exit "$status"
