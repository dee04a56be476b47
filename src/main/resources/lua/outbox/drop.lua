-- Drops a queued delivery (its recipient asked to be forgotten): it leaves the queue unsent.
-- KEYS[1] items HASH, KEYS[2] ready ZSET, KEYS[3] inflight ZSET, KEYS[4] uncertain SET, KEYS[5] pending HASH
-- ARGV[1] id, ARGV[2] team
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
if tonumber(redis.call('HINCRBY', KEYS[5], ARGV[2], -1)) <= 0 then
  redis.call('HDEL', KEYS[5], ARGV[2])
end
return 1
