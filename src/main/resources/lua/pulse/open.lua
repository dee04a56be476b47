-- Opens a pulse period once: its meta, its wrapped key, who is invited (keyed hashes under the period key),
-- the membership digests (keyed per workspace, for the differencing guard), its place in the period list,
-- the open pointer. No counts exist until the period closes. Periods of one channel never overlap: it opens
-- only while no other period is open (the one the caller saw open has closed, or it opens no other).
-- KEYS[1] config HASH, KEYS[2] periods ZSET, KEYS[3] meta HASH, KEYS[4] wrapped key STRING,
-- KEYS[5] invited ZSET, KEYS[6] members SET
-- ARGV[1] period id, ARGV[2] opened ms, ARGV[3] closes ms, ARGV[4] n invited, ARGV[5] keep-until epoch s,
-- ARGV[6] secrets expire-at epoch s, ARGV[7] members expire-at epoch s, ARGV[8] wrapped key,
-- ARGV[9] the period the caller saw open ('' for none), ARGV[10] '1' when /pulse now opens it (off the
-- schedule) or '', ARGV[11 .. 10+n] invited hashes, ARGV[11+n .. 10+2n] membership digests
-- Returns 1 when opened now, 0 when the period already existed (a re-run of the same occurrence), -1 when
-- another period opened meanwhile (nothing written).
if redis.call('EXISTS', KEYS[3]) == 1 then
  return 0
end
local open = redis.call('HGET', KEYS[1], 'open')
if open and open ~= ARGV[9] then
  return -1
end
local n = tonumber(ARGV[4])
redis.call('HSET', KEYS[3], 'state', 'open', 'opened', ARGV[2], 'closes', ARGV[3], 'invited', ARGV[4],
  'expires', ARGV[5], 'sealed', '1', 'secrets', ARGV[6])
if ARGV[10] == '1' then
  redis.call('HSET', KEYS[3], 'early', '1')
end
redis.call('EXPIREAT', KEYS[3], tonumber(ARGV[5]))
redis.call('SET', KEYS[4], ARGV[8])
redis.call('EXPIREAT', KEYS[4], tonumber(ARGV[6]))
-- In chunks: Lua's unpack has a limit, and a channel may have thousands of people.
local chunk = 500
for first = 0, n - 1, chunk do
  local last = math.min(first + chunk, n) - 1
  local invited, members = {}, {}
  for i = first, last do
    invited[#invited + 1] = 0
    invited[#invited + 1] = ARGV[11 + i]
    members[#members + 1] = ARGV[11 + n + i]
  end
  redis.call('ZADD', KEYS[5], unpack(invited))
  redis.call('SADD', KEYS[6], unpack(members))
end
redis.call('EXPIREAT', KEYS[5], tonumber(ARGV[6]))
redis.call('EXPIREAT', KEYS[6], tonumber(ARGV[7]))
redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[1])
redis.call('HSET', KEYS[1], 'open', ARGV[1])
return 1
