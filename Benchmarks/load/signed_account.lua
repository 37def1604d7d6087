-- wrk script: replays one pre-signed GET /api/v3/account (recvWindow 60000, so it stays valid for a minute).
-- SIGNED_PATH and API_KEY come from the environment (run_load.sh sets them).
local path = os.getenv("SIGNED_PATH")
local key = os.getenv("API_KEY")

request = function()
  return wrk.format("GET", path, { ["X-MBX-APIKEY"] = key })
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.3f ms, p99 %.3f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("non-2xx/3xx: %d, socket errors: connect %d read %d write %d timeout %d\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
