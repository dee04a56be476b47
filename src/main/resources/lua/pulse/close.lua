-- Last step of closing a period, after the app opened and tallied its sealed answers: writes the totals
-- once (counts, comments in the shuffled order given), decides the differencing guard, and destroys
-- everything that could link a person to an answer (wrapped period key, invited and voter hashes, sealed
-- answers, where the invitations landed), all in one script, so a crash leaves either the sealed answers (close again) or the totals.
-- Periods opened before answers were sealed already hold their counts: they only lose their voter set.
-- KEYS[1] config HASH, KEYS[2] meta HASH, KEYS[3] wrapped key, KEYS[4] invited ZSET, KEYS[5] voters ZSET,
-- KEYS[6] sealed ZSET, KEYS[7] counts HASH, KEYS[8] comments ZSET, KEYS[9] members SET, KEYS[10] landed ZSET,
-- KEYS[11..] per overlapping period of another channel: its meta HASH, then its members SET
-- ARGV[1] period id, ARGV[2] now ms, ARGV[3] sealed answers read, ARGV[4] k,
-- ARGV[5] members expire-at epoch s, ARGV[6] c = number of candidates, ARGV[7] f = number of count values,
-- ARGV[8 .. 7+c] the candidates' channels, ARGV[8+c .. 7+c+2f] count field, value pairs (responses first),
-- ARGV[8+c+2f ..] comment members
-- Returns 1 closed now, 0 already closed, -1 not closing, -2 the sealed answers changed since the tally.
local function unlink()
  redis.call('DEL', KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[10])
  if redis.call('HGET', KEYS[1], 'open') == ARGV[1] then
    redis.call('HDEL', KEYS[1], 'open')
  end
end
local state = redis.call('HGET', KEYS[2], 'state')
if state == 'closed' then
  unlink()
  return 0
end
if state ~= 'closing' then
  return -1
end
if redis.call('HGET', KEYS[2], 'sealed') ~= '1' then
  redis.call('HSET', KEYS[2], 'state', 'closed', 'closed', ARGV[2])
  unlink()
  return 1
end
local n = tonumber(ARGV[3])
if redis.call('ZCARD', KEYS[6]) ~= n then
  return -2
end
local k = tonumber(ARGV[4])
local c = tonumber(ARGV[6])
local f = tonumber(ARGV[7])

-- Differencing guard: withheld when another team's overlapping period is already closed and shown (or
-- hidden under k, which still shows how many answered) and the two invited memberships differ by 1..k-1.
local withheld = ''
local mine = redis.call('SCARD', KEYS[9])
if mine > 0 then
  for i = 1, c do
    local meta, members = KEYS[9 + 2 * i], KEYS[10 + 2 * i]
    if redis.call('HGET', meta, 'state') == 'closed' and not redis.call('HGET', meta, 'withheld') then
      local theirs = redis.call('SCARD', members)
      if theirs > 0 then
        local differ = mine + theirs - 2 * #redis.call('SINTER', KEYS[9], members)
        if differ > 0 and differ < k then
          withheld = ARGV[7 + i]
          break
        end
      end
    end
  end
end

local expires = tonumber(redis.call('HGET', KEYS[2], 'expires'))
local counts = {}
for i = 0, 2 * f - 1 do
  counts[#counts + 1] = ARGV[8 + c + i]
end
redis.call('HSET', KEYS[7], unpack(counts))
redis.call('EXPIREAT', KEYS[7], expires)
local chunk = {}
for i = 8 + c + 2 * f, #ARGV do
  chunk[#chunk + 1] = 0
  chunk[#chunk + 1] = ARGV[i]
  if #chunk >= 400 then
    redis.call('ZADD', KEYS[8], unpack(chunk))
    chunk = {}
  end
end
if #chunk > 0 then
  redis.call('ZADD', KEYS[8], unpack(chunk))
end
redis.call('EXPIREAT', KEYS[8], expires)
redis.call('HSET', KEYS[2], 'state', 'closed', 'closed', ARGV[2])
redis.call('HDEL', KEYS[2], 'secrets')
if withheld ~= '' then
  redis.call('HSET', KEYS[2], 'withheld', withheld)
end
redis.call('EXPIREAT', KEYS[9], tonumber(ARGV[5]))
unlink()
return 1
