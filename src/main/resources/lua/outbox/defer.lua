-- Puts claimed deliveries back unchanged (no Slack budget for them yet): no attempt spent, no rewrite.
-- KEYS[1] inflight ZSET, KEYS[2] ready ZSET, KEYS[3] items HASH; ARGV[1] not-before ms, ARGV[2..] ids
for i = 2, #ARGV do
  if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 1 then
    redis.call('ZREM', KEYS[1], ARGV[i])
    redis.call('ZADD', KEYS[2], tonumber(ARGV[1]), ARGV[i])
  end
end
return 1
