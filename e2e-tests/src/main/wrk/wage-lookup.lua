-- wrk script: the same 24 minimum-wage questions as bin/load's wage-lookup scenario (8 regions x 3 dates), asked in
-- turn by every connection. Used to measure the gateway with a client that barely uses the CPU:
--   wrk -t1 -c16 -d30s --latency -s e2e-tests/src/main/wrk/wage-lookup.lua http://localhost:18080
-- (wrk comes from apt: apt-get install wrk). Set UNCACHED=1 to walk through ten years of dates instead, so every
-- request reaches the wage service.
local regions = {"630100", "630200", "632200", "632300", "632500", "632600", "632700", "632800"}
local dates = {"2017-04-30", "2017-05-01", "2018-03-15"}
local uncached = os.getenv("UNCACHED") == "1"
local i = 0

local function date(n)
  if not uncached then
    return dates[n % #dates + 1]
  end
  -- day n after 2014-01-01 (within ten years), built without os.date to stay in UTC
  local t = os.time({year = 2014, month = 1, day = 1, hour = 12}) + (n % 3650) * 86400
  return os.date("!%Y-%m-%d", t)
end

request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/wage/minimum-wage?region=" .. regions[i % #regions + 1] .. "&date=" .. date(i))
end

response = function(status)
  if status ~= 200 then
    io.stderr:write("status " .. status .. "\n")
  end
end
