-- Puts a schedule in the due index (or takes it out) and drops any claim on it, in one step.
-- KEYS[1] due ZSET, KEYS[2] claims HASH; ARGV[1] id, ARGV[2] due ms ('' removes)
redis.call('HDEL', KEYS[2], ARGV[1])
if ARGV[2] == '' then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return redis.call('ZADD', KEYS[1], tonumber(ARGV[2]), ARGV[1])
