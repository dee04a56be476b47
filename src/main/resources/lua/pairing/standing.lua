-- A member's standing in one program, in one round trip: when their pause ends, and whether they left.
-- KEYS[1] paused HASH, KEYS[2] left SET; ARGV[1] user
-- Returns {pause end epoch ms or false, 1 or 0}.
return {redis.call('HGET', KEYS[1], ARGV[1]), redis.call('SISMEMBER', KEYS[2], ARGV[1])}
