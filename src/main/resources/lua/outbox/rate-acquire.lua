-- Takes one token from each bucket, or none: GCRA (a leaky bucket kept as one timestamp per bucket).
-- KEYS: bucket keys; ARGV[1] now ms, then per bucket: emission interval ms, burst tolerance ms
-- Returns 0 when taken, else how many ms to wait before trying again.
local now = tonumber(ARGV[1])
local wait = 0
local tats = {}
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2])
  local burst = tonumber(ARGV[i * 2 + 1])
  local tat = tonumber(redis.call('GET', key) or now)
  if tat < now then tat = now end
  tats[i] = tat
  local allowed_at = tat - burst
  if allowed_at > now and allowed_at - now > wait then
    wait = allowed_at - now
  end
end
if wait > 0 then
  return wait
end
for i, key in ipairs(KEYS) do
  local interval = tonumber(ARGV[i * 2])
  local new_tat = tats[i] + interval
  redis.call('SET', key, tostring(new_tat), 'PX', math.ceil(new_tat - now) + 1000)
end
return 0
