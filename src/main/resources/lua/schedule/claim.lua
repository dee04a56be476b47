-- Claims due schedules, atomically, so with any number of app instances each is taken by one.
-- KEYS[1] due ZSET (id -> due ms, or lease expiry while claimed)
-- KEYS[2] claims HASH (id -> due ms of the occurrence being run)
-- ARGV[1] now ms, ARGV[2] lease ms, ARGV[3] max to claim
-- Returns a flat list: id, due ms, lease ms, ..., and last the epoch ms of the next due time or lease expiry
-- ('' when nothing is scheduled), so an idle scheduler knows how long it may wait.
local now = tonumber(ARGV[1])
local lease = now + tonumber(ARGV[2])
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local due = redis.call('HGET', KEYS[2], id)
  if not due then
    -- A fresh occurrence. A claim left by a crashed run keeps its due time: same occurrence id.
    due = redis.call('ZSCORE', KEYS[1], id)
    redis.call('HSET', KEYS[2], id, due)
  end
  redis.call('ZADD', KEYS[1], lease, id)
  out[#out + 1] = id
  out[#out + 1] = due
  out[#out + 1] = tostring(lease)
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
out[#out + 1] = first[2] and string.format('%d', tonumber(first[2])) or ''
return out
