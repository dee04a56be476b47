-- The cadence changed while a period is open: it now closes when the new schedule first opens a period.
-- Its keys, hashes, sealed answers and landed invitations live at least 30 days past that close.
-- KEYS[1] meta HASH, KEYS[2] wrapped key, KEYS[3] invited ZSET, KEYS[4] voters ZSET, KEYS[5] sealed ZSET,
-- KEYS[6] landed ZSET
-- ARGV[1] closes ms, ARGV[2] secrets expire-at epoch s
-- Returns 1 changed, 0 the period isn't open.
if redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  return 0
end
redis.call('HSET', KEYS[1], 'closes', ARGV[1])
local secrets = tonumber(redis.call('HGET', KEYS[1], 'secrets') or '0')
local wanted = tonumber(ARGV[2])
if wanted > secrets then
  redis.call('HSET', KEYS[1], 'secrets', ARGV[2])
  for i = 2, 6 do
    if redis.call('EXISTS', KEYS[i]) == 1 then
      redis.call('EXPIREAT', KEYS[i], wanted)
    end
  end
end
return 1
