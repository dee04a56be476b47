-- Writes (or removes) an onboarding journey and its entry in the channel's index in one step, so a crash leaves
-- neither a journey the index doesn't know (its new hire would be paired, and could get a second one) nor the
-- reverse.
-- KEYS[1] channel's journeys HASH (new hire -> "id|ends|buddy"), KEYS[2] the journey HASH
-- ARGV[1] "new" (only if the new hire has no journey in the channel yet), "update" (only if the journey exists)
-- or "delete", ARGV[2] new hire, ARGV[3] index entry (to delete: the journey id, whose entry alone goes),
-- ARGV[4..] field, value, ... of the journey
-- Returns 1 when written (or removed); 0 when not ("new": an entry was there; "update" or "delete": the journey
-- is gone).
if ARGV[1] == 'delete' then
  local entry = redis.call('HGET', KEYS[1], ARGV[2])
  if entry and string.sub(entry, 1, #ARGV[3] + 1) == ARGV[3] .. '|' then
    redis.call('HDEL', KEYS[1], ARGV[2])
  end
  return redis.call('DEL', KEYS[2])
end
if ARGV[1] == 'new' and redis.call('HEXISTS', KEYS[1], ARGV[2]) == 1 then
  return 0
end
if ARGV[1] == 'update' and redis.call('EXISTS', KEYS[2]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
if #ARGV >= 5 then
  redis.call('HSET', KEYS[2], unpack(ARGV, 4, #ARGV))
end
return 1
