-- Takes ready deliveries for one worker. Deliveries whose lease ran out (a worker died mid-send) go back
-- to the queue first, marked uncertain: Slack may have accepted them, so the next worker checks first.
-- KEYS[1] ready ZSET, KEYS[2] inflight ZSET, KEYS[3] items HASH, KEYS[4] uncertain SET
-- ARGV[1] now ms, ARGV[2] lease ms, ARGV[3] max
-- Returns a flat list: id, item json, uncertain ('1'/'0'), ..., and last the epoch ms when the next item
-- falls due or a lease runs out ('' when the queue is empty), so an idle worker knows how long it may wait.
local now = tonumber(ARGV[1])
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 100)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('SADD', KEYS[4], id)
end
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  local item = redis.call('HGET', KEYS[3], id)
  if item then
    redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), id)
    out[#out + 1] = id
    out[#out + 1] = item
    out[#out + 1] = tostring(redis.call('SISMEMBER', KEYS[4], id))
  end
end
local next = nil
for _, key in ipairs({KEYS[1], KEYS[2]}) do
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if first[2] and (next == nil or tonumber(first[2]) < next) then
    next = tonumber(first[2])
  end
end
out[#out + 1] = next and string.format('%d', next) or ''
return out
