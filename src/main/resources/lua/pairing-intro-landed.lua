-- An intro landed: remember its group DM and count it, once, even if the outbox tells us twice.
-- KEYS[1] round dms HASH, KEYS[2] program stats HASH; ARGV[1] group index, ARGV[2] DM channel
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], 'intros', 1)
  return 1
end
return 0
