package dev.rapport.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.embedded.RedisServer;

/**
 * A real three-master Redis Cluster on loopback: three redis-server processes (the embedded-redis
 * binary) with the 16,384 slots split between them, joined with CLUSTER MEET.
 */
public final class TestRedisCluster implements AutoCloseable {

  private final List<RedisServer> servers = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  private TestRedisCluster() {}

  public static TestRedisCluster start() {
    TestRedisCluster cluster = new TestRedisCluster();
    try {
      Path dir = Files.createTempDirectory("rapport-cluster");
      for (int i = 0; i < 3; i++) {
        int port = TestRedis.freePort();
        RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
            .setting("dir " + dir).setting("save \"\"").setting("appendonly no")
            .setting("cluster-enabled yes").setting("cluster-config-file nodes-" + port + ".conf")
            .setting("cluster-node-timeout 5000").build();
        server.start();
        cluster.servers.add(server);
        cluster.ports.add(port);
      }
      cluster.formSlots();
      return cluster;
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void formSlots() {
    int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
    for (int i = 0; i < 3; i++) {
      try (Jedis node = new Jedis("127.0.0.1", ports.get(i))) {
        node.clusterAddSlots(IntStream.rangeClosed(ranges[i][0], ranges[i][1]).toArray());
        if (i > 0) {
          node.clusterMeet("127.0.0.1", ports.get(0));
        }
      }
    }
    await("the test cluster to become ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> ports.stream().allMatch(this::ready));
  }

  private boolean ready(int port) {
    try (Jedis node = new Jedis("127.0.0.1", port)) {
      String info = node.clusterInfo();
      return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:3");
    }
  }

  /** The node list as REDIS_CLUSTER_NODES takes it. */
  public String nodes() {
    return String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList());
  }

  public JedisCluster client() {
    Set<HostAndPort> nodes = new HashSet<>();
    ports.forEach(p -> nodes.add(new HostAndPort("127.0.0.1", p)));
    return new JedisCluster(nodes);
  }

  /** Every key on every master. */
  public List<String> allKeys() {
    List<String> keys = new ArrayList<>();
    for (int port : ports) {
      try (Jedis node = new Jedis("127.0.0.1", port)) {
        keys.addAll(node.keys("*"));
      }
    }
    return keys;
  }

  /** Every key, by the port of the master that holds it. */
  public java.util.Map<Integer, List<String>> allKeysByNode() {
    java.util.Map<Integer, List<String>> keys = new java.util.LinkedHashMap<>();
    for (int port : ports) {
      try (Jedis node = new Jedis("127.0.0.1", port)) {
        keys.put(port, new ArrayList<>(node.keys("*")));
      }
    }
    return keys;
  }

  /** How many keys each master holds. */
  public List<Long> keysPerNode() {
    List<Long> counts = new ArrayList<>();
    for (int port : ports) {
      try (Jedis node = new Jedis("127.0.0.1", port)) {
        counts.add(node.dbSize());
      }
    }
    return counts;
  }

  @Override
  public void close() {
    for (RedisServer server : servers) {
      try {
        server.stop();
      } catch (IOException | RuntimeException ignored) {
        // best effort at teardown
      }
    }
  }
}
