-- wrk script: POST $BODY_FILE with the bearer token in $TOKEN and count the answers by status.
local file = io.open(os.getenv("BODY_FILE"), "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
  end
  local line = "statuses:"
  for status, n in pairs(total) do line = line .. " " .. status .. "x" .. n end
  print(line)
  print(string.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
