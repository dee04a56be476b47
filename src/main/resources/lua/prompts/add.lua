-- Adds a prompt to a workspace's own library. With a suggestion (KEYS[3]) it adds the suggested text only
-- while the suggestion is pending, and deletes it in the same step: the first admin to approve wins.
-- KEYS[1] custom prompts HASH (id -> JSON), KEYS[2] id sequence STRING, KEYS[3] suggestion HASH (optional)
-- ARGV[1] strategy, ARGV[2] text (unused with a suggestion), ARGV[3] why, ARGV[4] source
-- Returns {id, text, proposer} ("" when none), or false when the suggestion was decided or expired.
local text, by = ARGV[2], ''
if KEYS[3] then
  local s = redis.call('HMGET', KEYS[3], 'text', 'by')
  if not s[1] then
    return false
  end
  text, by = s[1], s[2] or ''
  redis.call('DEL', KEYS[3])
end
local id = ARGV[1] .. '-ws' .. redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], id,
  cjson.encode({strategy = ARGV[1], text = text, why = ARGV[3], source = ARGV[4]}))
return {id, text, by}
