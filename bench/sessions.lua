-- wrk script for bench/load.sh: every request carries one of the signed-in sessions, in turn, so that the
-- load comes from many users rather than one. The cookies are read from the file named by WRK_COOKIES
-- (one "JSESSIONID=..." per line); without it, requests go out without a cookie (static files).
local cookies = {}
local next_cookie = 1

local file_name = os.getenv("WRK_COOKIES")
if file_name and file_name ~= "" then
  for line in io.lines(file_name) do
    if line ~= "" then
      table.insert(cookies, line)
    end
  end
end

function setup(thread)
  thread:set("offset", #cookies > 0 and math.random(#cookies) or 1)
end

function init(args)
  next_cookie = tonumber(offset) or 1
end

function request()
  if #cookies == 0 then
    return wrk.format(nil)
  end
  local cookie = cookies[next_cookie]
  next_cookie = next_cookie % #cookies + 1
  return wrk.format(nil, nil, { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d bytes_per_req=%.0f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non2xx, summary.requests > 0 and summary.bytes / summary.requests or 0))
end
