-- A delivery that did not go through: back in the queue for later (see dead.lua for giving up).
-- KEYS[1] inflight ZSET, KEYS[2] items HASH, KEYS[3] ready ZSET, KEYS[4] uncertain SET
-- ARGV[1] id, ARGV[2] updated item json, ARGV[3] not-before ms,
-- ARGV[4] '1' if Slack may have accepted it ('0': it certainly hasn't)
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then
  return 0
end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[3], tonumber(ARGV[3]), ARGV[1])
if ARGV[4] == '1' then
  redis.call('SADD', KEYS[4], ARGV[1])
else
  -- Checked, or never sent: the next attempt needn't look in Slack first.
  redis.call('SREM', KEYS[4], ARGV[1])
end
return 1
