-- Stores a suggestion, within the proposer's daily share, in one step: the suggestion and the quota
-- counter always carry their expiry.
-- KEYS[1] suggestion HASH, KEYS[2] the proposer's quota STRING
-- ARGV[1] text, ARGV[2] proposer, ARGV[3] strategy ('' when left to the admins), ARGV[4] suggestion ttl
-- seconds, ARGV[5] suggestions allowed a day
-- Returns 1 when stored, 0 when the proposer already sent the day's share.
local sent = tonumber(redis.call('GET', KEYS[2]) or '0')
if sent >= tonumber(ARGV[5]) then
  return 0
end
if sent == 0 then
  redis.call('SET', KEYS[2], 1, 'EX', 86400)
else
  redis.call('INCR', KEYS[2])
end
redis.call('HSET', KEYS[1], 'text', ARGV[1], 'by', ARGV[2])
if ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'strategy', ARGV[3])
end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
