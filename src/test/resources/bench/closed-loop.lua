-- wrk script of CapacityBenchmark: each thread replays its own file of pre-signed requests, one after
-- another on each connection (closed loop). Requests are signed before the step (Slack's HMAC over the
-- timestamp and body), each once: a signed request sent twice would be refused as a replay.
-- File format: "<byte length>\n<raw HTTP request>" records; the file of thread k is "<path>.<k>".
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

local requests = {}
local count = 0
local next = 0

function init(args)
  local file = assert(io.open(args[1] .. "." .. id, "rb"))
  local data = file:read("*a")
  file:close()
  local pos = 1
  while pos <= #data do
    local newline = data:find("\n", pos, true)
    local length = tonumber(data:sub(pos, newline - 1))
    count = count + 1
    requests[count] = data:sub(newline + 1, newline + length)
    pos = newline + 1 + length
  end
end

function request()
  next = next + 1
  if next > count then
    next = 1
  end
  return requests[next]
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
end
