#!/usr/bin/env bash
# Regenerates the spoken queue-announcement prompts shipped in src/ContactCenter.Telephony/Prompts/en/ (embedded in the
# assembly; the server never runs this). Synthesised by espeak-ng (US English voice), so they are ours and free of
# third-party recording rights; converted with sox to 8 kHz mono 16-bit PCM WAV, leading/trailing silence trimmed and
# 40 ms of silence put back on each side so words join naturally.
#
#   apt-get install espeak-ng sox   # Debian
#   bash scripts/generate-queue-prompts.sh
#
# Prompt names are what QueuePrompts (src/ContactCenter.Telephony/Calls/QueuePrompts.cs) composes announcements from.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo_root/src/ContactCenter.Telephony/Prompts/en"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

say() { # name text
    espeak-ng -v en-us -s 150 -a 140 -w "$tmp/raw.wav" "$2"
    sox "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/$1.wav" \
        silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse pad 0.04 0.04 norm -3
}

say you-are-number "You are number"
say in-line "in line."
say more-than-99-ahead "There are more than ninety nine callers ahead of you."
say expected-wait "Your expected wait is about"
say minute "minute."
say minutes "minutes."
say less-than-a-minute "Your expected wait is less than a minute."
say more-than-an-hour "Your expected wait is more than an hour."
words=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
       eighteen nineteen)
for n in $(seq 1 19); do say "n$n" "${words[$n]}"; done
tens=([2]=twenty [3]=thirty [4]=forty [5]=fifty [6]=sixty [7]=seventy [8]=eighty [9]=ninety)
for t in 2 3 4 5 6 7 8 9; do say "n${t}0" "${tens[$t]}"; done
echo "prompts written to $out"
