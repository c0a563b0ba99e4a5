-- wrk script for bench/day.py and bench/edge.py: readers spread over the archive.
-- Reads the addresses to visit from BENCH_URLS (one path a line, in visiting order). Counts, for
-- all threads together, the status codes, Varnish's hits (X-Varnish names two requests: this one
-- and the one that fetched the page) and, for the rest, our page cache's verdict (X-Page-Cache).
-- BENCH_GZIP=1 asks as browsers do through a CDN (gzip, kept-alive connections); otherwise each
-- request is on a connection of its own, as behind a proxy.

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
  if os.getenv("BENCH_GZIP") == "1" then
    headers = {["Accept-Encoding"] = "gzip"}
  else
    headers = {["Connection"] = "close"}
  end
  edge_hits, hits, misses, statuses = 0, 0, 0, {}
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position], headers)
end

function response(status, headers, body)
  local varnish = headers["X-Varnish"] or headers["x-varnish"] or ""
  if string.find(varnish, " ") then
    edge_hits = edge_hits + 1
  else
    local cache = headers["X-Page-Cache"] or headers["x-page-cache"]
    if cache == "hit" then hits = hits + 1 elseif cache == "miss" then misses = misses + 1 end
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local edge, hits_total, misses_total, codes = 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    edge = edge + thread:get("edge_hits")
    hits_total = hits_total + thread:get("hits")
    misses_total = misses_total + thread:get("misses")
    for code, count in pairs(thread:get("statuses")) do
      codes[code] = (codes[code] or 0) + count
    end
  end
  local parts = {}
  for code, count in pairs(codes) do parts[#parts + 1] = string.format('"%d":%d', code, count) end
  io.write(string.format(
    'READERS_JSON {"requests":%d,"seconds":%.3f,"p50_ms":%.2f,"p99_ms":%.2f,"errors":%d,'
      .. '"edge_hits":%d,"hits":%d,"misses":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    edge, hits_total, misses_total, table.concat(parts, ",")))
end
