-- A delivery given up on: it leaves the queue, and its dead letter goes to the workspace's list and to the
-- list of its feature and channel (each newest first, capped, expiring when nothing more fails there).
-- KEYS[1] inflight ZSET, KEYS[2] items HASH, KEYS[3] ready ZSET, KEYS[4] uncertain SET, KEYS[5] pending HASH,
-- KEYS[6] dead-per-team HASH, KEYS[7] the workspace's dead LIST, KEYS[8] the feature and channel's dead LIST,
-- KEYS[9] the workspace's places SET (feature:channel of each such list)
-- ARGV[1] id, ARGV[2] team, ARGV[3] dead letter json, ARGV[4] workspace cap, ARGV[5] place cap,
-- ARGV[6] keep seconds, ARGV[7] place
-- Returns 1, or 0 when the item was no longer queued (another worker finished it).
if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
if tonumber(redis.call('HINCRBY', KEYS[5], ARGV[2], -1)) <= 0 then
  redis.call('HDEL', KEYS[5], ARGV[2])
end
redis.call('HINCRBY', KEYS[6], ARGV[2], 1)
redis.call('LPUSH', KEYS[7], ARGV[3])
redis.call('LTRIM', KEYS[7], 0, tonumber(ARGV[4]) - 1)
redis.call('EXPIRE', KEYS[7], ARGV[6])
redis.call('LPUSH', KEYS[8], ARGV[3])
redis.call('LTRIM', KEYS[8], 0, tonumber(ARGV[5]) - 1)
redis.call('EXPIRE', KEYS[8], ARGV[6])
redis.call('SADD', KEYS[9], ARGV[7])
redis.call('EXPIRE', KEYS[9], ARGV[6])
return 1
