-- Someone asks to answer a channel's pulse: its config and, if a period is open, that period's meta and
-- wrapped key, in one round trip. Reads only: it writes nothing, so it leaves no trace in the AOF or on
-- replicas. The period's keys are named after the config's open period, so they can't be in KEYS; they
-- carry the workspace's hash tag like KEYS[1], so they are in its slot (and on its node in a cluster).
-- KEYS[1] config HASH; ARGV[1] the channel's period key prefix (rapport:{team}:pulse:{channel}:period:)
-- Returns {config fields and values, meta fields and values (empty when no period is open), wrapped key or nil}
local config = redis.call('HGETALL', KEYS[1])
local open
for i = 1, #config, 2 do
  if config[i] == 'open' then
    open = config[i + 1]
  end
end
if not open then
  return {config, {}}
end
return {config, redis.call('HGETALL', ARGV[1] .. open .. ':meta'), redis.call('GET', ARGV[1] .. open .. ':key')}
