-- Records one answer: the voter's keyed hash and the counts (and the comment, if any) together, so a crash
-- can't count an answer without blocking a second one, or block without counting. Nothing written here
-- names the person, and the voter set is a separate key from the counts.
-- KEYS[1] period meta HASH, KEYS[2] voters ZSET, KEYS[3] counts HASH, KEYS[4] comments ZSET
-- ARGV[1] voter hash, ARGV[2] voters expire-at epoch s, ARGV[3] comment member ('' for none),
-- ARGV[4..] one count field per question
-- Returns 1 recorded, 0 already answered this period, -1 period not open, -2 unknown count field.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return -1
end
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return 0
end
for i = 4, #ARGV do
  if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 0 then
    return -2
  end
end
-- Score 0 for everyone: the set is kept in hash order, never in the order people answered.
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('EXPIREAT', KEYS[2], tonumber(ARGV[2]))
for i = 4, #ARGV do
  redis.call('HINCRBY', KEYS[3], ARGV[i], 1)
end
redis.call('HINCRBY', KEYS[3], 'responses', 1)
if ARGV[3] ~= '' then
  redis.call('ZADD', KEYS[4], 0, ARGV[3])
  local expires = redis.call('HGET', KEYS[1], 'expires')
  if expires then
    redis.call('EXPIREAT', KEYS[4], tonumber(expires))
  end
end
return 1
