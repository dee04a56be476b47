-- Counts one reply or reaction on a posted prompt, once: the same reply (by its ts) or reaction (by who
-- reacted with what, as a digest) seen again changes nothing, so a retried event is never counted twice.
-- KEYS[1] post HASH, KEYS[2] the post's counted SET, then for the workspace (KEYS[3..5]) and for the post's
-- channel (KEYS[6..8]): week stats HASH, week top ZSET, week repliers HyperLogLog (of the prompt's strategy
-- and posting week)
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
for base = 3, 6, 3 do
  redis.call('HINCRBY', KEYS[base], ARGV[1], 1)
  redis.call('EXPIRE', KEYS[base], ARGV[5])
  if ARGV[1] == 'replies' then
    redis.call('ZINCRBY', KEYS[base + 1], 1, ARGV[3])
    redis.call('EXPIRE', KEYS[base + 1], ARGV[5])
    redis.call('PFADD', KEYS[base + 2], ARGV[4])
    redis.call('EXPIRE', KEYS[base + 2], ARGV[5])
  end
end
return 1
