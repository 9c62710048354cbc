-- One operation of `make bench` (bench/bench.py), for wrk:
--   wrk -t T -c C -d D -s bench/wrk/ops.lua URL -- OP PREFIX AUTH T FIRST [IDS_FILE]
-- OP names the request; PREFIX is the path before /Masking or /Verify ("" for
-- Prism, /v1/Account/<auth_id> for the sandbox); AUTH the Authorization value;
-- T repeats the thread count; FIRST is where this run's parties start (each
-- run of a bench gets its own range); IDS_FILE has one session uuid per line ("uuid otp" for validate).
-- done() prints one line "BENCH {json}" that bench.py reads.

local threads = {}

function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

local counter = 0
local ids = {}

function init(args)
  op, prefix, auth, ids_file = args[1], args[2], args[3], args[6]
  thread_total = tonumber(args[4]) or 1
  wrk.headers["Authorization"] = auth
  wrk.headers["Content-Type"] = "application/json"
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      local uuid, otp = line:match("^(%S+)%s*(%S*)$")
      table.insert(ids, { uuid = uuid, otp = otp })
    end
  end
  -- Each thread starts its parties in its own block of 200,000 numbers,
  -- so no two requests of one run share a party.
  first_number = (tonumber(args[5]) or 0) + (thread_index or 0) * 200000
end

local function party(area)
  return string.format("+1%s%07d", area, (first_number + counter) % 10000000)
end

local function next_id()
  -- Each thread takes every thread_total-th id from its own offset: with
  -- validate, no session is validated twice.
  local index = ((thread_index or 0) + (counter - 1) * thread_total) % #ids + 1
  return ids[index]
end

local masking = "/Masking/Session"
local verify = "/Verify/Session"

function request()
  counter = counter + 1
  if op == "get_masking" then
    return wrk.format("GET", prefix .. masking .. "/" .. next_id().uuid)
  elseif op == "create_masking" then
    local body = '{"first_party": "' .. party("415") .. '", "second_party": "' .. party("628") .. '"}'
    return wrk.format("POST", prefix .. masking, nil, body)
  elseif op == "update_masking" then
    return wrk.format("POST", prefix .. masking .. "/" .. next_id().uuid, nil, '{"record": true}')
  elseif op == "list_masking" then
    return wrk.format("GET", prefix .. masking .. "?limit=20")
  elseif op == "create_verify" then
    local body = '{"recipient": "' .. party("415") .. '", "channel": "sms"}'
    return wrk.format("POST", prefix .. verify, nil, body)
  elseif op == "validate_verify" then
    local id = next_id()
    return wrk.format("POST", prefix .. verify .. "/" .. id.uuid, nil, '{"otp": "' .. id.otp .. '"}')
  elseif op == "get_verify" then
    return wrk.format("GET", prefix .. verify .. "/" .. next_id().uuid)
  elseif op == "list_verify" then
    return wrk.format("GET", prefix .. verify .. "?limit=20")
  end
  error("unknown operation " .. tostring(op))
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "rps": %.1f, "p50_ms": %.3f, "p99_ms": %.3f, "non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
