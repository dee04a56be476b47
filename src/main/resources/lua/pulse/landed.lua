-- An invitation of an open period landed: remember where, sealed under the period key, until the period
-- closes and every invitation is updated to say so. Nothing is kept once the period began closing (the
-- caller updates that invitation at once instead).
-- KEYS[1] meta HASH, KEYS[2] landed ZSET; ARGV[1] sealed landing
-- Returns 1 kept, 0 the period no longer takes answers.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return 0
end
-- Score 0: kept in value order (random ciphertexts), never in the order invitations landed.
redis.call('ZADD', KEYS[2], 0, ARGV[1])
redis.call('EXPIREAT', KEYS[2], tonumber(redis.call('HGET', KEYS[1], 'secrets')))
return 1
