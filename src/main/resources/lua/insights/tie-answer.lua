-- Records the first answer to a lasting-tie question; returns what was there before (nil: never asked).
-- KEYS[1] ties:{channel} HASH; ARGV[1] field, ARGV[2] yes|no
local before = redis.call('HGET', KEYS[1], ARGV[1])
if before == 'asked' then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return before
