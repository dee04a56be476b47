-- When a schedule runs next, in one round trip: the due time of the occurrence running now (its claim), else
-- its due time in the index.
-- KEYS[1] due ZSET, KEYS[2] claims HASH; ARGV[1] id
-- Returns epoch ms as a string, or false when the schedule isn't in the index.
local claimed = redis.call('HGET', KEYS[2], ARGV[1])
if claimed then
  return claimed
end
return redis.call('ZSCORE', KEYS[1], ARGV[1])
