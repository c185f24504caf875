-- B13 call-heavy kernel, the Lua twin of CALL_TERMS in Benchmarks/Sources/licence-bench/B13.swift.
-- Each of the 64 x 16 body runs makes 18 built-in calls in the Folio version (len, min, max,
-- floor, ceil, round); here min/max are math.min/math.max, floor is //, ceil and round (half to
-- even) are Lua functions, and len is Lua's # operator. The counter `acc` is licence state, so
-- it lives in a fresh state table per evaluation, as each evaluation starts from stored state.
-- Usage: lua5.4 b13-call.lua ITERATIONS   prints: result cpu_seconds_of_the_timed_loop
local inputs = dofile((arg[0]:match("^(.*)/") or ".") .. "/b13-inputs.lua")
local min, max = math.min, math.max

local function ceil_div(a, b) return -((-a) // b) end

local function round_div(a, b) -- half to even, b > 0
  local q = a // b
  local twice = 2 * (a - q * b)
  if twice > b or (twice == b and q % 2 == 1) then q = q + 1 end
  return q
end

local function kernel(use_count, holders, line)
  local state = { acc = 0 }
  local n = use_count
  local cap = n * #holders
  for _, a in ipairs(line) do
    for _, p in ipairs(holders) do
      local x = state.acc
      local lo = min(#holders, #line)
      local hi = max(#holders, #line)
      local y = min(max((x * 3) // 4, lo), cap)
      local z = max(min(ceil_div(x, 3), hi * n), lo)
      local w = round_div(y + z, 2)
      state.acc = state.acc + (min(max(y, z), max(w, hi)) - min(x // 2, w) + 1)
    end
  end
  return state.acc
end

local iterations = tonumber(arg[1] or "1")
local result = 0
local start = os.clock()
for _ = 1, iterations do
  result = kernel(inputs.use_count, inputs.owners, inputs.ancestors)
end
print(result, os.clock() - start)
