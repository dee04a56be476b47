-- Puts a schedule in the due index (or takes it out) and drops any claim on it, in one step. When the schedule
-- is now the earliest due, it publishes on the wake channel: idle schedulers wait until the earliest due time
-- they saw, so only a schedule due before it needs to wake them (a burst of later ones wakes nobody).
-- KEYS[1] due ZSET, KEYS[2] claims HASH; ARGV[1] id, ARGV[2] due ms ('' removes), ARGV[3] wake channel
redis.call('HDEL', KEYS[2], ARGV[1])
if ARGV[2] == '' then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
local added = redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
if redis.call('ZRANGE', KEYS[1], 0, 0)[1] == ARGV[1] then
  redis.call('PUBLISH', ARGV[3], '1')
end
return added
