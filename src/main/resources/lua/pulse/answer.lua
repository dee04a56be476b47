-- Records one answer of an open period: the voter's keyed hash and the sealed answer together, so a crash
-- can't keep an answer without blocking a second one, or block without keeping it. Both are opaque without
-- the period key; nothing is counted until the period closes. Only invited people may answer.
-- KEYS[1] meta HASH, KEYS[2] invited ZSET, KEYS[3] voters ZSET, KEYS[4] sealed ZSET
-- ARGV[1] invited hash, ARGV[2] voter hash, ARGV[3] sealed answer
-- Returns 1 recorded, 0 already answered this period, -1 period not open, -3 not invited,
-- -4 a period opened before answers were sealed (it takes no more answers).
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return -1
end
if redis.call('HGET', KEYS[1], 'sealed') ~= '1' then
  return -4
end
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  return -3
end
if redis.call('ZSCORE', KEYS[3], ARGV[2]) then
  return 0
end
-- Score 0 for all: both sets are kept in value order (hashes, random ciphertexts), never in arrival order.
redis.call('ZADD', KEYS[3], 0, ARGV[2])
redis.call('ZADD', KEYS[4], 0, ARGV[3])
-- The expiry fixed when the period opened: the same for every answer, so it tells no answer's time.
local secrets = tonumber(redis.call('HGET', KEYS[1], 'secrets'))
redis.call('EXPIREAT', KEYS[3], secrets)
redis.call('EXPIREAT', KEYS[4], secrets)
return 1
