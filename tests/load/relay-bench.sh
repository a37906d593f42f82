#!/usr/bin/env bash
# Relay throughput: a bare .NET UDP echo and a same-codec media bridge, each measured in its own server process with
# the load generator in a second process, in the same run. Prints packets/s, CPU share and bytes allocated per packet.
#   tests/load/relay-bench.sh [--seconds 10] [--inflight 64] [--warmup 3] [--receive async|threads]
# --receive threads: both servers receive on dedicated blocking threads (RtpEndpointOptions.DedicatedReceiveThreads).
# Socket engine variant: DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 tests/load/relay-bench.sh
# Builds a throwaway console project from tests/ContactCenter.Benchmarks/Media/Relay*.cs (BenchmarkDotNet cannot host
# two cooperating processes, so this is a plain harness).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds=10
inflight=64
warmup=3
receive=async
while [[ $# -gt 0 ]]; do
    case $1 in
        --seconds) seconds=$2; shift 2 ;;
        --inflight) inflight=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --receive) receive=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d /tmp/relay-bench-XXXXXX)
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

cat >"$work/RelayBench.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <AssemblyName>ContactCenter.Benchmarks</AssemblyName>
    <Optimize>true</Optimize>
    <ServerGarbageCollector>false</ServerGarbageCollector>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$repo/tests/ContactCenter.Benchmarks/Media/Relay*.cs" />
    <ProjectReference Include="$repo/src/ContactCenter.Media/ContactCenter.Media.csproj" />
  </ItemGroup>
</Project>
XML
echo 'return await ContactCenter.Benchmarks.Media.RelayHarness.RunAsync(args);' >"$work/Program.cs"
dotnet build "$work/RelayBench.csproj" -c Release -o "$work/bin" -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
bench="$work/bin/ContactCenter.Benchmarks"

base=$((40000 + (RANDOM % 4000) * 2))
client_seconds=$(awk -v s="$seconds" 'BEGIN { print s + 1 }')

echo "== bare UDP echo (port $base), $inflight in flight, ${seconds}s"
"$bench" echo --port "$base" --seconds "$seconds" --warmup "$warmup" --receive "$receive" & server_pid=$!
sleep 0.5
"$bench" client --send-from $((base + 10)) --send-to "$base" --receive-on $((base + 10)) --inflight "$inflight" --seconds "$client_seconds"
wait "$server_pid"; server_pid=""

echo "== same-codec bridge (legs on $((base + 20)), $((base + 22))), $inflight in flight, ${seconds}s"
"$bench" relay --rtp-port $((base + 20)) --phone-a $((base + 30)) --phone-b $((base + 32)) --seconds "$seconds" --warmup "$warmup" --receive "$receive" & server_pid=$!
sleep 0.8
"$bench" client --send-from $((base + 30)) --send-to $((base + 20)) --receive-on $((base + 32)) --inflight "$inflight" --seconds "$client_seconds"
wait "$server_pid"; server_pid=""
