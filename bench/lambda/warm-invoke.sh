#!/usr/bin/env bash
# Warm Invoke round trip of WhoAmI over loopback (issue 6 target: median <= 3 ms, p99 <= 15 ms).
#
# Runs the measuring test of tests/DirectAccess.Local.Lambda.Tests against a real local cloud on 127.0.0.1 with the
# real functions worker: 30 warm-up invocations, then 500 timed ones, each SigV4-signed (AWSSDK.Core's signer) with
# identity-pool credentials of the uploaders role, so every sample includes signature verification, the IAM decision,
# the hand-off to a warm worker through its Runtime API and the worker's answer. Prints median, p99 and max in ms.
# Optional: also the cold start (process start + Runtime API + first round trip) of a fresh worker.
#
# Usage: bench/lambda/warm-invoke.sh [artifacts-path]   (default /tmp/art/lambda-bench)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
artifacts="${1:-/tmp/art/lambda-bench}"
project="$root/tests/DirectAccess.Local.Lambda.Tests/DirectAccess.Local.Lambda.Tests.csproj"

dotnet build "$project" -c Release --artifacts-path "$artifacts" -nologo -v quiet >/dev/null
dotnet test "$project" -c Release --artifacts-path "$artifacts" --no-build \
  --filter "FullyQualifiedName~Warm_invoke_round_trip|FullyQualifiedName~Cold_start_of_a_real_worker" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "^ *(warm Invoke|AdminReport first)" | sed "s/^ *//" | sort -u
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
