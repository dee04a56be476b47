-- Opens a pulse period once: its meta, its counts (every field created at 0 in one fixed order, so the
-- hash's field order never tells which answer came first), its place in the period list, the open pointer.
-- KEYS[1] config HASH, KEYS[2] periods ZSET, KEYS[3] period meta HASH, KEYS[4] period counts HASH
-- ARGV[1] period id, ARGV[2] opened ms, ARGV[3] closes ms, ARGV[4] invited, ARGV[5] keep-until epoch s,
-- ARGV[6..] count fields in their fixed order
-- Returns 1 when opened now, 0 when the period already existed (a re-run of the same occurrence).
if redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
redis.call('HSET', KEYS[3], 'state', 'open', 'opened', ARGV[2], 'closes', ARGV[3], 'invited', ARGV[4],
  'expires', ARGV[5])
local fields = {'responses', '0'}
for i = 6, #ARGV do
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = '0'
end
redis.call('HSET', KEYS[4], unpack(fields))
redis.call('EXPIREAT', KEYS[3], tonumber(ARGV[5]))
redis.call('EXPIREAT', KEYS[4], tonumber(ARGV[5]))
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[1])
redis.call('HSET', KEYS[1], 'open', ARGV[1])
return 1
