-- First step of closing a period: it takes no more answers from now on, so the sealed answers the app
-- is about to tally are all there will be. A period already closing stays so (a retried close).
-- KEYS[1] meta HASH
-- Returns the state before: 'open', 'closing', 'closed', or false when the period doesn't exist.
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'open' then
  redis.call('HSET', KEYS[1], 'state', 'closing')
end
return state
