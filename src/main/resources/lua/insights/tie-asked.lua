-- A lasting-tie question was queued: it leaves the due set and is marked asked (once: never reset).
-- KEYS[1] tie-asks ZSET, KEYS[2] ties:{channel} HASH; ARGV[1] due member, ARGV[2] field, ARGV[3] expiry (epoch ms)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HSETNX', KEYS[2], ARGV[2], 'asked')
redis.call('PEXPIREAT', KEYS[2], ARGV[3])
return 1
