-- A person's whole do-not-pair list, replaced at once (the Home's form), so a crash never leaves it half
-- written. KEYS[1] the person's avoid SET; ARGV the people on the new list (none: it is emptied).
redis.call('DEL', KEYS[1])
if #ARGV > 0 then
  redis.call('SADD', KEYS[1], unpack(ARGV))
end
return #ARGV
