#!/usr/bin/env bash
# REGISTER-with-digest load: the highest registration rate a server sustains with zero failures.
#
# Usage: tests/load/register-load.sh TARGET:PORT [options]
#        tests/load/register-load.sh --stand-in [options]     (proves the script without a server)
#
#   TARGET:PORT        the registrar under test, on loopback (e.g. 127.0.0.1:5060)
#   --rates "A B C"    registrations/s to try in turn (default "1000 2000 5000 10000")
#   --ramp START:STEP:MAX   instead of --rates: START, START+STEP, ... up to MAX
#   --duration S       seconds at each rate (default 60; the UAC makes rate*S registrations, -m)
#   --keep-going       try every rate even after one failed (default: stop at the first failure,
#                      as the RFC 7502 search for the highest clean rate does)
#   --baseline         also run baseline.sh (sipp -sn uac -> sipp -sn uas) at each rate, same run
#   --unregister       at the end, unregister every user once (unregister_digest_uac.xml)
#   --recv-timeout MS  count a registration as failed when an answer takes longer than MS
#                      (default: sipp's retransmission limit, about 32 s)
#   Users (the extensions must exist on the server with this password):
#   --users-csv PATH   a sipp injection file: "SEQUENTIAL" then "user;password" lines (the extra
#                      [authentication] fields the scenarios need are added), or the full format
#                      write_users_csv in lib.sh produces
#   --user-prefix P --user-first N --user-count C --password PW
#                      generate users P<N> .. P<N+C-1>, all with password PW
#                      (defaults: prefix "", first 1000, count 1000, password "load-secret")
#   --ip ADDR          local address sipp binds (default 127.0.0.1)
#   --local-port N     local port of the UAC (default: a free one)
#   --out DIR          keep CSVs, logs and screens in DIR (default: a temp dir, removed)
#   --stand-in         start tests/load/register_uas_digest.xml (a sipp digest registrar) on a
#                      free port and use it as the target
#
# For each rate prints one line:
#   register rate=N attempted=A successful=OK failed=F incomplete=I retransmissions=R
#            achieved=X/s exit=E clean|FAILED
# "clean" means exit 0, no failed or incomplete registration, and achieved >= 90% of the rate
# (sipp slows its own sending when too many registrations are open, which is not "sustained").
# Ends with: "highest clean register rate: N/s" (or "none"), and the baseline's when --baseline.
# Exit status 0 when at least one rate was clean, 1 when none, 2 on usage/setup errors.
# Bounded: every sipp run has -m and -timeout; the stand-in is stopped by PID.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

target=""
rates="1000 2000 5000 10000"
ramp=""
duration=60
keep_going=0
baseline=0
unregister=0
users_csv=""
prefix=""
first=1000
count=1000
password="load-secret"
ip=127.0.0.1
local_port=""
out=""
stand_in=0
recv_timeout=()
while (($#)); do
    case "$1" in
        --rates) rates=${2:?}; shift 2 ;;
        --ramp) ramp=${2:?}; shift 2 ;;
        --duration) duration=${2:?}; shift 2 ;;
        --keep-going) keep_going=1; shift ;;
        --baseline) baseline=1; shift ;;
        --unregister) unregister=1; shift ;;
        --users-csv) users_csv=${2:?}; shift 2 ;;
        --user-prefix) prefix=${2?}; shift 2 ;;
        --user-first) first=${2:?}; shift 2 ;;
        --user-count) count=${2:?}; shift 2 ;;
        --password) password=${2:?}; shift 2 ;;
        --ip) ip=${2:?}; shift 2 ;;
        --local-port) local_port=${2:?}; shift 2 ;;
        --out) out=${2:?}; shift 2 ;;
        --stand-in) stand_in=1; shift ;;
        --recv-timeout) [[ "${2:-}" =~ ^[0-9]+$ ]] || die "--recv-timeout wants milliseconds"
                        recv_timeout=(-recv_timeout "$2"); shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) [[ -z "$target" ]] || die "one target only"; target=$1; shift ;;
    esac
done

if [[ -n "$ramp" ]]; then
    IFS=: read -r r_start r_step r_max <<<"$ramp"
    [[ "$r_start" =~ ^[0-9]+$ && "$r_step" =~ ^[0-9]+$ && "$r_max" =~ ^[0-9]+$ && "$r_step" -gt 0 ]] ||
        die "--ramp wants START:STEP:MAX with positive integers"
    rates=$(seq "$r_start" "$r_step" "$r_max" | tr '\n' ' ')
fi
for r in $rates; do
    [[ "$r" =~ ^[0-9]+$ && "$r" -gt 0 ]] || die "rates must be positive integers (got '$r')"
done
[[ -n "${rates// /}" ]] || die "no rates to run"
[[ "$duration" =~ ^[0-9]+$ && "$duration" -gt 0 ]] || die "--duration must be a positive integer"
[[ "$first" =~ ^[0-9]+$ && "$count" =~ ^[0-9]+$ && "$count" -gt 0 ]] || die "bad --user-first/--user-count"
if ((stand_in)); then
    [[ -z "$target" ]] || die "give either TARGET:PORT or --stand-in"
elif [[ ! "$target" =~ ^(127\.[0-9]+\.[0-9]+\.[0-9]+|\[::1\]|localhost):[0-9]+$ ]]; then
    die "TARGET:PORT must be a loopback address and port (e.g. 127.0.0.1:5060), got '$target'"
fi
require_sipp

if [[ -z "$out" ]]; then
    work=$(mktemp -d "${TMPDIR:-/tmp}/cc-register-load.XXXXXX")
    remove_work=1
else
    mkdir -p "$out"
    work=$(cd "$out" && pwd)
    remove_work=0
fi
stand_in_pid=""
cleanup() {
    [[ -n "$stand_in_pid" ]] && stop_pid "$stand_in_pid"
    ((remove_work)) && rm -rf "$work"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The injection file, always named users.csv in the work dir: the stand-in's <lookup> names it so.
if [[ -n "$users_csv" ]]; then
    [[ -r "$users_csv" ]] || die "cannot read $users_csv"
    awk -F';' '
        NR == 1 { if ($0 !~ /^(SEQUENTIAL|RANDOM|USER)/) { print "first line must be SEQUENTIAL, RANDOM or USER" > "/dev/stderr"; exit 2 } print; next }
        /^#/ || NF == 0 { print; next }
        NF == 2 { if ($0 ~ /[][ ]/) { print "line " NR ": no [, ] or spaces in user;password" > "/dev/stderr"; exit 2 }
                  printf "%s;%s;[authentication username=%s password=%s];[authentication username=%s password=%s-wrong]\n", $1, $2, $1, $2, $1, $2; next }
        NF >= 4 && $3 ~ /^\[authentication / { print; next }
        { print "line " NR ": want user;password" > "/dev/stderr"; exit 2 }
    ' "$users_csv" >"$work/users.csv" || die "bad users CSV $users_csv"
    user_lines=$(grep -vcE '^(SEQUENTIAL|RANDOM|USER|#|$)' "$work/users.csv" || true)
else
    write_users_csv "$work/users.csv" "$prefix" "$first" "$count" "$password"
    user_lines=$count
fi
((user_lines > 0)) || die "no users in the CSV"

cd "$work"
if ((stand_in)); then
    stand_in_port=$(free_port)
    sipp -sf "$load_dir/register_uas_digest.xml" -i "$ip" -p "$stand_in_port" \
        -inf users.csv -infindex users.csv 0 -nostdin -buff_size 1048576 \
        -timeout "$(( (duration + 60) * $(wc -w <<<"$rates") * (baseline + 1) + 120 ))s" \
        -trace_stat -stf stand-in.csv -fd 1 -trace_err >stand-in.screen 2>stand-in.stderr &
    stand_in_pid=$!
    wait_bound "$stand_in_port" "$stand_in_pid" 5 ||
        { cat stand-in.stderr >&2; die "stand-in registrar did not start"; }
    target="$ip:$stand_in_port"
    echo "register-load: stand-in registrar (sipp, pid $stand_in_pid) on $target" >&2
fi
[[ -n "$local_port" ]] || local_port=$(free_port)

best=none
best_baseline=none
for rate in $rates; do
    calls=$((rate * duration))
    csv="register-$rate.csv"
    set +e
    sipp -sf "$load_dir/register_digest_uac.xml" "$target" -i "$ip" -p "$local_port" \
        -inf users.csv -r "$rate" -rp 1000 -m "$calls" -nostdin -buff_size 1048576 "${recv_timeout[@]}" \
        -timeout "$((duration + 60))s" -timeout_error \
        -trace_stat -stf "$csv" -fd 1 -trace_err >"register-$rate.screen" 2>"register-$rate.stderr"
    exit_code=$?
    set -e
    successful=$(sipp_stat "$csv" 'SuccessfulCall(C)')
    if [[ -z "$successful" ]]; then
        cat "register-$rate.stderr" >&2
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
    echo "register rate=$rate attempted=$attempted successful=$successful failed=$failed" \
        "incomplete=$incomplete retransmissions=$retrans achieved=$achieved/s exit=$exit_code $verdict"
    if ((baseline)); then
        keep_baseline=()
        ((remove_work)) || keep_baseline=(--out "$work/baseline-$rate")
        if "$load_dir/baseline.sh" --rate "$rate" --duration "$duration" --ip "$ip" "${keep_baseline[@]}"; then
            best_baseline=$rate
        fi
    fi
    if [[ "$verdict" != clean ]] && ((!keep_going)); then
        break
    fi
done

if ((unregister)); then
    set +e
    sipp -sf "$load_dir/unregister_digest_uac.xml" "$target" -i "$ip" -p "$local_port" \
        -inf users.csv -r 500 -rp 1000 -m "$user_lines" -nostdin -buff_size 1048576 \
        -timeout "$((user_lines / 500 + 60))s" -timeout_error \
        -trace_stat -stf unregister.csv -fd 1 -trace_err >unregister.screen 2>unregister.stderr
    exit_code=$?
    set -e
    echo "unregister users=$user_lines successful=$(sipp_stat unregister.csv 'SuccessfulCall(C)')" \
        "failed=$(sipp_stat unregister.csv 'FailedCall(C)') exit=$exit_code"
fi

per_second() { [[ "$1" == none ]] && echo none || echo "$1/s"; }
echo "highest clean register rate: $(per_second "$best") over ${duration}s each"
if ((baseline)); then
    echo "highest clean sipp->sipp baseline rate: $(per_second "$best_baseline") over ${duration}s each"
fi
((remove_work)) || echo "register-load: files in $work" >&2
[[ "$best" != none ]]
