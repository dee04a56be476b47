-- Closes a pulse period: no more answers, the voter set is deleted (it only exists to block a second
-- answer), and the channel no longer points at it as open.
-- KEYS[1] config HASH, KEYS[2] period meta HASH, KEYS[3] voters ZSET
-- ARGV[1] period id, ARGV[2] now ms
-- Returns 1 when it closed now, 0 when it was not open.
local state = redis.call('HGET', KEYS[2], 'state')
if state == 'open' then
  redis.call('HSET', KEYS[2], 'state', 'closed', 'closed', ARGV[2])
end
redis.call('DEL', KEYS[3])
if redis.call('HGET', KEYS[1], 'open') == ARGV[1] then
  redis.call('HDEL', KEYS[1], 'open')
end
if state == 'open' then
  return 1
end
return 0
