-- wrk script for bench/run.sh and bench/soak.sh, set by environment variables:
--   TOKEN          bearer token sent with every request
--   BODY_FILE      POST this JSON body (otherwise GET)
--   INTAKE_BODY=1  POST an intake of a new client each time ($PROFILE_FIELDS, a fresh reference)
--   IDS_FILE       one intake id a line: the URL's INTAKE_ID is replaced by each in turn
--   RATE_DELAY_MS  wait this long between a connection's requests (a fixed, lower rate)
--   COUNT_STATUSES=1  also count the answers by status and print "statuses: 200x… 503x…" at the end
--                  (off by default: reading every answer in Lua costs wrk throughput)
local token = os.getenv("TOKEN")
local body_file = os.getenv("BODY_FILE")
local profile = os.getenv("PROFILE_FIELDS")
local intake = os.getenv("INTAKE_BODY") == "1"
local ids_file = os.getenv("IDS_FILE")
local rate_delay = tonumber(os.getenv("RATE_DELAY_MS") or "")
local threads, counter, ids, body, path = {}, 0, {}, nil, nil

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  statuses = {}
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
  if body_file then
    local f = io.open(body_file, "r"); body = f:read("*a"); f:close()
  end
  if ids_file then
    for line in io.lines(ids_file) do table.insert(ids, line) end
  end
  path = wrk.path
end

function request()
  counter = counter + 1
  local p = path
  if #ids > 0 then p = string.gsub(path, "INTAKE_ID", ids[(counter + thread_id * 7919) % #ids + 1]) end
  if intake then
    local b = string.format('{"clientReference": "BENCH-%d-%d-%d", "municipalityCode": "GM0599", %s}',
      thread_id, counter, math.random(1, 1000000000), profile)
    return wrk.format("POST", p, nil, b)
  elseif body then
    return wrk.format("POST", p, nil, body)
  end
  return wrk.format("GET", p)
end

if rate_delay then
  function delay() return rate_delay end
end

if os.getenv("COUNT_STATUSES") == "1" then
  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end
  function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
    end
    local line = "statuses:"
    for status, n in pairs(total) do line = line .. " " .. status .. "x" .. n end
    print(line)
  end
end
