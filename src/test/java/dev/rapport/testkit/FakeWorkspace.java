package dev.rapport.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The users, channels and user groups of one fake workspace. */
public final class FakeWorkspace {

  /** A Slack user as the fake knows it. Mutable so tests can deactivate someone or change a zone. */
  public static final class User {
    public final String id;
    public String name;
    public String tz = "Europe/London";
    public int tzOffset = 0;
    public boolean admin;
    public boolean owner;
    public boolean bot;
    public boolean deleted;
    public boolean guest;
    public String title = "";
    public final Map<String, String> fields = new LinkedHashMap<>();
    public String statusEmoji = "";
    public String statusText = "";
    /** Epoch second the status clears; 0 when it doesn't. */
    public long statusExpiration;
    /** Slack's {@code profile.start_date} (e.g. "2027-01-10"), empty when the workspace doesn't set it. */
    public String startDate = "";

    User(String id) {
      this.id = id;
      this.name = "user-" + id.toLowerCase();
    }

    public User tz(String zone, int offsetSeconds) {
      this.tz = zone;
      this.tzOffset = offsetSeconds;
      return this;
    }

    public User admin() {
      this.admin = true;
      return this;
    }

    public User bot() {
      this.bot = true;
      return this;
    }

    public User guest() {
      this.guest = true;
      return this;
    }

    public User deleted() {
      this.deleted = true;
      return this;
    }

    public User title(String title) {
      this.title = title;
      return this;
    }

    /** A Slack status, e.g. {@code status(":palm_tree:", "Vacationing", 0)}; expiration in epoch seconds, 0: none. */
    public User status(String emoji, String text, long expiration) {
      this.statusEmoji = emoji;
      this.statusText = text;
      this.statusExpiration = expiration;
      return this;
    }

    public User startDate(String isoDate) {
      this.startDate = isoDate;
      return this;
    }

    /** A custom profile field a workspace admin defined (e.g. "Office" = "Berlin"; a manager field holds a user id). */
    public User field(String label, String value) {
      this.fields.put(label, value);
      return this;
    }
  }

  public final String team;
  final Map<String, User> users = new LinkedHashMap<>();
  final Map<String, Set<String>> channels = new LinkedHashMap<>();
  final Map<String, List<String>> userGroups = new LinkedHashMap<>();
  /** User group id -> its handle (what people type after @), for {@code usergroups.list}. */
  final Map<String, String> userGroupHandles = new LinkedHashMap<>();
  /**
   * Custom profile fields the workspace's admins defined, label -> Slack type ("user" for a Person field, "text",
   * "date", …), for {@code team.profile.get}. A label people have a value for that isn't declared here is a field
   * too: a Person field when every value is user ids, a text field otherwise.
   */
  final Map<String, String> profileFields = new LinkedHashMap<>();
  /** Channels Rapport isn't a member of (it is in every other one): posts there fail with not_in_channel. */
  final Set<String> withoutRapport = new LinkedHashSet<>();

  FakeWorkspace(String team) {
    this.team = team;
  }

  public synchronized User user(String id) {
    return users.computeIfAbsent(id, User::new);
  }

  /** Adds users {@code prefix1..prefixN} (e.g. U001..U009) to {@code channel}; returns their ids. */
  public synchronized List<String> channel(String channel, String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String id = String.format("%s%03d", prefix, i);
      user(id);
      ids.add(id);
    }
    channels.computeIfAbsent(channel, c -> new LinkedHashSet<>()).addAll(ids);
    return ids;
  }

  public synchronized void join(String channel, String... userIds) {
    for (String id : userIds) {
      user(id);
    }
    channels.computeIfAbsent(channel, c -> new LinkedHashSet<>()).addAll(List.of(userIds));
  }

  public synchronized void leave(String channel, String userId) {
    channels.getOrDefault(channel, new LinkedHashSet<>()).remove(userId);
  }

  public synchronized List<String> members(String channel) {
    return new ArrayList<>(channels.getOrDefault(channel, Set.of()));
  }

  /** Rapport was never invited to {@code channel}, or was removed from it. */
  public synchronized void withoutRapport(String channel) {
    withoutRapport.add(channel);
  }

  /** Someone ran {@code /invite @Rapport} in {@code channel}. */
  public synchronized void inviteRapport(String channel) {
    withoutRapport.remove(channel);
  }

  public synchronized boolean hasRapport(String channel) {
    return !withoutRapport.contains(channel);
  }

  public synchronized void userGroup(String id, String... members) {
    userGroups.put(id, List.of(members));
  }

  /** A user group with a handle, e.g. {@code userGroup("S0MENTORS", "mentors", "U1", "U2")}. */
  public synchronized void namedUserGroup(String id, String handle, String... members) {
    userGroups.put(id, List.of(members));
    userGroupHandles.put(id, handle);
  }

  /** A Slack admin defines (or retypes) the custom profile field {@code label} as Slack's {@code type}. */
  public synchronized void profileField(String label, String type) {
    profileFields.put(label, type);
  }

  /** A Slack admin deletes the custom profile field {@code label}: it is gone from everyone's profile too. */
  public synchronized void deleteProfileField(String label) {
    profileFields.remove(label);
    users.values().forEach(u -> u.fields.remove(label));
  }

  /** The workspace's custom profile fields, label -> type: those declared, then those only people's values show. */
  synchronized Map<String, String> profileFields() {
    Map<String, String> all = new LinkedHashMap<>(profileFields);
    for (User user : users.values()) {
      user.fields.forEach((label, value) -> {
        boolean ids = value.matches("\\s*[UW][A-Z0-9]+(\\s*,\\s*[UW][A-Z0-9]+)*\\s*");
        all.merge(label, ids ? "user" : "text", (had, seen) -> profileFields.containsKey(label) || had.equals(seen)
            ? had : "text");
      });
    }
    return all;
  }

  /** Someone deleted user group {@code id} in Slack: asking for its members answers {@code no_such_subteam}. */
  public synchronized void deleteUserGroup(String id) {
    userGroups.remove(id);
    userGroupHandles.remove(id);
  }
}
