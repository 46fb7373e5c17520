-- wrk script for the `pipelined` scenario: each connection writes DEPTH GET requests back to back
-- (HTTP/1.1 pipelining) and writes the next batch once all DEPTH responses have arrived. wrk counts
-- every response as one request.
--
--   wrk -t1 -c256 -d15s -s benchmarks/pipeline.lua http://127.0.0.1:8080/plaintext -- 16
--
-- DEPTH is the first argument after `--` (default 16). Every request is the one wrk would send
-- itself (wrk.format(): GET, the URL's path, Host header), so servers see ordinary requests.

local batch

function init(args)
  local depth = tonumber(args[1]) or 16
  local requests = {}
  for i = 1, depth do
    requests[i] = wrk.format()
  end
  batch = table.concat(requests)
end

function request()
  return batch
end
