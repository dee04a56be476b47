-- Ends a claimed occurrence: sets the schedule's next due time (or removes a one-shot, or retries the
-- same occurrence later). Does nothing if the schedule was changed or removed while it ran.
-- KEYS[1] due ZSET, KEYS[2] claims HASH
-- ARGV[1] id, ARGV[2] lease ms we hold, ARGV[3] next due ms ('' removes), ARGV[4] '1' keeps the claim
-- (retry the same occurrence), '0' ends it
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then
  return 0
end
if ARGV[4] ~= '1' then
  redis.call('HDEL', KEYS[2], ARGV[1])
end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), ARGV[1])
end
return 1
