-- Counts one reply or reaction on a posted prompt, once: the same reply (by its ts) or reaction (by its
-- event ts) seen again changes nothing, so a retried event is never counted twice.
-- KEYS[1] post HASH, KEYS[2] the post's counted SET, KEYS[3] week stats HASH, KEYS[4] week top ZSET,
-- KEYS[5] week repliers HyperLogLog (all of the prompt's strategy and posting week)
-- ARGV[1] 'replies' or 'reactions', ARGV[2] what identifies this reply or reaction, ARGV[3] prompt id,
-- ARGV[4] who replied (replies only; only a distinct count is kept), ARGV[5] stats ttl seconds
-- Returns 1 when counted now, 0 when it already was or the post is no longer kept.
local ttl = redis.call('TTL', KEYS[1])
if ttl <= 0 then
  return 0
end
if redis.call('SADD', KEYS[2], ARGV[2]) == 0 then
  return 0
end
redis.call('EXPIRE', KEYS[2], ttl)
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
redis.call('EXPIRE', KEYS[3], ARGV[5])
if ARGV[1] == 'replies' then
  redis.call('ZINCRBY', KEYS[4], 1, ARGV[3])
  redis.call('EXPIRE', KEYS[4], ARGV[5])
  redis.call('PFADD', KEYS[5], ARGV[4])
  redis.call('EXPIRE', KEYS[5], ARGV[5])
end
return 1
