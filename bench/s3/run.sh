#!/usr/bin/env bash
# S3 throughput benchmark: the local cloud vs moto_server, same machine, same client (AWS CLI, AWSSDK.S3).
#   1. `aws s3 cp` of a 1 GiB file up and down (multipart, CLI defaults: 8 MiB parts, 10 threads);
#   2. peak RSS of each server during it (VmHWM from /proc/<pid>/status, read after the copies);
#   3. small PutObject requests/s (bench/s3/SmallPuts: AWSSDK.S3, bounded parallel loop).
# Prints a Markdown table. Needs: dotnet, aws, moto_server. Usage: bench/s3/run.sh [size-MiB] [small-requests]
set -euo pipefail

SIZE_MIB=${1:-1024}
SMALL=${2:-20000}
PARALLEL=${PARALLEL:-32}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/directaccess-bench-s3.XXXXXX)
ART=/tmp/art/s3-bench
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Ctrl+C first (the local cloud's documented stop), then SIGKILL after 10 s: shutdown is not what is measured.
stop_server() {
  kill -INT "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  echo "server $1 did not stop within 10 s of SIGINT; killing it" >&2
  kill -KILL "$1" 2>/dev/null || true
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2-$1:.1f}')"; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
wait_http() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "server at $1 did not start" >&2; return 1; }

echo "building (Release)..." >&2
dotnet build "$ROOT/local/DirectAccess.Local/DirectAccess.Local.csproj" -c Release --artifacts-path "$ART" -v q -nologo >&2
dotnet build "$ROOT/bench/s3/SmallPuts/SmallPuts.csproj" -c Release --artifacts-path "$ART" -v q -nologo >&2
LOCAL_DLL=$(find "$ART/bin/DirectAccess.Local" -name DirectAccess.Local.dll | head -1)
PUTS_DLL=$(find "$ART/bin/SmallPuts" -name SmallPuts.dll | head -1)

echo "writing a ${SIZE_MIB} MiB test file..." >&2
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/big.bin"
SOURCE_SUM=$(sha256sum "$WORK/big.bin" | cut -d' ' -f1)

export AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE="$WORK/none" AWS_SHARED_CREDENTIALS_FILE="$WORK/none"

# run_copy <name> <endpoint> <bucket> <server-pid> <access> <secret>
run_copy() {
  local name=$1 endpoint=$2 bucket=$3 pid=$4
  export AWS_ACCESS_KEY_ID=$5 AWS_SECRET_ACCESS_KEY=$6
  local t0 t1 t2
  t0=$(now)
  aws --endpoint-url "$endpoint" s3 cp "$WORK/big.bin" "s3://$bucket/bench/big.bin" --no-progress >&2
  t1=$(now)
  aws --endpoint-url "$endpoint" s3 cp "s3://$bucket/bench/big.bin" "$WORK/back-$name.bin" --no-progress >&2
  t2=$(now)
  local sum; sum=$(sha256sum "$WORK/back-$name.bin" | cut -d' ' -f1); rm -f "$WORK/back-$name.bin"
  [ "$sum" = "$SOURCE_SUM" ] || { echo "$name: downloaded bytes differ" >&2; exit 1; }
  UP=$(elapsed "$t0" "$t1"); DOWN=$(elapsed "$t1" "$t2"); HWM=$(hwm_mb "$pid")
  SMALL_RESULT=$(dotnet "$PUTS_DLL" "$endpoint" "$bucket" "$5" "$6" "$7" "$PARALLEL" 1024)
  echo "| $name | $UP s | $DOWN s | $HWM MB | $SMALL_RESULT |"
}

# --- the local cloud
LOCAL_PORT=$(free_port)
dotnet "$LOCAL_DLL" --port "$LOCAL_PORT" --data-dir "$WORK/local-data" --template "$ROOT/template.yaml" > "$WORK/local.log" 2>&1 &
LOCAL_PID=$!; PIDS+=("$LOCAL_PID")
wait_http "http://127.0.0.1:$LOCAL_PORT/"
BUCKET=$(python3 -c "import json,sys; d=json.load(open('$WORK/local-data/directaccess.json')); print(next(v for k,v in (d.get('Outputs') or d).items() if 'bucket' in k.lower() and isinstance(v,str)))" 2>/dev/null || true)
[ -n "$BUCKET" ] || BUCKET=$(sed -n 's/.*"\([a-z0-9.-]*uploads[a-z0-9.-]*\)".*/\1/p' "$WORK/local-data/directaccess.json" | head -1)

echo "| server | aws s3 cp up (${SIZE_MIB} MiB) | aws s3 cp down | peak RSS (VmHWM) | small PutObject (1 KiB, AWSSDK.S3) |"
echo "|---|---|---|---|---|"
run_copy "local cloud" "http://127.0.0.1:$LOCAL_PORT" "$BUCKET" "$LOCAL_PID" AKIADIRECTACCESSADMIN directaccess-local-admin-secret "$SMALL"
stop_server "$LOCAL_PID"

# --- moto_server (fewer small requests: it is far slower)
MOTO_PORT=$(free_port)
moto_server -H 127.0.0.1 -p "$MOTO_PORT" > "$WORK/moto.log" 2>&1 &
MOTO_PID=$!; PIDS+=("$MOTO_PID")
wait_http "http://127.0.0.1:$MOTO_PORT/"
AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url "http://127.0.0.1:$MOTO_PORT" s3api create-bucket --bucket bench-bucket >/dev/null
run_copy "moto_server" "http://127.0.0.1:$MOTO_PORT" bench-bucket "$MOTO_PID" test test "$((SMALL / 10))"
