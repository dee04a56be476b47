-- Takes a channel's turn for a prompt on demand, unless the last one was less than an interval ago (by the
-- app's clock, not Redis's: the key's expiry only cleans up).
-- KEYS[1] the channel's last on-demand STRING; ARGV[1] now ms, ARGV[2] interval ms
-- Returns 0 when taken, else the epoch ms of the last prompt on demand.
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
if last > 0 and now < last + tonumber(ARGV[2]) then
  return last
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 0
