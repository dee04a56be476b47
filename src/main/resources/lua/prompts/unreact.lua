-- Uncounts a reaction removed from a posted prompt, once and only if it was counted: removing it again, or
-- a reaction counted before reactions were told apart by who made them, changes nothing; no count goes
-- below zero.
-- KEYS[1] post HASH, KEYS[2] the post's counted SET, KEYS[3] workspace week stats HASH, KEYS[4] channel week
-- stats HASH; ARGV[1] what identifies the reaction (as when it was counted)
-- Returns 1 when uncounted now, 0 otherwise.
if redis.call('TTL', KEYS[1]) <= 0 then
  return 0
end
if redis.call('SREM', KEYS[2], ARGV[1]) == 0 then
  return 0
end
for i = 1, 4 do
  if i ~= 2 and tonumber(redis.call('HGET', KEYS[i], 'reactions') or '0') > 0 then
    redis.call('HINCRBY', KEYS[i], 'reactions', -1)
  end
end
return 1
