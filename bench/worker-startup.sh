#!/usr/bin/env bash
# Measures the functions worker's cold start: from process start to its first GET /runtime/invocation/next on a fake
# Lambda Runtime API (127.0.0.1, ephemeral port). Publishes each variant into a temp dir, runs it RUNS times, prints
# min/median/max wall-clock milliseconds, and the median CPU time (user+system, from /proc/<pid>/stat at the first
# /next, 10 ms resolution) which a busy machine distorts far less than wall-clock time.
#
#   bench/worker-startup.sh [jit|selfcontained|r2r|r2rcomposite|aot ...]   (default: all five)
#   RUNS=10 bench/worker-startup.sh jit
#
# jit            framework-dependent `dotnet DirectAccess.Functions.dll` (what the local cloud starts)
# selfcontained  self-contained linux-x64 apphost, JIT (what the Makefile ships to Lambda)
# r2r            self-contained + ReadyToRun
# r2rcomposite   self-contained + ReadyToRun composite with the framework (what the Makefile ships; slow to publish)
# aot            Native AOT (needs clang and the Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64 / ILCompiler
#                packages from the registry; trim/AOT warnings are counted, not hidden)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-7}"
PROJECT=functions/DirectAccess.Functions/DirectAccess.Functions.csproj
OUT="${TMPDIR:-/tmp}/directaccess-worker-startup"
variants=("$@")
[ ${#variants[@]} -eq 0 ] && variants=(jit selfcontained r2r r2rcomposite aot)

publish() {
  local name=$1; shift
  rm -rf "$OUT/$name"
  dotnet publish "$PROJECT" -c Release -o "$OUT/$name" -p:GenerateDocumentationFile=false "$@" > "$OUT/$name.publish.log" 2>&1 \
    || { echo "$name: publish failed, see $OUT/$name.publish.log" >&2; return 1; }
}

measure() {
  local name=$1; shift
  python3 - "$RUNS" "$name" "$@" <<'PY'
import http.server, socket, statistics, subprocess, sys, threading, time, os
runs, name, command = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
samples, cpu_samples = [], []
child = {}
def cpu_ms(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * tick_ms   # utime + stime
for _ in range(runs):
    first = {}
    got = threading.Event()
    class Runtime(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path.endswith("/runtime/invocation/next") and not got.is_set():
                first["t"] = time.perf_counter(); first["cpu"] = cpu_ms(child["pid"]); got.set()
            self.send_response(500); self.end_headers()   # 500: the worker must exit, ending the run
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Runtime)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    env = dict(os.environ, AWS_LAMBDA_RUNTIME_API=f"127.0.0.1:{server.server_address[1]}", DIRECTACCESS_FUNCTION="WhoAmI",
               AWS_LAMBDA_FUNCTION_NAME="startup-bench", AWS_LAMBDA_FUNCTION_VERSION="$LATEST")
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child["pid"] = process.pid
    ok = got.wait(30)
    process.wait(30)
    server.shutdown()
    if not ok: sys.exit(f"{name}: no /next within 30 s")
    samples.append((first["t"] - start) * 1000)
    cpu_samples.append(first["cpu"])
samples.sort()
print(f"{name:14s} start→first /next  min {samples[0]:7.1f} ms  median {statistics.median(samples):7.1f} ms  max {samples[-1]:7.1f} ms"
      f"  CPU median {statistics.median(cpu_samples):6.0f} ms  (n={runs}, load {os.getloadavg()[0]:.1f})")
PY
}

mkdir -p "$OUT"
for variant in "${variants[@]}"; do
  case "$variant" in
    jit)           publish jit && measure jit dotnet "$OUT/jit/DirectAccess.Functions.dll" ;;
    selfcontained) publish selfcontained -r linux-x64 --self-contained true && measure selfcontained "$OUT/selfcontained/DirectAccess.Functions" ;;
    r2r)           publish r2r -r linux-x64 --self-contained true -p:PublishReadyToRun=true && measure r2r "$OUT/r2r/DirectAccess.Functions" ;;
    r2rcomposite)  publish r2rcomposite -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
                     && measure r2rcomposite "$OUT/r2rcomposite/DirectAccess.Functions" ;;
    aot)           publish aot -r linux-x64 -p:PublishAot=true && measure aot "$OUT/aot/DirectAccess.Functions" \
                     && echo "aot: $(grep -c 'warning IL' "$OUT/aot.publish.log" || true) trim/AOT warnings in $OUT/aot.publish.log" ;;
    *) echo "unknown variant $variant" >&2; exit 2 ;;
  esac
done
