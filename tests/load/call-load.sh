#!/usr/bin/env bash
# Signalling-only call rate through the server (B2BUA): sipp UAC as a trunk -> DID -> extension (sipp UAS).
#
# Usage: tests/load/call-load.sh [options]
#
# Starts the server itself (the Release build; built when missing, CC_SERVER_DLL overrides) on a temp data dir with
# a generated profile: UDP 127.0.0.1:<free port>, extension 1000 with a known password, trunk "load-trunk" whose
# inbound source is 127.0.0.1/32, DID +12025550100 -> 1000. A sipp UAS registers as 1000 from port P
# (register_digest_uac.xml), then answers on P (call_ext_uas.xml: 180, 200 with SDP, no RTP). A sipp UAC plays the
# trunk (call_trunk_uac.xml: INVITE with SDP to the DID, ACK, BYE at once) at each rate in turn.
#
#   --rates "A B C"    calls/s to try in turn (default "1000 2000 5000 10000")
#   --duration S       seconds at each rate (default 10; the UAC makes rate*S calls, -m; the issue's benchmark is 60)
#   --keep-going       try every rate even after one failed (default: stop at the first failure)
#   --baseline         also run baseline.sh (sipp -sn uac -> sipp -sn uas) at each rate, same run
#   --hold MS          pause between ACK and BYE (sipp -d, default 0)
#   --recv-timeout MS  count a call as failed when an answer takes longer than MS (default: sipp's retransmission
#                      limit, about 32 s)
#   --rtp-ports MIN:MAX   the server's RTP port range (default 10000:19999; four ports per call)
#   --server-arg ARG   one more server argument (repeatable), e.g. --server-arg --ContactCenter:Calls:NoAnswerTimeout=00:00:10
#   --subscribers N    attach N CTI event subscribers (SSE channels read with curl) for the whole run, to
#                      compare the call rate with and without them (the CTI issue's benchmark)
#   --subscription JSON   what each subscriber subscribes to (default {"types":["call.*"]}: every call event, each one
#                      delivered N times); %i is replaced by the subscriber's number, e.g.
#                      '{"types":["call.*"],"agents":["agent-%i"]}' for agent desktops that see only their own calls
#   --out DIR          keep CSVs, logs, the server's log and data in DIR (default: a temp dir, removed)
#
# For each rate prints one line:
#   call rate=N attempted=A successful=OK failed=F incomplete=I retransmissions=R achieved=X/s exit=E clean|FAILED
#        cpu_us_per_call: server=S uac=U uas=V
# "clean": exit 0, no failed or incomplete call, achieved >= 90% of the rate. CPU per call is the process's
# user+system CPU (from /proc/PID/stat, the UAC's from its rusage) over the rate's run divided by successful calls.
# Ends with "highest clean call rate: N/s" (and the baseline's with --baseline).
# Exit status 0 when at least one rate was clean, 1 when none, 2 on usage/setup errors.
# Bounded: every sipp run has -m and -timeout; the UAS and the server are stopped by PID.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rates="1000 2000 5000 10000"
duration=10
keep_going=0
baseline=0
hold=0
rtp_ports=10000:19999
out=""
server_args=()
recv_timeout=()
subscribers=0
subscription='{"types":["call.*"]}'
reader_pids=()
extension=1000
password="load-secret-$RANDOM$RANDOM"
did="+12025550100"
while (($#)); do
    case "$1" in
        --rates) rates=${2:?}; shift 2 ;;
        --duration) duration=${2:?}; shift 2 ;;
        --keep-going) keep_going=1; shift ;;
        --baseline) baseline=1; shift ;;
        --hold) hold=${2:?}; shift 2 ;;
        --rtp-ports) rtp_ports=${2:?}; shift 2 ;;
        --server-arg) server_args+=("${2:?}"); shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --subscribers) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--subscribers wants a number"; subscribers=$2; shift 2 ;;
        --subscription) subscription=${2:?}; shift 2 ;;
        --recv-timeout) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--recv-timeout wants milliseconds"
                        recv_timeout=(-recv_timeout "$2"); shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
for r in $rates; do
    [[ "$r" =~ ^[0-9]+$ && "$r" -gt 0 ]] || die "rates must be positive integers (got '$r')"
done
[[ -n "${rates// /}" ]] || die "no rates to run"
[[ "$duration" =~ ^[0-9]+$ && "$duration" -gt 0 ]] || die "--duration must be a positive integer"
[[ "$hold" =~ ^[0-9]+$ ]] || die "--hold wants milliseconds"
[[ "$rtp_ports" =~ ^([0-9]+):([0-9]+)$ ]] || die "--rtp-ports wants MIN:MAX"
rtp_min=${BASH_REMATCH[1]}
rtp_max=${BASH_REMATCH[2]}
require_sipp

if [[ -z "$out" ]]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/cc-call-load.XXXXXX")
    remove_work=1
else
    mkdir -p "$out"
    work=$(cd "$out" && pwd)
    remove_work=0
fi
uas_pid=""
server_pid=""
cleanup() {
    local pid
    for pid in "${reader_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    [[ -n "$uas_pid" ]] && { stop_pid "$uas_pid"; kill -TERM "$uas_pid" 2>/dev/null || true; }
    [[ -n "$server_pid" ]] && stop_server "$server_pid"
    ((remove_work)) && rm -rf "$work"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sip_port=$(free_port)
mkdir -p "$work/profiles"
write_load_profile "$work/profiles/load.json" "$sip_port" "$extension" "$password" "$did"
start_server "$work" "$sip_port" "$rtp_min" "$rtp_max" "${server_args[@]}"
target="127.0.0.1:$sip_port"
echo "call-load: server pid $server_pid on udp $target, RTP $rtp_min-$rtp_max, work dir $work" >&2

if ((subscribers > 0)); then
    # The first admin token the server wrote; one subscription and one SSE reader (curl, output discarded) each.
    token=$(sed -n 's/^token=//p' "$work/data/initial-admin-token.txt")
    [[ -n "$token" ]] || die "no initial admin token in $work/data"
    for ((i = 0; i < subscribers; i++)); do
        sub=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "${subscription//%i/$i}" "$server_http/cti/v1/subscribe" | grep -o '"sub_[^"]*"' | head -1 | tr -d '"')
        [[ -n "$sub" ]] || die "subscribe failed"
        curl -sN -H "Authorization: Bearer $token" "$server_http/cti/v1/channel/$sub" >/dev/null 2>&1 &
        reader_pids+=($!)
    done
    echo "call-load: $subscribers SSE subscribers attached" >&2
fi

uas_port=$(free_port)
uac_port=$(free_port)
uas_media=$(free_port)
uac_media=$(free_port)
register_extension "$target" "$uas_port" "$extension" "$password" "$work"

cd "$work"
n_rates=$(wc -w <<<"$rates")
sipp -sf "$load_dir/call_ext_uas.xml" -i 127.0.0.1 -p "$uas_port" -mp "$uas_media" -nostdin -buff_size 1048576 \
    -timeout "$(( (duration + 70) * n_rates + 60 ))s" \
    -trace_stat -stf uas.csv -fd 1 -trace_err >uas.screen 2>uas.stderr &
uas_pid=$!
wait_bound "$uas_port" "$uas_pid" 5 || { cat uas.stderr >&2; die "sipp UAS did not start on 127.0.0.1:$uas_port"; }

best=none
best_baseline=none
TIMEFORMAT='%U %S'
for rate in $rates; do
    calls=$((rate * duration))
    csv="call-$rate.csv"
    server_cpu0=$(proc_cpu_seconds "$server_pid")
    uas_cpu0=$(proc_cpu_seconds "$uas_pid")
    log0=$(stat -c %s server.log)
    set +e
    { time sipp -sf "$load_dir/call_trunk_uac.xml" "$target" -s "$did" -i 127.0.0.1 -p "$uac_port" -mp "$uac_media" \
        -r "$rate" -rp 1000 -m "$calls" -d "$hold" -nostdin -buff_size 1048576 "${recv_timeout[@]}" \
        -timeout "$((duration + 60))s" -timeout_error \
        -trace_stat -stf "$csv" -fd 1 -trace_err -error_file "call-$rate.err" \
        >"call-$rate.screen" 2>"call-$rate.stderr"; } 2>"call-$rate.time"
    exit_code=$?
    set -e
    # Let the last BYEs reach the UAS before reading CPU.
    sleep 1
    server_cpu=$(awk -v a="$server_cpu0" -v b="$(proc_cpu_seconds "$server_pid")" 'BEGIN { print b - a }')
    uas_cpu=$(awk -v a="$uas_cpu0" -v b="$(proc_cpu_seconds "$uas_pid")" 'BEGIN { print b - a }')
    uac_cpu=$(awk '{ print $1 + $2 }' "call-$rate.time")
    log_bytes=$(( $(stat -c %s server.log) - log0 ))
    successful=$(sipp_stat "$csv" 'SuccessfulCall(C)')
    if [[ -z "$successful" ]]; then
        cat "call-$rate.stderr" >&2
        die "sipp wrote no statistics at rate $rate (exit $exit_code)"
    fi
    failed=$(sipp_stat "$csv" 'FailedCall(C)')
    attempted=$(sipp_stat "$csv" 'OutgoingCall(C)')
    retrans=$(sipp_stat "$csv" 'Retransmissions(C)')
    incomplete=$((attempted - successful - failed))
    achieved=$(awk -v n="$successful" -v t="$(sipp_elapsed "$csv")" 'BEGIN { printf "%.1f", (t > 0 ? n / t : 0) }')
    verdict=FAILED
    if [[ "$exit_code" == 0 && "$failed" == 0 && "$incomplete" == 0 ]] &&
        awk -v a="$achieved" -v r="$rate" 'BEGIN { exit !(a >= 0.9 * r) }'; then
        verdict=clean
        best=$rate
    fi
    per_call() { awk -v c="$1" -v n="$successful" 'BEGIN { printf "%.0f", (n > 0 ? c * 1e6 / n : 0) }'; }
    echo "call rate=$rate attempted=$attempted successful=$successful failed=$failed" \
        "incomplete=$incomplete retransmissions=$retrans achieved=$achieved/s exit=$exit_code $verdict" \
        "cpu_us_per_call: server=$(per_call "$server_cpu") uac=$(per_call "$uac_cpu") uas=$(per_call "$uas_cpu")" \
        "server_log_bytes=$log_bytes server_rss_kb=$(proc_rss_kb "$server_pid")"
    if ((baseline)); then
        keep_baseline=()
        ((remove_work)) || keep_baseline=(--out "$work/baseline-$rate")
        if "$load_dir/baseline.sh" --rate "$rate" --duration "$duration" "${keep_baseline[@]}"; then
            best_baseline=$rate
        fi
    fi
    if [[ "$verdict" != clean ]] && ((!keep_going)); then
        break
    fi
done

per_second() { [[ "$1" == none ]] && echo none || echo "$1/s"; }
echo "highest clean call rate: $(per_second "$best") over ${duration}s each"
if ((baseline)); then
    echo "highest clean sipp->sipp baseline rate: $(per_second "$best_baseline") over ${duration}s each"
fi
((remove_work)) || echo "call-load: files in $work" >&2
[[ "$best" != none ]]
