#!/usr/bin/env bash
# sipp -> sipp baseline: how many calls/s this machine carries with no server in between.
#
# Usage: tests/load/baseline.sh [--rate N] [--duration S] [--ip 127.0.0.1] [--out DIR]
#   --rate N       target calls/s (default 1000)
#   --duration S   seconds of traffic (default 10); the UAC makes rate*duration calls (-m)
#   --ip ADDR      loopback address to bind (default 127.0.0.1)
#   --out DIR      keep sipp's CSV, logs and screens in DIR (default: a temp dir, removed)
#
# Runs `sipp -sn uas` in the background and `sipp -sn uac` against it (UDP, -buff_size 1048576,
# one process each), then prints one line:
#   baseline rate=N duration=S attempted=A successful=OK failed=F incomplete=I retransmissions=R
#            achieved=X calls/s uas_failed=U exit=E
# "incomplete" are calls neither successful nor failed when sipp stopped (its -timeout hit).
# Exit status 0 when no call failed or was left incomplete, 1 otherwise, 2 on usage/setup errors.
# Bounded: the UAC has -m and -timeout; the UAS has -timeout and is stopped by PID at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rate=1000
duration=10
ip=127.0.0.1
out=""
while (($#)); do
    case "$1" in
        --rate) rate=${2:?}; shift 2 ;;
        --duration) duration=${2:?}; shift 2 ;;
        --ip) ip=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
[[ "$rate" =~ ^[0-9]+$ && "$rate" -gt 0 ]] || die "--rate must be a positive integer"
[[ "$duration" =~ ^[0-9]+$ && "$duration" -gt 0 ]] || die "--duration must be a positive integer"
require_sipp

if [[ -z "$out" ]]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/cc-baseline.XXXXXX")
    remove_work=1
else
    mkdir -p "$out"
    work=$(cd "$out" && pwd)
    remove_work=0
fi
uas_pid=""
cleanup() {
    [[ -n "$uas_pid" ]] && stop_pid "$uas_pid"
    ((remove_work)) && rm -rf "$work"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

calls=$((rate * duration))
limit=$((duration + 60))
uas_port=$(free_port)
uac_port=$(free_port)
[[ "$uac_port" != "$uas_port" ]] || uac_port=$(free_port)

cd "$work"
sipp -sn uas -i "$ip" -p "$uas_port" -nostdin -buff_size 1048576 -timeout "$((limit + 30))s" \
    -trace_stat -stf uas.csv -fd 1 -trace_err >uas.screen 2>uas.stderr &
uas_pid=$!
wait_bound "$uas_port" "$uas_pid" 5 || { cat uas.stderr >&2; die "sipp UAS did not start on $ip:$uas_port"; }

set +e
sipp -sn uac "$ip:$uas_port" -i "$ip" -p "$uac_port" -r "$rate" -rp 1000 -m "$calls" -nostdin \
    -buff_size 1048576 -timeout "${limit}s" -timeout_error \
    -trace_stat -stf uac.csv -fd 1 -trace_err >uac.screen 2>uac.stderr
exit_code=$?
set -e
stop_pid "$uas_pid"
uas_pid=""

successful=$(sipp_stat uac.csv 'SuccessfulCall(C)')
failed=$(sipp_stat uac.csv 'FailedCall(C)')
attempted=$(sipp_stat uac.csv 'OutgoingCall(C)')
retrans=$(sipp_stat uac.csv 'Retransmissions(C)')
uas_failed=$(sipp_stat uas.csv 'FailedCall(C)')
elapsed=$(sipp_elapsed uac.csv)
[[ -n "$successful" ]] || { cat uac.stderr >&2; die "sipp UAC wrote no statistics (exit $exit_code)"; }
incomplete=$((attempted - successful - failed))
achieved=$(awk -v n="$successful" -v t="$elapsed" 'BEGIN { printf "%.1f", (t > 0 ? n / t : 0) }')

echo "baseline rate=$rate duration=$duration attempted=$attempted successful=$successful" \
    "failed=$failed incomplete=$incomplete retransmissions=$retrans achieved=$achieved calls/s" \
    "uas_failed=${uas_failed:-?} exit=$exit_code"
((remove_work)) || echo "baseline: files in $work" >&2
[[ "$exit_code" == 0 && "$failed" == 0 && "$incomplete" == 0 ]]
