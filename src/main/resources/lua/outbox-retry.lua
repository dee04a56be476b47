-- A delivery that did not go through: back in the queue for later, or to the dead-letter list.
-- KEYS[1] inflight ZSET, KEYS[2] items HASH, KEYS[3] ready ZSET, KEYS[4] uncertain SET,
-- KEYS[5] dead LIST, KEYS[6] dead-per-team HASH, KEYS[7] pending HASH
-- ARGV[1] id, ARGV[2] team, ARGV[3] updated item json, ARGV[4] not-before ms ('' = dead-letter),
-- ARGV[5] '1' if Slack may have accepted it ('0': it certainly hasn't), ARGV[6] dead-letter record json, ARGV[7] dead list cap
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
if ARGV[4] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
  redis.call('SREM', KEYS[4], ARGV[1])
  redis.call('LPUSH', KEYS[5], ARGV[6])
  redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[7]) - 1)
  redis.call('HINCRBY', KEYS[6], ARGV[2], 1)
  if tonumber(redis.call('HINCRBY', KEYS[7], ARGV[2], -1)) <= 0 then
    redis.call('HDEL', KEYS[7], ARGV[2])
  end
  return 2
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[3], tonumber(ARGV[4]), ARGV[1])
if ARGV[5] == '1' then
  redis.call('SADD', KEYS[4], ARGV[1])
else
  -- Checked, or never sent: the next attempt needn't look in Slack first.
  redis.call('SREM', KEYS[4], ARGV[1])
end
return 1
