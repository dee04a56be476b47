package dev.rapport.pairing;

import dev.rapport.store.Keys;
import dev.rapport.store.LuaScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.PipelineBase;
import redis.clients.jedis.Response;

/**
 * What one member's view of a workspace's coffee pairing reads, in one script ({@code lua/pairing/member-view.lua},
 * read-only) so it costs one round trip whatever the number of programs and the length of the history: each
 * program's stored settings and the member's place in it ({@link ProgramStore}, {@link ChoiceStore}), the
 * history, and per channel the group of the newest round still stored ({@link RoundStore}).
 *
 * @param programs the workspace's programs as stored (their schedules are read apart: another module's keys)
 * @param history the member's groups, newest first
 * @param latest per channel of the history, the newest group whose round is still stored
 * @param groupFields per channel, that group's round fields {@code at}, {@code g:{index}}, {@code p:{index}}
 */
record MemberView(List<Place> programs, List<GroupRef> history, Map<String, GroupRef> latest,
                  Map<String, List<String>> groupFields) {

  private static final LuaScript SCRIPT = LuaScript.load("pairing/member-view");

  /** A program's stored fields and where the member stands in it. */
  record Place(String channel, Map<String, String> fields, boolean member, boolean left, String pauseEnd) {}

  /** Asks for {@code user}'s view in {@code pipeline}; read it with {@link #of} after the sync. */
  static Response<Object> read(PipelineBase pipeline, String team, String user) {
    return SCRIPT.run(pipeline, List.of(Keys.team(team, "pairing", "programs"),
            Keys.team(team, "pairing", "history", user)),
        List.of(Keys.team(team, "pairing") + ":", user, String.valueOf(RoundStore.KEEP_HISTORY)));
  }

  @SuppressWarnings("unchecked")
  static MemberView of(Object read) {
    List<Object> parts = (List<Object>) read;
    List<Object> flatPrograms = (List<Object>) parts.get(0);
    List<Place> programs = new ArrayList<>();
    for (int i = 0; i + 4 < flatPrograms.size(); i += 5) {
      List<String> hash = (List<String>) flatPrograms.get(i + 1);
      Map<String, String> fields = new HashMap<>();
      for (int f = 0; f + 1 < hash.size(); f += 2) {
        fields.put(hash.get(f), hash.get(f + 1));
      }
      programs.add(new Place((String) flatPrograms.get(i), fields, one(flatPrograms.get(i + 2)),
          one(flatPrograms.get(i + 3)), (String) flatPrograms.get(i + 4)));
    }
    List<GroupRef> history = ((List<String>) parts.get(1)).stream().flatMap(e -> GroupRef.parse(e).stream())
        .toList();
    List<String> flatGroups = (List<String>) parts.get(2);
    Map<String, GroupRef> latest = new HashMap<>();
    Map<String, List<String>> groupFields = new HashMap<>();
    for (int i = 0; i + 3 < flatGroups.size(); i += 4) {
      List<String> fields = Arrays.asList(flatGroups.get(i + 1), flatGroups.get(i + 2), flatGroups.get(i + 3));
      GroupRef.parse(flatGroups.get(i)).ifPresent(ref -> {
        latest.put(ref.channel(), ref);
        groupFields.put(ref.channel(), fields);
      });
    }
    return new MemberView(programs, history, latest, groupFields);
  }

  private static boolean one(Object value) {
    return value instanceof Long n && n == 1L;
  }
}
