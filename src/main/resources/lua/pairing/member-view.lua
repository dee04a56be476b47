-- One member's view of a workspace's coffee pairing in one round trip: each program's settings and the
-- member's place in it, their history, and per channel the group of the newest round still stored.
-- /coffee status answers with it before its ack; App Home, the dashboard and DM pause/leave use it. It took
-- a round trip for the program list and the history, then one for each program's facts and the groups. Reads
-- only. The keys come from the program list and the history, so they can't be in KEYS; they carry the
-- workspace's hash tag like KEYS[1], so they are in its slot (and on its node in a cluster). Layouts:
-- ProgramStore, ChoiceStore, RoundStore.
-- KEYS[1] programs SET, KEYS[2] the member's history ZSET (channel|round|group -> epoch ms);
-- ARGV[1] the workspace's pairing key prefix (rapport:{team}:pairing:), ARGV[2] the member,
-- ARGV[3] how many history entries to read
-- Returns {{channel, program HASH as a list, member 0/1, left 0/1, pause end (epoch ms) or false, ...},
-- history entries newest first, {entry, at, members, place, ...}}: per channel of the history, the newest
-- entry whose round is still there (members false for a round from before per-group fields).
local prefix, user = ARGV[1], ARGV[2]
local programs = {}
for _, channel in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local key = prefix .. channel .. ':'
  table.insert(programs, channel)
  table.insert(programs, redis.call('HGETALL', key .. 'program'))
  table.insert(programs, redis.call('SISMEMBER', key .. 'members', user))
  table.insert(programs, redis.call('SISMEMBER', key .. 'left', user))
  table.insert(programs, redis.call('HGET', key .. 'paused', user))
end
local entries = redis.call('ZREVRANGE', KEYS[2], 0, tonumber(ARGV[3]) - 1)
local found, groups = {}, {}
for _, entry in ipairs(entries) do
  local channel, round, group = string.match(entry, '^([^|]*)|([^|]*)|(%d+)$')
  if channel and not found[channel] then
    local f = redis.call('HMGET', prefix .. channel .. ':round:' .. round, 'at', 'g:' .. group, 'p:' .. group)
    if f[1] then
      found[channel] = true
      table.insert(groups, entry)
      table.insert(groups, f[1])
      table.insert(groups, f[2])
      table.insert(groups, f[3])
    end
  end
end
return {programs, entries, groups}
