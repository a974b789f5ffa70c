-- wrk script for the missed-call benchmark. Configured by environment variables (wrk passes none to Lua):
--
--   BENCH_REQUESTS  file written by gen_requests.py render: method TAB path TAB body {TAB name TAB value}
--                   (absent: plain GET of the URL given to wrk, e.g. /healthz, counting statuses the same way)
--   BENCH_THREADS   the -t given to wrk (thread i sends lines i, i+T, i+2T, ... of the file)
--   BENCH_MODE      "loop"  as fast as possible, cycling through the thread's lines (a re-sent line is a
--                           duplicate delivery, which the server absorbs);
--                   "once"  every line exactly once; a thread that has sent all its lines sends a filler
--                           (GET /hooks/bench-filler/x/, a 404 without database work, not counted) until
--                           every thread is done, then wrk is interrupted. Filler rather than idle: a wrk
--                           connection parked with delay() is connected but silent, and a gunicorn sync
--                           worker that accepts it blocks reading it;
--                   "rate"  paced: BENCH_RATE requests/s in total, spread over threads; run with one connection
--                           per thread (-tN -cN) so each thread knows which request a response belongs to and can
--                           measure latency from the *scheduled* send time (no coordinated omission).
--   BENCH_RATE      total offered requests/s for "rate"
--   BENCH_CONNS     the -c given to wrk (recorded in the result)
--   BENCH_RESULT    JSON written by done(): statuses, issued/answered per thread, latency percentiles
--
-- Timing uses clock_gettime through LuaJIT's FFI (wrk exposes no clock to Lua).

local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
  int getpid(void);
  int kill(int pid, int sig);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local mode = os.getenv("BENCH_MODE") or "loop"
local rate = tonumber(os.getenv("BENCH_RATE") or "0")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
local request_file = os.getenv("BENCH_REQUESTS")

-- per-thread state (each wrk thread has its own Lua state) --------------------------------------------------
reqs = {}
nreqs = 0
issued = 0        -- request() calls
answered = 0      -- response() calls
statuses = {}
sched_lat = {}    -- "rate": microseconds from scheduled send to response, one per response
next_slot = nil
slot_us = 0
current_slot = 0
finished = false

local function split_tabs(line)
  local fields, start = {}, 1
  while true do
    local i = string.find(line, "\t", start, true)
    if not i then
      fields[#fields + 1] = string.sub(line, start)
      return fields
    end
    fields[#fields + 1] = string.sub(line, start, i - 1)
    start = i + 1
  end
end

-- main state: the threads, so done() can collect their counters ---------------------------------------------
local threads = {}
local created = 0

function setup(thread)
  thread:set("id", created)
  created = created + 1
  threads[#threads + 1] = thread
end

function init(args)
  if request_file then
    local n = 0
    for line in io.lines(request_file) do
      if n % nthreads == id then
        local f = split_tabs(line)
        local headers = {}
        for k = 4, #f - 1, 2 do headers[f[k]] = f[k + 1] end
        local body = f[3] ~= "" and f[3] or nil
        nreqs = nreqs + 1
        reqs[nreqs] = wrk.format(f[1], f[2], headers, body)
      end
      n = n + 1
    end
  else
    nreqs = 1
    reqs[1] = wrk.format(nil, nil)
  end
  if mode == "rate" then
    slot_us = 1000000 * nthreads / rate
  end
end

local filler = nil
local done_dir = os.getenv("BENCH_DONE_DIR")
killed = false
checks = 0

local function all_finished()
  for i = 0, nthreads - 1 do
    local f = io.open(done_dir .. "/thread-" .. i, "r")
    if not f then return false end
    f:close()
  end
  return true
end

local function interrupt_wrk()
  -- every thread has had all its lines answered: interrupt wrk so it does not sleep out the rest of -d
  if killed then return end
  killed = true
  -- not os.execute("kill ..."): system() ignores SIGINT in wrk while the child runs, so the signal is lost
  ffi.C.kill(ffi.C.getpid(), 2)
end

if mode == "rate" then
  function delay()
    local now = now_us()
    if next_slot == nil then
      -- threads start staggered across one slot so the offered load is smooth
      next_slot = now + slot_us * id / nthreads
    end
    current_slot = next_slot
    next_slot = next_slot + slot_us
    local wait = (current_slot - now) / 1000
    if wait < 0 then wait = 0 end
    return wait
  end
end

verified = false

function request()
  if id == 0 and not verified then
    -- wrk calls thread 0's request() once before the run, only to check the script returns valid HTTP:
    -- that request is never sent, so it must not use up a line.
    verified = true
    return reqs[1]
  end
  if mode == "once" and issued >= nreqs then
    if filler == nil then filler = wrk.format("GET", "/hooks/bench-filler/x/") end
    return filler
  end
  issued = issued + 1
  local i = (issued - 1) % nreqs + 1
  return reqs[i]
end

function response(status, headers, body)
  if mode == "once" and status == 404 and body and string.find(body, "bench-filler", 1, true) then
    checks = checks + 1
    if checks % 16 == 0 and all_finished() then interrupt_wrk() end
    return
  end
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  if mode == "rate" then
    sched_lat[#sched_lat + 1] = now_us() - current_slot
  elseif mode == "once" and answered >= nreqs and not finished then
    finished = true
    io.open(done_dir .. "/thread-" .. id, "w"):close()
    if all_finished() then interrupt_wrk() end
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local k = math.ceil(#sorted * p / 100)
  if k < 1 then k = 1 end
  return sorted[k]
end

function done(summary, latency, requests)
  local all_status, per_thread, sched = {}, {}, {}
  for _, t in ipairs(threads) do
    for code, count in pairs(t:get("statuses")) do
      all_status[tostring(code)] = (all_status[tostring(code)] or 0) + count
    end
    per_thread[#per_thread + 1] = string.format('{"id":%d,"lines":%d,"issued":%d,"answered":%d}',
      t:get("id"), t:get("nreqs"), t:get("issued"), t:get("answered"))
    if mode == "rate" then
      for _, v in ipairs(t:get("sched_lat")) do sched[#sched + 1] = v end
    end
  end
  table.sort(sched)
  local parts = {}
  for code, count in pairs(all_status) do parts[#parts + 1] = string.format('"%s":%d', code, count) end
  local seconds = summary.duration / 1e6
  local out = string.format(
    '{"mode":"%s","connections":%d,"seconds":%.3f,"requests":%d,"statuses":{%s},"threads":[%s],' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f},' ..
    '"scheduled_latency_ms":{"n":%d,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}}',
    mode, tonumber(os.getenv("BENCH_CONNS") or "0"), seconds, summary.requests, table.concat(parts, ","), table.concat(per_thread, ","),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    #sched, percentile(sched, 50) / 1000, percentile(sched, 90) / 1000, percentile(sched, 99) / 1000,
    (sched[#sched] or 0) / 1000)
  local path = os.getenv("BENCH_RESULT")
  if path then
    local f = io.open(path, "w")
    f:write(out, "\n")
    f:close()
  end
  io.write(out, "\n")
end
