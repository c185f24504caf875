-- B13 inputs, the same facts licence-bench gives the Folio kernels: use.count = 1000, the
-- licensed work's 16 owners (party = 20 bytes, weight) and its 64 ancestors (32-byte ids).
-- Ids and parties are byte strings, as the VM holds them (LicenceValue.bytes).
local inputs = { use_count = 1000, owners = {}, ancestors = {} }
for i = 1, 16 do
  inputs.owners[i] = { party = string.char(1, i) .. string.rep("\0", 18), weight = i }
end
for i = 1, 64 do
  inputs.ancestors[i] = string.char(2, i) .. string.rep("\0", 30)
end
return inputs
