-- wrk: one summary line per run (requests/s, latency percentiles in ms, errors), for scripts/load-test.sh.
-- Non-2xx/3xx responses count as errors, as do socket errors and timeouts.
local failures = 0

response = function(status, headers, body)
  if status >= 400 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT requests=%d rps=%.1f p50=%.0f p95=%.0f p99=%.0f max=%.0f errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors))
end
