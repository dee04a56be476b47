-- A new dashboard session and its place in the person's index, written at once: a crash between the writes
-- must never leave a session (or an index) without its expiry.
-- KEYS[1] session HASH, KEYS[2] the person's sessions SET; ARGV[1] user, ARGV[2] csrf, ARGV[3] digest,
-- ARGV[4] seconds
redis.call('HSET', KEYS[1], 'user', ARGV[1], 'csrf', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
