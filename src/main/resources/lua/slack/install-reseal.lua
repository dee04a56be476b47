-- Replaces a stored installation with the same installation sealed under the current key, only if it is
-- still the value that was read: a token rotated in between is never overwritten with the old token.
-- KEYS[1] installation STRING; ARGV[1] the value as read, ARGV[2] the same installation sealed anew
-- Returns 1 when replaced, 0 when the value had changed (or gone).
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
