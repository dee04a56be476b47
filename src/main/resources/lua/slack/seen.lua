-- Whether a signed delivery of an event was seen, in one round trip: the event's key remembers the
-- signature of the delivery that was let in, and the attempt that let it in (random, one per request we
-- received), so this very request asking again, after its first reply was lost with the connection and the
-- client ran it once more, is still let in and not taken for a replay of itself.
-- KEYS[1] the event's key; ARGV[1] the delivery's signature (first 128 bits), ARGV[2] seconds to remember it,
-- ARGV[3] the attempt
-- Returns 'first' (remembered now, or by this attempt), 'replayed' (these very bytes again) or 'redelivered'
-- (the same event signed anew: Slack's retry; a value of "1" was written by the Socket Mode dedupe).
local seen = redis.call('GET', KEYS[1])
local mine = ARGV[1] .. ':' .. ARGV[3]
if not seen then
  redis.call('SET', KEYS[1], mine, 'EX', ARGV[2])
  return 'first'
end
if seen == mine then
  return 'first'
end
if string.sub(seen, 1, #ARGV[1]) == ARGV[1] then
  return 'replayed'
end
return 'redelivered'
