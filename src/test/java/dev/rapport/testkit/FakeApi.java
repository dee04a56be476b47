package dev.rapport.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The fake's Web API methods and the state they keep. Responses start from Slack's sample shapes. */
public final class FakeApi {

  /** A message the app posted (chat.postMessage), with its Slack metadata. */
  public record Message(String channel, String ts, String threadTs, String text, JsonNode blocks,
                        JsonNode metadata) {
    public String eventType() {
      return metadata == null ? null : metadata.path("event_type").asText(null);
    }

    public JsonNode payload() {
      return metadata == null ? null : metadata.path("event_payload");
    }
  }

  /** A view the app opened, pushed, updated or published. */
  public record View(String method, String userId, String triggerId, JsonNode view) {
    public String callbackId() {
      return view.path("callback_id").asText();
    }
  }

  /** A file the app uploaded with files upload v2. */
  public record File(String id, String filename, String title, String channel, byte[] bytes) {}

  private final FakeSlack slack;
  private final Map<String, FakeWorkspace> workspaces = new ConcurrentHashMap<>();
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final List<View> views = new CopyOnWriteArrayList<>();
  private volatile boolean keepViews = true;
  private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
  private final Map<String, String[]> pendingFiles = new ConcurrentHashMap<>();
  private final List<File> files = new CopyOnWriteArrayList<>();
  private final Map<String, String> groupDms = new ConcurrentHashMap<>();
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000_000L);

  FakeApi(FakeSlack slack) {
    this.slack = slack;
  }

  void reset() {
    workspaces.clear();
    messages.clear();
    views.clear();
    uploads.clear();
    pendingFiles.clear();
    files.clear();
    groupDms.clear();
  }

  FakeWorkspace workspace(String team) {
    return workspaces.computeIfAbsent(team, FakeWorkspace::new);
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  public List<Message> messages(String channel) {
    return messages.stream().filter(m -> m.channel().equals(channel)).toList();
  }

  /** Coffee pairing's intro messages (their text begins ":coffee: Coffee time"), in the order they were sent. */
  public List<Message> intros() {
    return messages().stream().filter(m -> m.text() != null && m.text().startsWith(":coffee: Coffee time"))
        .toList();
  }

  void keepViews(boolean keep) {
    keepViews = keep;
  }

  public List<View> views() {
    return List.copyOf(views);
  }

  public List<File> files() {
    return List.copyOf(files);
  }

  /** The group DM id the fake gives to exactly these users. */
  public String groupDmOf(List<String> users) {
    return groupDms.computeIfAbsent(String.join(",", new TreeSet<>(users)),
        k -> (users.size() == 1 ? "D" : "G") + Integer.toHexString(k.hashCode()).toUpperCase());
  }

  /** The members of a group DM the fake opened. */
  public List<String> groupDmMembers(String channel) {
    return groupDms.entrySet().stream().filter(e -> e.getValue().equals(channel))
        .map(e -> Arrays.asList(e.getKey().split(","))).findFirst().orElse(List.of());
  }

  void uploaded(String fileId, byte[] bytes) {
    uploads.put(fileId, bytes);
  }

  public ObjectNode answer(FakeSlack.Call call) {
    String team = teamOf(call.token());
    if (team == null && !call.method().startsWith("oauth.") && !call.method().startsWith("apps.")) {
      return error("invalid_auth");
    }
    return switch (call.method()) {
      case "auth.test" -> authTest(team);
      case "users.info" -> usersInfo(team, call.param("user"));
      case "users.profile.get" -> usersProfile(team, call);
      case "team.profile.get" -> teamProfile(team);
      case "users.list" -> usersList(team, call);
      case "conversations.members" -> members(team, call);
      case "conversations.open" -> open(call);
      case "conversations.history", "conversations.replies" -> history(call);
      case "conversations.info" -> info(team, call);
      case "chat.postMessage" -> workspace(team).hasRapport(call.param("channel")) ? post(call)
          : error("not_in_channel");
      case "chat.postEphemeral" -> workspace(team).hasRapport(call.param("channel"))
          ? SlackSamples.apiResponse("chat.postEphemeral") : error("not_in_channel");
      case "chat.update" -> update(call);
      case "views.open", "views.push", "views.update", "views.publish" -> view(team, call);
      case "files.getUploadURLExternal" -> uploadUrl(call);
      case "files.completeUploadExternal" -> completeUpload(call);
      case "usergroups.users.list" -> userGroupUsers(team, call);
      case "usergroups.list" -> userGroupList(team);
      default -> SlackSamples.apiResponse(call.method());
    };
  }

  private static String teamOf(String token) {
    if (token == null || !token.startsWith("xoxb-") || !token.endsWith("-fake")) {
      return null;
    }
    return token.substring("xoxb-".length(), token.length() - "-fake".length());
  }

  public static ObjectNode error(String code) {
    ObjectNode node = SlackSamples.JSON.createObjectNode();
    node.put("ok", false);
    node.put("error", code);
    return node;
  }

  private ObjectNode authTest(String team) {
    ObjectNode node = SlackSamples.apiResponse("auth.test");
    node.put("team_id", team).put("user_id", "UBOT" + team).put("bot_id", "B" + team)
        .put("url", "https://" + team.toLowerCase() + ".slack.com/").put("team", "Team " + team)
        .put("user", "rapport").put("app_id", "ARAPPORT").put("app_name", "Rapport")
        .put("is_enterprise_install", false);
    node.remove("enterprise_id");
    node.remove("expires_in");
    return node;
  }

  private ObjectNode usersInfo(String team, String userId) {
    FakeWorkspace.User user = workspace(team).users.get(userId);
    if (user == null) {
      return error("user_not_found");
    }
    ObjectNode node = SlackSamples.apiResponse("users.info");
    node.set("user", userJson(team, user));
    return node;
  }

  /** The profile with its custom fields: ids Xf0, Xf1… in the order they were set, labels when asked for. */
  private ObjectNode usersProfile(String team, FakeSlack.Call call) {
    FakeWorkspace.User user = workspace(team).users.get(call.param("user"));
    if (user == null) {
      return error("user_not_found");
    }
    ObjectNode node = SlackSamples.apiResponse("users.profile.get");
    node.put("ok", true);
    node.remove(List.of("error", "needed", "provided", "warning"));
    ObjectNode profile = (ObjectNode) node.get("profile");
    profile.put("real_name", "Real " + user.name).put("display_name", user.name).put("title", user.title)
        .put("status_emoji", user.statusEmoji).put("status_text", user.statusText)
        .put("status_expiration", user.statusExpiration).put("start_date", user.startDate);
    ObjectNode fields = profile.putObject("fields");
    int i = 0;
    synchronized (workspace(team)) {
      for (Map.Entry<String, String> field : user.fields.entrySet()) {
        ObjectNode f = fields.putObject("Xf" + i++).put("value", field.getValue()).put("alt", "");
        if (List.of("true", "1").contains(String.valueOf(call.param("include_labels")))) {
          f.put("label", field.getKey());
        }
      }
    }
    return node;
  }

  /** The workspace's custom profile fields, each from the sample's field shape, ids Xf0, Xf1… in their order. */
  private ObjectNode teamProfile(String team) {
    ObjectNode node = SlackSamples.apiResponse("team.profile.get");
    ObjectNode profile = (ObjectNode) node.get("profile");
    ObjectNode template = (ObjectNode) profile.get("fields").get(0);
    ArrayNode fields = profile.putArray("fields");
    int i = 0;
    for (Map.Entry<String, String> field : workspace(team).profileFields().entrySet()) {
      ObjectNode f = template.deepCopy();
      f.put("id", "Xf" + i).put("ordering", i++).put("label", field.getKey()).put("type", field.getValue())
          .put("field_name", "").put("hint", "").put("section_id", "S0ABOUT");
      f.putArray("possible_values");
      f.with("permissions").putArray("api");
      fields.add(f);
    }
    for (JsonNode section : profile.path("sections")) {
      ((ObjectNode) section).put("id", "S0ABOUT").put("team_id", team).put("section_type", "about_me")
          .put("label", "About me");
    }
    return node;
  }

  private static final ObjectNode USER_TEMPLATE = (ObjectNode) SlackSamples.apiResponse("users.info").get("user");

  ObjectNode userJson(String team, FakeWorkspace.User user) {
    ObjectNode u = USER_TEMPLATE.deepCopy();
    u.put("id", user.id).put("team_id", team).put("name", user.name).put("real_name", "Real " + user.name)
        .put("tz", user.tz).put("tz_label", user.tz).put("tz_offset", user.tzOffset)
        .put("deleted", user.deleted).put("is_admin", user.admin).put("is_owner", user.owner)
        .put("is_primary_owner", false).put("is_restricted", user.guest).put("is_ultra_restricted", false)
        .put("is_bot", user.bot).put("is_app_user", false);
    u.remove("enterprise_user");
    u.remove("enterprise_id");
    ObjectNode profile = (ObjectNode) u.get("profile");
    profile.put("real_name", "Real " + user.name).put("display_name", user.name).put("title", user.title)
        .put("team", team).put("status_emoji", user.statusEmoji).put("status_text", user.statusText)
        .put("status_expiration", user.statusExpiration).put("start_date", user.startDate);
    profile.remove("bot_id");
    profile.remove("api_app_id");
    profile.remove("guest_invited_by");
    return u;
  }

  private ObjectNode usersList(String team, FakeSlack.Call call) {
    List<FakeWorkspace.User> all;
    FakeWorkspace ws = workspace(team);
    synchronized (ws) {
      all = new ArrayList<>(ws.users.values());
    }
    int[] page = page(call, all.size());
    ObjectNode node = SlackSamples.apiResponse("users.list");
    ArrayNode members = node.putArray("members");
    for (FakeWorkspace.User user : all.subList(page[0], page[1])) {
      members.add(userJson(team, user));
    }
    node.putObject("response_metadata").put("next_cursor", page[1] < all.size() ? "c" + page[1] : "");
    return node;
  }

  private ObjectNode members(String team, FakeSlack.Call call) {
    String channel = call.param("channel");
    FakeWorkspace ws = workspace(team);
    if (!ws.channels.containsKey(channel)) {
      return error("channel_not_found");
    }
    List<String> ids = ws.members(channel);
    int[] page = page(call, ids.size());
    ObjectNode node = SlackSamples.apiResponse("conversations.members");
    ArrayNode members = node.putArray("members");
    ids.subList(page[0], page[1]).forEach(members::add);
    node.putObject("response_metadata").put("next_cursor", page[1] < ids.size() ? "c" + page[1] : "");
    return node;
  }

  /** As Slack answers a bot: a private channel it isn't in doesn't exist for it; otherwise is_member says. */
  private ObjectNode info(String team, FakeSlack.Call call) {
    String channel = call.param("channel");
    FakeWorkspace ws = workspace(team);
    boolean member = ws.hasRapport(channel);
    if (channel == null || channel.isBlank() || (!member && channel.startsWith("G"))) {
      return error("channel_not_found");
    }
    ObjectNode node = SlackSamples.apiResponse("conversations.info");
    ObjectNode c = (ObjectNode) node.get("channel");
    c.put("id", channel).put("name", "channel-" + channel.toLowerCase()).put("is_channel", true)
        .put("is_member", member).put("is_private", channel.startsWith("G"))
        .put("num_members", ws.members(channel).size());
    c.remove("context_team_id");
    return node;
  }

  /** [from, to) for a cursor-paginated list; Slack's cursors are opaque, ours are "c" + offset. */
  private static int[] page(FakeSlack.Call call, int size) {
    int limit = call.param("limit") == null ? 100 : Math.min(1000, Integer.parseInt(call.param("limit")));
    String cursor = call.param("cursor");
    int from = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor.substring(1));
    return new int[] {Math.min(from, size), Math.min(size, from + limit)};
  }

  private ObjectNode open(FakeSlack.Call call) {
    String users = call.param("users");
    if (users == null || users.isBlank()) {
      return error("users_list_not_supplied");
    }
    List<String> ids = Arrays.asList(users.split(","));
    if (ids.size() > 8) {
      return error("too_many_users");
    }
    ObjectNode node = SlackSamples.apiResponse("conversations.open");
    ObjectNode channel = (ObjectNode) node.get("channel");
    channel.put("id", groupDmOf(ids)).put("is_im", ids.size() == 1);
    channel.remove("context_team_id");
    return node;
  }

  private ObjectNode post(FakeSlack.Call call) {
    String channel = call.param("channel");
    if (channel == null || channel.isBlank()) {
      return error("channel_not_found");
    }
    String ts = nextTs();
    Message message = new Message(channel, ts, call.param("thread_ts"), call.param("text"),
        call.json("blocks"), call.json("metadata"));
    messages.add(message);
    ObjectNode node = SlackSamples.apiResponse("chat.postMessage");
    node.put("channel", channel).put("ts", ts);
    ObjectNode msg = (ObjectNode) node.get("message");
    msg.put("ts", ts).put("text", message.text() == null ? "" : message.text()).put("type", "message");
    msg.remove("subtype");
    msg.remove("thread_ts");
    msg.remove("parent_user_id");
    msg.remove("metadata");
    return node;
  }

  private ObjectNode update(FakeSlack.Call call) {
    ObjectNode node = SlackSamples.apiResponse("chat.update");
    node.put("channel", call.param("channel")).put("ts", call.param("ts"));
    return node;
  }

  private ObjectNode history(FakeSlack.Call call) {
    String channel = call.param("channel");
    boolean withMetadata = "1".equals(call.param("include_all_metadata"))
        || "true".equals(call.param("include_all_metadata"));
    String thread = call.method().equals("conversations.replies") ? call.param("ts") : null;
    ObjectNode node = SlackSamples.JSON.createObjectNode();
    node.put("ok", true).put("has_more", false);
    ArrayNode list = node.putArray("messages");
    // As in Slack, a message posted to a user id is in the app's DM with them.
    List<String> dmWith = groupDmMembers(channel);
    String user = dmWith.size() == 1 ? dmWith.get(0) : null;
    List<Message> posted = new ArrayList<>(messages().stream()
        .filter(m -> m.channel().equals(channel) || m.channel().equals(user))
        .filter(m -> thread == null ? m.threadTs() == null : thread.equals(m.threadTs())).toList());
    for (int i = posted.size() - 1; i >= 0; i--) {
      Message m = posted.get(i);
      ObjectNode item = list.addObject().put("type", "message").put("ts", m.ts())
          .put("text", m.text() == null ? "" : m.text()).put("bot_id", "BRAPPORT");
      if (withMetadata && m.metadata() != null) {
        item.set("metadata", m.metadata());
      }
    }
    return node;
  }

  private ObjectNode view(String team, FakeSlack.Call call) {
    JsonNode view = call.json("view");
    if (keepViews) {
      views.add(new View(call.method(), call.param("user_id"), call.param("trigger_id"), view));
    }
    ObjectNode node = SlackSamples.apiResponse(call.method().equals("views.publish") ? "views.publish"
        : "views.open");
    ObjectNode v = (ObjectNode) node.get("view");
    v.put("id", "V" + nextTs().replace(".", "")).put("team_id", team)
        .put("type", view.path("type").asText()).put("callback_id", view.path("callback_id").asText())
        .put("private_metadata", view.path("private_metadata").asText());
    return node;
  }

  private ObjectNode uploadUrl(FakeSlack.Call call) {
    String fileId = "F" + nextTs().replace(".", "");
    pendingFiles.put(fileId, new String[] {call.param("filename")});
    ObjectNode node = SlackSamples.apiResponse("files.getUploadURLExternal");
    node.put("file_id", fileId).put("upload_url", slack.baseUrl() + "/upload/" + fileId);
    return node;
  }

  private ObjectNode completeUpload(FakeSlack.Call call) {
    JsonNode list = call.json("files");
    ObjectNode node = SlackSamples.apiResponse("files.completeUploadExternal");
    ArrayNode out = node.putArray("files");
    for (JsonNode f : list) {
      String id = f.path("id").asText();
      String[] pending = pendingFiles.getOrDefault(id, new String[] {""});
      files.add(new File(id, pending[0], f.path("title").asText(), call.param("channel_id"),
          uploads.getOrDefault(id, new byte[0])));
      out.addObject().put("id", id).put("title", f.path("title").asText()).put("name", pending[0]);
    }
    return node;
  }

  private ObjectNode userGroupList(String team) {
    ObjectNode node = SlackSamples.apiResponse("usergroups.list");
    node.put("ok", true);
    node.remove(List.of("error", "needed", "provided", "warning"));
    ObjectNode template = (ObjectNode) node.get("usergroups").get(0);
    ArrayNode groups = node.putArray("usergroups");
    FakeWorkspace w = workspace(team);
    synchronized (w) {
      w.userGroups.forEach((id, users) -> {
        ObjectNode g = template.deepCopy();
        String handle = w.userGroupHandles.getOrDefault(id, id.toLowerCase());
        g.put("id", id).put("team_id", team).put("handle", handle).put("name", handle).put("is_usergroup", true)
            .put("user_count", users.size()).remove("deleted_by");
        g.put("date_delete", 0);
        ArrayNode list = g.putArray("users");
        users.forEach(list::add);
        groups.add(g);
      });
    }
    return node;
  }

  private ObjectNode userGroupUsers(String team, FakeSlack.Call call) {
    List<String> users = workspace(team).userGroups.get(call.param("usergroup"));
    if (users == null) {
      return error("no_such_subteam");
    }
    ObjectNode node = SlackSamples.apiResponse("usergroups.users.list");
    ArrayNode list = node.putArray("users");
    users.forEach(list::add);
    return node;
  }

  String nextTs() {
    long micros = clock.incrementAndGet();
    return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
  }
}
