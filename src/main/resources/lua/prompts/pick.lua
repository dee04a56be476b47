-- Picks the next prompt for one channel and strategy, atomically, so two instances never pick the same one.
-- A channel gets every prompt of a strategy once per cycle, in an order that is new each cycle (prompts
-- ranked by sha1(seed:cycle:id)). Removed prompts are skipped, and a new cycle does not open with the prompt
-- that closed the last one.
-- KEYS[1] seen SET (ids picked this cycle), KEYS[2] state HASH (cycle, last), KEYS[3] removed SET,
-- KEYS[4] memo STRING (optional: the pick of a scheduled occurrence, so a re-run posts the same prompt)
-- ARGV[1] seed, ARGV[2] rotation ttl seconds, ARGV[3] memo ttl seconds, ARGV[4..] candidate ids
-- Returns {id, cycle}, or false when every candidate was removed.
local seed, first = ARGV[1], 4

local function usable(id)
  return redis.call('SISMEMBER', KEYS[3], id) == 0
end

local function best(cycle, avoid)
  local pick, rank = nil, nil
  for i = first, #ARGV do
    local id = ARGV[i]
    if id ~= avoid and usable(id) and redis.call('SISMEMBER', KEYS[1], id) == 0 then
      local r = redis.sha1hex(seed .. ':' .. cycle .. ':' .. id)
      if rank == nil or r < rank then
        pick, rank = id, r
      end
    end
  end
  return pick
end

local cycle = tonumber(redis.call('HGET', KEYS[2], 'cycle') or '0')
local id = best(cycle, nil)
if not id then
  local any = false
  for i = first, #ARGV do
    if usable(ARGV[i]) then
      any = true
      break
    end
  end
  if not any then
    return false
  end
  -- Every prompt was used in this cycle: the next cycle starts, in a new order.
  redis.call('DEL', KEYS[1])
  cycle = cycle + 1
  id = best(cycle, redis.call('HGET', KEYS[2], 'last')) or best(cycle, nil)
end
redis.call('SADD', KEYS[1], id)
redis.call('HSET', KEYS[2], 'cycle', cycle, 'last', id)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
if KEYS[4] then
  redis.call('SET', KEYS[4], id, 'EX', ARGV[3])
end
return {id, tostring(cycle)}
