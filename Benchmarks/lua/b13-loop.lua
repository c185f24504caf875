-- B13 loop-heavy kernel, the Lua twin of LOOP_TERMS in Benchmarks/Sources/licence-bench/B13.swift:
-- two nested bounded loops over the work's 64 ancestors (4,096 body runs) with integer
-- arithmetic and an id comparison in the body. The counter `acc` is licence state, so it lives
-- in a fresh state table per evaluation.
-- Usage: lua5.4 b13-loop.lua ITERATIONS   prints: result cpu_seconds_of_the_timed_loop
local inputs = dofile((arg[0]:match("^(.*)/") or ".") .. "/b13-inputs.lua")

local function kernel(use_count, line)
  local state = { acc = 0 }
  local n = use_count
  for _, a in ipairs(line) do
    for _, b in ipairs(line) do
      local x = state.acc
      state.acc = state.acc + ((x + n) * 3 // 7 - x // 2 + 1)
      if a == b then state.acc = state.acc + 1 end
    end
  end
  return state.acc
end

local iterations = tonumber(arg[1] or "1")
local result = 0
local start = os.clock()
for _ = 1, iterations do
  result = kernel(inputs.use_count, inputs.ancestors)
end
print(result, os.clock() - start)
