#!/usr/bin/env bash
# The project's one test command (CI runs it through .ci/run).
#
#   bash scripts/test.sh
#
# 1. installs the Debian peers the tests drive (sipp, baresip, ...) when missing: scripts/install-peers.sh
# 2. builds ContactCenter.sln once
# 3. runs every test project of the solution, one after another, each with a TRX log in .test-results/
# 4. prints one line per project, then, as the very last line: "N passed, N failed, N skipped"
#
# Exits non-zero when the build fails, a test fails, a test run aborts or hangs, or no test ran.
# Knobs (environment): TEST_CONFIGURATION (Release), TEST_HANG_TIMEOUT (5m, per test),
# TEST_PROJECT_TIMEOUT (seconds per test project, 540), TEST_FILTER (passed to dotnet test --filter).
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root" || exit 2

solution="ContactCenter.sln"
results_dir="$repo_root/.test-results"
configuration="${TEST_CONFIGURATION:-Release}"
hang_timeout="${TEST_HANG_TIMEOUT:-5m}"
project_timeout="${TEST_PROJECT_TIMEOUT:-540}"
filter="${TEST_FILTER:-}"

# Quiet, reproducible, and no build servers left behind: a lingering MSBuild node or compiler server
# keeps CI's output pipe open long after the tests are done.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

total_passed=0
total_failed=0
total_skipped=0
problems=()
summary=()

finish() {
    echo
    echo "==== Test summary ===="
    local line
    for line in "${summary[@]}"; do echo "  $line"; done
    for line in "${problems[@]}"; do echo "  PROBLEM: $line"; done
    local code=0
    if (( total_failed > 0 || ${#problems[@]} > 0 )); then
        code=1
    fi
    if (( total_passed + total_failed == 0 )); then
        echo "  PROBLEM: no test ran"
        code=1
    fi
    echo "${total_passed} passed, ${total_failed} failed, ${total_skipped} skipped"
    exit "$code"
}

# Reads one attribute of the <Counters> element of a TRX file; 0 when absent.
trx_counter() {
    local counters="$1" name="$2" value
    value="$(sed -n "s/.* ${name}=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
    echo "${value:-0}"
}

# ---- 1. peers ----------------------------------------------------------------------------------
if [[ -f scripts/install-peers.sh ]]; then
    echo "==== Installing test peers (scripts/install-peers.sh) ===="
    if ! bash scripts/install-peers.sh </dev/null; then
        problems+=("scripts/install-peers.sh failed; tests that drive external peers may fail")
    fi
else
    echo "==== scripts/install-peers.sh not present: no peers installed ===="
fi

if ! command -v dotnet >/dev/null 2>&1; then
    problems+=("dotnet SDK not found on PATH; install the .NET 10 SDK")
    finish
fi

# ---- 2. build ----------------------------------------------------------------------------------
echo "==== Building $solution ($configuration) ===="
if ! dotnet build "$solution" -c "$configuration" --disable-build-servers -nodeReuse:false </dev/null; then
    problems+=("build failed")
    finish
fi

# ---- 3. test projects --------------------------------------------------------------------------
mapfile -t projects < <(dotnet sln "$solution" list </dev/null | tr '\\' '/' | grep -E '\.csproj[[:space:]]*$' | sed 's/[[:space:]]*$//')
test_projects=()
for project in "${projects[@]}"; do
    if grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>[[:space:]]*true' "$project"; then
        test_projects+=("$project")
    fi
done
if (( ${#test_projects[@]} == 0 )); then
    problems+=("no test project found in $solution")
    finish
fi

rm -rf "$results_dir"
mkdir -p "$results_dir"

for project in "${test_projects[@]}"; do
    name="$(basename "$project" .csproj)"
    trx="$results_dir/$name.trx"
    echo
    echo "==== Testing $name ===="
    args=(test "$project" -c "$configuration" --no-build
          --results-directory "$results_dir"
          --logger "trx;LogFileName=$name.trx"
          --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none)
    if [[ -n "$filter" ]]; then
        args+=(--filter "$filter")
    fi

    started=$SECONDS
    # timeout signals its whole process group, so a stuck testhost goes down with dotnet test.
    timeout -k 30s "$project_timeout" dotnet "${args[@]}" </dev/null
    code=$?
    elapsed=$(( SECONDS - started ))

    passed=0 failed=0 skipped=0
    if [[ -f "$trx" ]]; then
        counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
        passed=$(trx_counter "$counters" passed)
        failed=$(( $(trx_counter "$counters" failed) + $(trx_counter "$counters" error) + $(trx_counter "$counters" timeout) + $(trx_counter "$counters" aborted) ))
        # xunit's skipped tests are counted in total but not in executed (nor always in notExecuted).
        skipped=$(( $(trx_counter "$counters" total) - $(trx_counter "$counters" executed) ))
        (( skipped < 0 )) && skipped=0
    fi

    note=""
    # A crash, or a hang caught by --blame-hang, kills the test host and leaves no failed test in the
    # counters (the TRX may even lose tests that passed). Count the aborted run as one failure so the
    # final line never reads "0 failed" for a broken run.
    if (( code == 124 || code == 137 )); then
        note=" - KILLED after ${project_timeout}s (counted as 1 failed)"
        problems+=("$name did not finish within ${project_timeout}s")
        (( failed == 0 )) && failed=1
    elif (( code != 0 && failed == 0 )); then
        note=" - run aborted, dotnet test exit code $code (counted as 1 failed)"
        problems+=("$name: test run aborted (a crash or a test hung longer than $hang_timeout); the test running then is named above")
        failed=1
    elif [[ ! -f "$trx" ]]; then
        note=" - no TRX written"
        problems+=("$name wrote no TRX file ($trx)")
    elif (( passed + failed == 0 )); then
        note=" - no tests"
    fi

    total_passed=$(( total_passed + passed ))
    total_failed=$(( total_failed + failed ))
    total_skipped=$(( total_skipped + skipped ))
    summary+=("$name: $passed passed, $failed failed, $skipped skipped (${elapsed}s)$note")
done

finish
