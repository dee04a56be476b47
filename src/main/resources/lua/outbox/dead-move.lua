-- Moves the oldest dead letter of the old shared list (one list for every workspace, before dead letters
-- were kept per workspace, feature and channel) to its workspace's lists, unless another instance did.
-- KEYS[1] old shared LIST, KEYS[2] the workspace's dead LIST, KEYS[3] the feature and channel's dead LIST,
-- KEYS[4] the workspace's places SET
-- ARGV[1] the letter as read, ARGV[2] the letter as rewritten, ARGV[3] workspace cap, ARGV[4] place cap,
-- ARGV[5] keep seconds, ARGV[6] place
if redis.call('LINDEX', KEYS[1], -1) ~= ARGV[1] then
  return 0
end
redis.call('RPOP', KEYS[1])
redis.call('LPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[3]) - 1)
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('LPUSH', KEYS[3], ARGV[2])
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[4]) - 1)
redis.call('EXPIRE', KEYS[3], ARGV[5])
redis.call('SADD', KEYS[4], ARGV[6])
redis.call('EXPIRE', KEYS[4], ARGV[5])
return 1
