-- Queues deliveries unless the same idempotency key is queued, in flight or was delivered.
-- KEYS[1] items HASH (queued and in flight), KEYS[2] ready ZSET, KEYS[3] done ZSET, KEYS[4] pending-per-team HASH
-- ARGV: (id, team, not-before ms, item json) quadruples
-- Returns how many were queued.
local queued = 0
for i = 1, #ARGV, 4 do
  local id = ARGV[i]
  if redis.call('HEXISTS', KEYS[1], id) == 0 and not redis.call('ZSCORE', KEYS[3], id) then
    redis.call('HSET', KEYS[1], id, ARGV[i + 3])
    redis.call('ZADD', KEYS[2], tonumber(ARGV[i + 2]), id)
    redis.call('HINCRBY', KEYS[4], ARGV[i + 1], 1)
    queued = queued + 1
  end
end
return queued
