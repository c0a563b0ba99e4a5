-- wrk script for bench/edge.py: readers through Varnish, counting what Varnish answered itself.
-- Reads the addresses to visit from BENCH_URLS (one path a line, in visiting order). A hit is a
-- response whose X-Varnish names two requests (this one and the one that fetched the page);
-- on a miss, X-Page-Cache says whether Django answered from its own page cache.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_URLS")) do
    paths[#paths + 1] = line
  end
  position = (id * 7919) % #paths
  edge_hits, app_hits, app_misses, statuses = 0, 0, 0, {}
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], {["Accept-Encoding"] = "gzip"})
end

function response(status, headers, body)
  local varnish = headers["X-Varnish"] or headers["x-varnish"] or ""
  if string.find(varnish, " ") then
    edge_hits = edge_hits + 1
  else
    local app = headers["X-Page-Cache"] or headers["x-page-cache"]
    if app == "hit" then app_hits = app_hits + 1 elseif app == "miss" then app_misses = app_misses + 1 end
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local edge, hits, misses, codes = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    edge = edge + thread:get("edge_hits")
    hits = hits + thread:get("app_hits")
    misses = misses + thread:get("app_misses")
    for code, count in pairs(thread:get("statuses")) do
      codes[code] = (codes[code] or 0) + count
    end
  end
  local parts = {}
  for code, count in pairs(codes) do parts[#parts + 1] = string.format('"%d":%d', code, count) end
  io.write(string.format(
    'EDGE_JSON {"requests":%d,"seconds":%.3f,"p50_ms":%.2f,"p99_ms":%.2f,"errors":%d,'
      .. '"edge_hits":%d,"app_hits":%d,"app_misses":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    edge, hits, misses, table.concat(parts, ",")))
end
