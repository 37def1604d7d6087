#!/usr/bin/env bash
# Load benchmark of the simulator: signed GET /api/v3/account replayed by wrk against a release build.
#
#   swift build -c release --scratch-path .build-sim-release --product sentinel
#   Benchmarks/load/run_load.sh [duration-seconds] [connections]
#
# Needs wrk (apt-get install -y wrk) and python3. Rate limits are switched off (--no-rate-limits): at thousands of
# requests per second the real exchange's 6000-weight minute would answer 429 after 300 requests.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-20}"
CONNECTIONS="${2:-32}"
PORT_BASE="${PORT_BASE:-28900}"
BINARY="${BINARY:-.build-sim-release/release/sentinel}"

"$BINARY" sim --port-base "$PORT_BASE" --no-rate-limits > /tmp/sentinel-sim-load.out &
SIM_PID=$!
trap 'kill $SIM_PID 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q ready /tmp/sentinel-sim-load.out 2>/dev/null && break; sleep 0.1; done

read -r API_KEY SIGNED_PATH < <(python3 - "$PORT_BASE" <<'PY'
import hashlib, hmac, json, sys, time, urllib.request
base = int(sys.argv[1])
request = urllib.request.Request(f"http://127.0.0.1:{base + 99}/keys", data=b'{"exchange":"binance"}', method="POST")
key = json.loads(urllib.request.urlopen(request).read())
query = f"recvWindow=60000&timestamp={int(time.time() * 1000)}"
signature = hmac.new(key["secret"].encode(), query.encode(), hashlib.sha256).hexdigest()
print(key["apiKey"], f"/api/v3/account?{query}&signature={signature}")
PY
)
curl -sf -H "X-MBX-APIKEY: $API_KEY" "http://127.0.0.1:$PORT_BASE$SIGNED_PATH" > /dev/null
echo "wrk: $DURATION s, $CONNECTIONS connections, 2 threads, signed GET /api/v3/account"
SIGNED_PATH="$SIGNED_PATH" API_KEY="$API_KEY" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" \
    -s Benchmarks/load/signed_account.lua "http://127.0.0.1:$PORT_BASE"
