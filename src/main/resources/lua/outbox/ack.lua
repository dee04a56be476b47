-- A delivery Slack accepted: it leaves the queue and its key is remembered, so it is never sent again. Only
-- while it is still queued: if another worker acknowledged it first, that one remembered it; if its
-- workspace was uninstalled or its recipient forgotten while Slack was answering, remembering it would name
-- them again after the erasure.
-- KEYS[1] inflight ZSET, KEYS[2] items HASH, KEYS[3] uncertain SET, KEYS[4] done ZSET, KEYS[5] pending HASH
-- ARGV[1] id, ARGV[2] team, ARGV[3] now ms, ARGV[4] remember ms
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
local existed = redis.call('HDEL', KEYS[2], ARGV[1])
if existed == 0 then
  return 0
end
redis.call('ZADD', KEYS[4], tonumber(ARGV[3]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', tonumber(ARGV[3]) - tonumber(ARGV[4]))
if tonumber(redis.call('HINCRBY', KEYS[5], ARGV[2], -1)) <= 0 then
  redis.call('HDEL', KEYS[5], ARGV[2])
end
return 1
