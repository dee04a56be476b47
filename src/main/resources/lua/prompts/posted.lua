-- Records a prompt that landed in a channel, once: hearing about the same message again changes nothing.
-- KEYS[1] post HASH, KEYS[2] week stats HASH of the prompt's strategy, KEYS[3] the same for its channel
-- ARGV[1] prompt id, ARGV[2] strategy, ARGV[3] week, ARGV[4] post ttl seconds, ARGV[5] stats ttl seconds
-- Returns 1 when recorded now, 0 when it already was.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'prompt', ARGV[1], 'strategy', ARGV[2], 'week', ARGV[3], 'replies', 0,
  'reactions', 0)
redis.call('EXPIRE', KEYS[1], ARGV[4])
for i = 2, 3 do
  redis.call('HINCRBY', KEYS[i], 'posted', 1)
  redis.call('EXPIRE', KEYS[i], ARGV[5])
end
return 1
