-- Whether a signed delivery of an event was seen, in one round trip: the event's key remembers the
-- signature of the delivery that was let in.
-- KEYS[1] the event's key; ARGV[1] the delivery's signature (first 128 bits), ARGV[2] seconds to remember it
-- Returns 'first' (remembered now), 'replayed' (these very bytes again) or 'redelivered' (the same event
-- signed anew: Slack's retry; a value of "1" was written by the Socket Mode dedupe or an older version).
local seen = redis.call('GET', KEYS[1])
if not seen then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
  return 'first'
end
if seen == ARGV[1] then
  return 'replayed'
end
return 'redelivered'
