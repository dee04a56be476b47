-- Records a new round in one step: every field of its hash (one per group too) and its place among the
-- program's rounds, so a crash leaves either no round or a whole one.
-- KEYS[1] round HASH, KEYS[2] program's rounds ZSET
-- ARGV[1] round id, ARGV[2] formed at (epoch ms), ARGV[3..] field, value, field, value, ...
-- Returns 1 when recorded, 0 when the round already existed.
if redis.call('HEXISTS', KEYS[1], 'at') == 1 then
  return 0
end
-- Half a round written before rounds were recorded in one step (groups without 'at') was never
-- delivered: it is replaced.
redis.call('DEL', KEYS[1])
-- unpack() has a small stack: 100 field/value pairs per HSET.
for i = 3, #ARGV, 200 do
  redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + 199, #ARGV)))
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
