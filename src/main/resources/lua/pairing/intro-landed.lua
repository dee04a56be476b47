-- An intro landed: remember its group DM and message ts, and count it, once, even if the outbox tells us twice.
-- KEYS[1] round dms HASH, KEYS[2] program stats HASH, KEYS[3] round intros HASH (group -> ts)
-- ARGV[1] group index, ARGV[2] DM channel, ARGV[3] message ts ('' when unknown)
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  if ARGV[3] ~= '' then
    redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
  end
  redis.call('HINCRBY', KEYS[2], 'intros', 1)
  return 1
end
return 0
