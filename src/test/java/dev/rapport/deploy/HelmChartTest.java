package dev.rapport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders helm/rapport with helm-java (Helm's own Go code, run in a child JVM by {@link HelmProcess}) and
 * checks the parsed objects. No Kubernetes API server is involved: what a cluster would do with them is
 * not tested here.
 */
class HelmChartTest {

  private static final Path CHART = Path.of("helm/rapport");
  private static final String RELEASE = "rapport";
  private static final String NAMESPACE = "team";
  private static final String PULSE_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private static final String REDIS = """
      redis:
        url: redis://redis-master.redis:6379
      """;
  /** What a release needs: where Redis is, and the pulse secret. */
  private static final String MINIMAL = REDIS + "rapport:\n  pulseSecret: " + PULSE_SECRET + "\n";

  @TempDir
  static Path classTmp;
  private static HelmProcess helm;

  @TempDir
  Path tmp;

  @BeforeAll
  static void startHelm() {
    helm = HelmProcess.start(classTmp.resolve("helm-runner.log"));
  }

  @AfterAll
  static void stopHelm() {
    if (helm != null) {
      helm.close();
    }
  }

  // ---------------------------------------------------------------------------------------- lint

  @Test
  void lintPassesStrictlyWithTheMinimalRequiredValues() throws IOException {
    // helm-java's lint takes no values file, so lint a copy whose values.yaml sets the Redis URL.
    Path copy = copyChart(tmp.resolve("lint"));
    Path values = copy.resolve("values.yaml");
    String original = Files.readString(values);
    String withRedis = original.replace("\n  url: \"\"\n", "\n  url: redis://redis-master.redis:6379\n")
        .replace("\n  pulseSecret: \"\"\n", "\n  pulseSecret: " + PULSE_SECRET + "\n");
    assertThat(withRedis).contains(PULSE_SECRET);
    assertThat(withRedis).isNotEqualTo(original);
    Files.writeString(values, withRedis);

    HelmProcess.Lint result = helm.lint(copy);

    assertThat(result.messages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    assertThat(result.failed()).as("lint messages: %s", result.messages()).isFalse();
  }

  @Test
  void lintFailsOnValuesTheSchemaRefuses() throws IOException {
    // Lint runs `fail` in lint mode (reported, not fatal), but it does enforce the schema.
    Path copy = copyChart(tmp.resolve("broken"));
    Path values = copy.resolve("values.yaml");
    String original = Files.readString(values);
    String broken = original.replace("\nreplicaCount: 2\n", "\nreplicaCount: two\n");
    assertThat(broken).isNotEqualTo(original);
    Files.writeString(values, broken);

    HelmProcess.Lint result = helm.lint(copy);

    assertThat(result.failed()).isTrue();
    assertThat(String.join("\n", result.messages())).contains("replicaCount");
  }

  // ------------------------------------------------------------------------------------ defaults

  @Test
  void defaultsRenderTwoHardenedReplicas() {
    Rendered r = render(MINIMAL);
    Map<String, Object> deployment = r.one("Deployment");
    Map<String, Object> spec = map(deployment.get("spec"));
    Map<String, Object> pod = map(at(spec, "template", "spec"));
    Map<String, Object> container = onlyContainer(r);

    assertThat(spec.get("replicas")).isEqualTo(2);
    assertThat(at(spec, "strategy", "type")).isEqualTo("RollingUpdate");
    assertThat(at(spec, "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);

    assertThat(at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
    assertThat(at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
    assertThat(at(pod, "securityContext", "seccompProfile", "type")).isEqualTo("RuntimeDefault");
    Map<String, Object> hardened = map(container.get("securityContext"));
    assertThat(hardened).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 10001)
        .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
    assertThat(list(at(hardened, "capabilities", "drop"))).containsExactly("ALL");
    assertThat(at(hardened, "seccompProfile", "type")).isEqualTo("RuntimeDefault");

    // A read-only root filesystem, so Java's /tmp is an emptyDir.
    assertThat(list(container.get("volumeMounts"))).extracting(m -> map(m).get("mountPath")).containsExactly("/tmp");
    Map<String, Object> tmpVolume = map(list(pod.get("volumes")).get(0));
    assertThat(tmpVolume.get("name")).isEqualTo("tmp");
    assertThat(tmpVolume).containsKey("emptyDir");

    assertThat(map(at(container, "resources", "requests"))).containsKeys("cpu", "memory");
    assertThat(map(at(container, "resources", "limits"))).containsKeys("cpu", "memory");

    assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
    // No RAPPORT_PORT=tcp://... from the release's own Service reaching Spring's relaxed binding.
    assertThat(pod.get("enableServiceLinks")).isEqualTo(false);
    assertThat(pod.get("serviceAccountName")).isEqualTo(name(r.one("ServiceAccount")));
    assertThat(r.one("ServiceAccount").get("automountServiceAccountToken")).isEqualTo(false);
    assertThat(container.get("image")).isEqualTo("rapport:" + chartAppVersion());
  }

  @Test
  void probesUseTheActuatorHealthGroupsOnTheManagementPort() {
    Rendered r = render(MINIMAL);
    Map<String, Object> container = onlyContainer(r);

    assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
    assertThat(at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertThat(at(container, probe, "httpGet", "port")).as(probe).isEqualTo("management");
    }

    assertThat(list(container.get("ports"))).containsExactly(
        Map.of("name", "http", "containerPort", 3000, "protocol", "TCP"),
        Map.of("name", "management", "containerPort", 9090, "protocol", "TCP"));
    assertThat(env(container)).containsEntry("PORT", Map.of("value", "3000"));
    assertThat(data(r.one("ConfigMap"))).containsEntry("MANAGEMENT_SERVER_PORT", "9090");

    Map<String, Object> moved = onlyContainer(render(MINIMAL + "management: {port: 8081}\n"));
    assertThat(list(moved.get("ports"))).contains(Map.of("name", "management", "containerPort", 8081, "protocol",
        "TCP"));
    assertThat(renderFailure(MINIMAL + "management: {port: 3000}\n")).contains("management.port must differ");
  }

  @Test
  void defaultsReadSettingsFromTheConfigMapAndSecretsFromTheSecret() {
    Rendered r = render(MINIMAL);
    Map<String, Object> container = onlyContainer(r);

    List<Object> envFrom = list(container.get("envFrom"));
    assertThat(envFrom).hasSize(2);
    assertThat(at(envFrom.get(0), "configMapRef", "name")).isEqualTo(name(r.one("ConfigMap")));
    assertThat(at(envFrom.get(1), "secretRef", "name")).isEqualTo(name(r.one("Secret")));

    assertThat(data(r.one("ConfigMap"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "REDIS_URL", "redis://redis-master.redis:6379",
        "SLACK_API_URL", "https://slack.com/api/",
        "RAPPORT_PULSE_MIN_RESPONSES", "5",
        "RAPPORT_SCHEDULE_GRACE", "6h",
        "MANAGEMENT_SERVER_PORT", "9090",
        "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19"));
    // Only the required pulse secret was given, so the Secret holds no other key (not even empty ones).
    assertThat(secretData(r.one("Secret"))).containsOnlyKeys("RAPPORT_PULSE_SECRET");
  }

  @Test
  void defaultsRenderAClusterIpServiceAndNoOptionalObjects() {
    Rendered r = render(MINIMAL);
    Map<String, Object> service = r.one("Service");
    Map<String, Object> servicePort = map(list(at(service, "spec", "ports")).get(0));

    assertThat(at(service, "spec", "type")).isEqualTo("ClusterIP");
    assertThat(list(at(service, "spec", "ports"))).as("the Slack port only: no health, no metrics").hasSize(1);
    assertThat(servicePort).containsEntry("port", 80).containsEntry("targetPort", "http");
    Map<String, Object> podLabels = map(at(r.one("Deployment"), "spec", "template", "metadata", "labels"));
    assertThat(podLabels).containsAllEntriesOf(map(at(service, "spec", "selector")));
    assertThat(map(at(r.one("Deployment"), "spec", "selector", "matchLabels")))
        .isEqualTo(map(at(service, "spec", "selector")));

    assertThat(r.kinds()).containsExactlyInAnyOrder("ServiceAccount", "Secret", "ConfigMap", "Service", "Deployment");
    assertThat(r.docs()).allSatisfy(doc -> assertThat(at(doc, "metadata", "namespace")).isEqualTo(NAMESPACE));
  }

  // --------------------------------------------------------------------------------------- redis

  @Test
  void missingRedisConfigurationFailsWithAClearMessage() {
    assertThat(renderFailure("{}"))
        .contains("Rapport needs Redis")
        .contains("redis.url")
        .contains("redis.clusterNodes")
        .contains("embedded Redis");
    assertThat(renderFailure("redis: {url: '   '}")).contains("redis.url");
  }

  @Test
  void redisClusterSetsClusterNodesAndNoUrl() {
    Rendered r = render("""
        redis:
          mode: cluster
          clusterNodes: [redis-0.redis:6379, redis-1.redis:6379, redis-2.redis:6379]
          password: cluster-pw
        rapport: {pulseSecret: 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0}
        """);

    Map<String, Object> settings = data(r.one("ConfigMap"));
    assertThat(settings).containsEntry("REDIS_CLUSTER_NODES",
        "redis-0.redis:6379,redis-1.redis:6379,redis-2.redis:6379");
    assertThat(settings).doesNotContainKey("REDIS_URL");
    assertThat(secretData(r.one("Secret"))).containsExactlyInAnyOrderEntriesOf(Map.of("REDIS_PASSWORD", "cluster-pw",
        "RAPPORT_PULSE_SECRET", PULSE_SECRET));
    assertThat(env(onlyContainer(r))).doesNotContainKey("REDIS_URL");
  }

  @Test
  void externalRedisSetsTheUrlAndNoClusterNodes() {
    Rendered r = render("""
        redis:
          mode: external
          url: rediss://redis.example.com:6380/2
        rapport: {pulseSecret: 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0}
        """);

    Map<String, Object> settings = data(r.one("ConfigMap"));
    assertThat(settings).containsEntry("REDIS_URL", "rediss://redis.example.com:6380/2");
    assertThat(settings).doesNotContainKey("REDIS_CLUSTER_NODES");
  }

  @Test
  void clusterModeWithoutNodesIsRefused() {
    assertThat(renderFailure("redis: {mode: cluster}")).contains("redis.clusterNodes");
  }

  @Test
  void bothRedisChoicesAtOnceAreRefused() {
    assertThat(renderFailure("""
        redis: {mode: cluster, url: 'redis://a:6379', clusterNodes: ['b:6379']}
        """)).contains("redis.url is set too");
    assertThat(renderFailure("""
        redis: {url: 'redis://a:6379', clusterNodes: ['b:6379']}
        """)).contains("redis.clusterNodes is set but redis.mode is \"external\"");
  }

  @Test
  void aRedisUrlWithAPasswordStaysOutOfTheConfigMap() {
    assertThat(renderFailure("redis: {url: 'redis://:hunter2@redis:6379'}"))
        .contains("redis.url contains a password")
        .doesNotContain("hunter2");

    Rendered r = render("redis: {url: 'redis://:hunter2@redis:6379', urlFromSecret: true}\nrapport: {pulseSecret: "
        + PULSE_SECRET + "}\n");

    assertThat(data(r.one("ConfigMap"))).doesNotContainKey("REDIS_URL");
    assertThat(secretData(r.one("Secret"))).containsEntry("REDIS_URL", "redis://:hunter2@redis:6379");
    // Named explicitly and not optional: without the key the pod must not start (and fall back to an
    // embedded Redis).
    Map<String, Object> ref = map(at(env(onlyContainer(r)).get("REDIS_URL"), "valueFrom", "secretKeyRef"));
    assertThat(ref).containsEntry("name", name(r.one("Secret"))).containsEntry("key", "REDIS_URL")
        .doesNotContainKey("optional");
  }

  // ------------------------------------------------------------------------------------- secrets

  @Test
  void secretValuesBecomeKeysAndUnsetOptionalOnesAreLeftOut() {
    Rendered r = render(MINIMAL + """
        slack:
          botToken: xoxb-1-2-3
          signingSecret: "s3cr:et\\"quoted"
        """);

    assertThat(secretData(r.one("Secret"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "SLACK_BOT_TOKEN", "xoxb-1-2-3",
        "SLACK_SIGNING_SECRET", "s3cr:et\"quoted",
        "RAPPORT_PULSE_SECRET", PULSE_SECRET));
    assertThat(at(r.one("Secret"), "type")).isEqualTo("Opaque");
    // Secrets never leak into the ConfigMap.
    assertThat(data(r.one("ConfigMap")).values()).doesNotContain("xoxb-1-2-3", PULSE_SECRET);
  }

  @Test
  void thePulseSecretIsRequiredAndThePodsReadItByName() {
    assertThat(renderFailure(REDIS)).contains("rapport.pulseSecret is required").contains("openssl rand -hex 32")
        .contains("existingSecret");
    assertThat(renderFailure(REDIS + "rapport: {pulseSecret: ''}")).contains("rapport.pulseSecret is required");

    Rendered existing = render(REDIS + "existingSecret: rapport-slack\n");
    assertThat(at(env(onlyContainer(existing)).get("RAPPORT_PULSE_SECRET"), "valueFrom", "secretKeyRef"))
        .as("a Secret without the key stops the pod").isEqualTo(Map.of("name", "rapport-slack",
            "key", "RAPPORT_PULSE_SECRET"));
    Rendered own = render(MINIMAL);
    assertThat(at(env(onlyContainer(own)).get("RAPPORT_PULSE_SECRET"), "valueFrom", "secretKeyRef", "name"))
        .isEqualTo(name(own.one("Secret")));
  }

  @Test
  void existingSecretReplacesTheChartsSecret() {
    Rendered r = render(MINIMAL + """
        existingSecret: rapport-slack
        slack:
          botToken: xoxb-ignored
        """);

    assertThat(r.kinds()).doesNotContain("Secret");
    List<Object> envFrom = list(onlyContainer(r).get("envFrom"));
    assertThat(envFrom).filteredOn(e -> map(e).containsKey("secretRef"))
        .extracting(e -> at(e, "secretRef", "name")).containsExactly("rapport-slack");
    assertThat(r.docs().toString()).doesNotContain("xoxb-ignored");
  }

  @Test
  void existingSecretCanCarryTheRedisUrl() {
    Rendered r = render("""
        existingSecret: rapport-slack
        redis: {urlFromSecret: true}
        """);

    assertThat(r.kinds()).doesNotContain("Secret");
    assertThat(data(r.one("ConfigMap"))).doesNotContainKeys("REDIS_URL", "REDIS_CLUSTER_NODES");
    assertThat(at(env(onlyContainer(r)).get("REDIS_URL"), "valueFrom", "secretKeyRef", "name"))
        .isEqualTo("rapport-slack");

    assertThat(renderFailure("""
        existingSecret: rapport-slack
        redis: {urlFromSecret: true, url: 'redis://a:6379'}
        """)).contains("leave redis.url empty");
  }

  @Test
  void changingASettingOrASecretRollsThePods() {
    Map<String, Object> base = podAnnotations(render(MINIMAL + "slack: {botToken: xoxb-a}\n"));
    Map<String, Object> same = podAnnotations(render(MINIMAL + "slack: {botToken: xoxb-a}\n"));
    Map<String, Object> newSetting = podAnnotations(render(REDIS
        + "slack: {botToken: xoxb-a}\nrapport: {admins: [U01], "
        + "pulseSecret: " + PULSE_SECRET + "}\n"));
    Map<String, Object> newSecret = podAnnotations(render(MINIMAL + "slack: {botToken: xoxb-b}\n"));

    assertThat(same).isEqualTo(base);
    assertThat(newSetting.get("checksum/config")).isNotEqualTo(base.get("checksum/config"));
    assertThat(newSetting.get("checksum/secret")).isEqualTo(base.get("checksum/secret"));
    assertThat(newSecret.get("checksum/secret")).isNotEqualTo(base.get("checksum/secret"));
    assertThat(newSecret.get("checksum/config")).isEqualTo(base.get("checksum/config"));
  }

  @Test
  void settingsReachTheConfigMap() {
    Rendered r = render(REDIS + """
        slack: {apiUrl: 'https://slack-proxy.internal/api/'}
        rapport:
          pulseSecret: 0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0
          admins: [U0123ABC, W0456DEF, 'T0ACME:U0789GHI']
          publicUrl: https://rapport.example.com
          pulseMinResponses: 7
          scheduleGrace: 90m
        javaToolOptions: -XX:MaxRAMPercentage=60 -Dfile.encoding=UTF-8
        """);

    assertThat(data(r.one("ConfigMap"))).containsAllEntriesOf(Map.of(
        "SLACK_API_URL", "https://slack-proxy.internal/api/",
        "RAPPORT_ADMINS", "U0123ABC,W0456DEF,T0ACME:U0789GHI",
        "RAPPORT_PUBLIC_URL", "https://rapport.example.com",
        "RAPPORT_PULSE_MIN_RESPONSES", "7",
        "RAPPORT_SCHEDULE_GRACE", "90m",
        "JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=60 -Dfile.encoding=UTF-8"));
  }

  // ------------------------------------------------------------------------------------- ingress

  @Test
  void ingressRoutesSlackPathsOverTlsToTheService() {
    Rendered r = render(MINIMAL + """
        ingress:
          enabled: true
          className: nginx
          host: rapport.example.com
          annotations: {cert-manager.io/cluster-issuer: letsencrypt}
        """);
    Map<String, Object> ingress = r.one("Ingress");
    Map<String, Object> spec = map(ingress.get("spec"));

    assertThat(ingress.get("apiVersion")).isEqualTo("networking.k8s.io/v1");
    assertThat(spec.get("ingressClassName")).isEqualTo("nginx");
    assertThat(at(ingress, "metadata", "annotations")).isEqualTo(Map.of("cert-manager.io/cluster-issuer",
        "letsencrypt"));
    Map<String, Object> tls = map(list(spec.get("tls")).get(0));
    assertThat(list(tls.get("hosts"))).containsExactly("rapport.example.com");
    assertThat(tls.get("secretName")).isEqualTo(name(r.one("Service")) + "-tls");

    Map<String, Object> rule = map(list(spec.get("rules")).get(0));
    assertThat(rule.get("host")).isEqualTo("rapport.example.com");
    Map<String, Object> path = map(list(at(rule, "http", "paths")).get(0));
    assertThat(path).containsEntry("path", "/slack").containsEntry("pathType", "Prefix");
    assertThat(at(path, "backend", "service", "name")).isEqualTo(name(r.one("Service")));
    Object servicePortName = map(list(at(r.one("Service"), "spec", "ports")).get(0)).get("name");
    assertThat(at(path, "backend", "service", "port", "name")).isEqualTo(servicePortName);
  }

  @Test
  void ingressWithoutAHostIsRefused() {
    assertThat(renderFailure(MINIMAL + "ingress: {enabled: true}\n")).contains("ingress.host");
  }

  // ---------------------------------------------------------------------------- scaling and PDB

  @Test
  void autoscalingRendersAnHpaAndLeavesTheReplicaCountToIt() {
    Rendered r = render(MINIMAL + """
        autoscaling: {enabled: true, minReplicas: 3, maxReplicas: 8, targetCPUUtilizationPercentage: 60}
        """);
    Map<String, Object> hpa = r.one("HorizontalPodAutoscaler");

    assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
    assertThat(at(hpa, "spec", "scaleTargetRef")).isEqualTo(Map.of(
        "apiVersion", "apps/v1", "kind", "Deployment", "name", name(r.one("Deployment"))));
    assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(3);
    assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(8);
    Map<String, Object> metric = map(list(at(hpa, "spec", "metrics")).get(0));
    assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
    assertThat(at(metric, "resource", "target", "averageUtilization")).isEqualTo(60);
    assertThat(map(r.one("Deployment").get("spec"))).doesNotContainKey("replicas");

    assertThat(renderFailure(MINIMAL + "autoscaling: {enabled: true, minReplicas: 5, maxReplicas: 2}\n"))
        .contains("autoscaling.minReplicas (5) is greater than autoscaling.maxReplicas (2)");
  }

  @Test
  void podDisruptionBudgetKeepsOnePodUp() {
    Rendered r = render(MINIMAL + "podDisruptionBudget: {enabled: true}\n");
    Map<String, Object> pdb = r.one("PodDisruptionBudget");

    assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
    assertThat(at(pdb, "spec", "minAvailable")).isEqualTo(1);
    Map<String, Object> podLabels = map(at(r.one("Deployment"), "spec", "template", "metadata", "labels"));
    assertThat(podLabels).containsAllEntriesOf(map(at(pdb, "spec", "selector", "matchLabels")));

    // With one replica the budget could never be met and node drains would hang.
    assertThat(renderFailure(MINIMAL + "replicaCount: 1\npodDisruptionBudget: {enabled: true}\n"))
        .contains("podDisruptionBudget.minAvailable (1) must be lower than the replica count (1)");
  }

  // ------------------------------------------------------------------------------------- metrics

  @Test
  void metricsScrapingIsOffByDefaultAndEitherWayCanBeTurnedOn() {
    assertThat(podAnnotations(render(MINIMAL))).doesNotContainKeys("prometheus.io/scrape");

    Rendered r = render(MINIMAL + """
        metrics:
          prometheusAnnotations: true
          serviceMonitor: {enabled: true, labels: {release: kube-prometheus-stack}}
        """);

    assertThat(podAnnotations(r)).containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "9090").containsEntry("prometheus.io/path", "/actuator/prometheus");
    Map<String, Object> monitor = r.one("ServiceMonitor");
    assertThat(at(monitor, "metadata", "labels", "release")).isEqualTo("kube-prometheus-stack");
    Map<String, Object> endpoint = map(list(at(monitor, "spec", "endpoints")).get(0));
    assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "management");
    // It scrapes the management port through a Service of its own; the main Service stays Slack-only.
    Map<String, Object> selector = map(at(monitor, "spec", "selector", "matchLabels"));
    Map<String, Object> metricsService = r.named("Service", RELEASE + "-metrics");
    Map<String, Object> mainService = r.named("Service", RELEASE);
    assertThat(map(at(metricsService, "metadata", "labels"))).containsAllEntriesOf(selector);
    assertThat(map(at(mainService, "metadata", "labels"))).doesNotContainEntry("app.kubernetes.io/component",
        "metrics");
    assertThat(list(at(metricsService, "spec", "ports"))).singleElement()
        .satisfies(p -> assertThat(map(p)).containsEntry("targetPort", "management").containsEntry("port", 9090));
    assertThat(list(at(mainService, "spec", "ports"))).singleElement()
        .satisfies(p -> assertThat(map(p)).containsEntry("targetPort", "http"));
  }

  // ------------------------------------------------------------------------------ network policy

  @Test
  void aNetworkPolicyAdmitsSlackAndLimitsTheManagementPortToWhoIsListed() {
    assertThat(render(MINIMAL).kinds()).doesNotContain("NetworkPolicy");

    Rendered open = render(MINIMAL + "networkPolicy: {enabled: true}\n");
    Map<String, Object> policy = open.one("NetworkPolicy");
    assertThat(policy.get("apiVersion")).isEqualTo("networking.k8s.io/v1");
    assertThat(map(at(policy, "spec", "podSelector", "matchLabels")))
        .isEqualTo(map(at(open.one("Deployment"), "spec", "selector", "matchLabels")));
    assertThat(list(at(policy, "spec", "policyTypes"))).containsExactly("Ingress");
    assertThat(list(at(policy, "spec", "ingress"))).as("Slack's port from anywhere, the management port from nobody")
        .singleElement().satisfies(rule -> {
          assertThat(map(rule)).doesNotContainKey("from");
          assertThat(list(map(rule).get("ports"))).containsExactly(Map.of("port", "http", "protocol", "TCP"));
        });

    Rendered narrow = render(MINIMAL + """
        networkPolicy:
          enabled: true
          slackFrom: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}}]
          managementFrom: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}}]
        """);
    List<Object> rules = list(at(narrow.one("NetworkPolicy"), "spec", "ingress"));
    assertThat(rules).hasSize(2);
    assertThat(list(map(rules.get(0)).get("ports"))).containsExactly(Map.of("port", "http", "protocol", "TCP"));
    assertThat(at(list(map(rules.get(0)).get("from")).get(0), "namespaceSelector", "matchLabels"))
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress-nginx"));
    assertThat(list(map(rules.get(1)).get("ports"))).containsExactly(Map.of("port", "management", "protocol", "TCP"));
    assertThat(at(list(map(rules.get(1)).get("from")).get(0), "namespaceSelector", "matchLabels"))
        .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring"));
  }

  // -------------------------------------------------------------------------- tokens at rest

  @Test
  void multiWorkspaceInstallsNeedAnEncryptionKeyWhichGoesToTheSecret() {
    String oauth = MINIMAL + "slack: {clientId: '111.222', clientSecret: cs, signingSecret: ss}\n";
    assertThat(renderFailure(oauth)).contains("rapport.encryptionKey").contains("openssl rand -base64 32");

    String key = Base64.getEncoder().encodeToString(new byte[32]);
    String old = Base64.getEncoder()
        .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    Rendered r = render(oauth.replace("rapport:\n  pulseSecret: " + PULSE_SECRET + "\n", "") + "rapport: {pulseSecret: "
        + PULSE_SECRET + ", encryptionKey: '" + key + "', previousEncryptionKeys: ['" + old + "']}\n");

    assertThat(secretData(r.one("Secret"))).containsEntry("RAPPORT_ENCRYPTION_KEY", key)
        .containsEntry("RAPPORT_ENCRYPTION_PREVIOUS_KEYS", old);
    assertThat(data(r.one("ConfigMap")).values().toString()).doesNotContain(key);
    // With a Secret you manage, the chart can't see the key: the app refuses to start without it.
    assertThat(render(oauth + "existingSecret: rapport-slack\n").kinds()).doesNotContain("Secret");
  }

  // ------------------------------------------------------------------------------ pass-throughs

  @Test
  void schedulingOptionsAndExtraEnvReachThePod() {
    Rendered r = render(MINIMAL + """
        nodeSelector: {kubernetes.io/os: linux}
        tolerations: [{key: dedicated, operator: Equal, value: apps, effect: NoSchedule}]
        affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}
        topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
        extraEnv: [{name: RAPPORT_OUTBOX_WORKERS, value: "8"}]
        imagePullSecrets: [{name: regcred}]
        image: {repository: registry.example.com/rapport, tag: "1.2.3"}
        """);
    Map<String, Object> pod = map(at(r.one("Deployment"), "spec", "template", "spec"));

    assertThat(pod.get("nodeSelector")).isEqualTo(Map.of("kubernetes.io/os", "linux"));
    assertThat(list(pod.get("tolerations"))).hasSize(1);
    assertThat(map(pod.get("affinity"))).containsKey("podAntiAffinity");
    assertThat(list(pod.get("topologySpreadConstraints"))).hasSize(1);
    assertThat(list(pod.get("imagePullSecrets"))).containsExactly(Map.of("name", "regcred"));
    assertThat(env(onlyContainer(r))).containsEntry("RAPPORT_OUTBOX_WORKERS", Map.of("value", "8"));
    assertThat(onlyContainer(r).get("image")).isEqualTo("registry.example.com/rapport:1.2.3");
  }

  @Test
  void aNumericImageTagFromSetStillMakesAnImageReference() {
    // `--set image.tag=42` arrives as a number.
    assertThat(onlyContainer(render(MINIMAL + "image: {tag: 42}\n")).get("image")).isEqualTo("rapport:42");
  }

  // -------------------------------------------------------------------------------------- schema

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("replicaCount: two", "replicaCount"),
        Arguments.of("redis: {mode: sentinel}", "redis.mode"),
        Arguments.of("redis: {url: 'http://redis:6379'}", "redis.url"),
        Arguments.of("redis: {mode: cluster, clusterNodes: ['redis-0']}", "redis.clusterNodes"),
        Arguments.of("rapport: {pulseMinResponses: 2}", "rapport.pulseMinResponses"),
        Arguments.of("rapport: {pulseSecret: too-short-to-wrap-keys}", "rapport.pulseSecret"),
        Arguments.of("rapport: {admins: [alice]}", "rapport.admins"),
        Arguments.of("rapport: {publicUrl: 'https://rapport.example.com/dashboard'}", "rapport.publicUrl"),
        Arguments.of("rapport: {admins: ['T0ACME:alice']}", "rapport.admins"),
        Arguments.of("rapport: {encryptionKey: not-32-bytes}", "rapport.encryptionKey"),
        Arguments.of("rapport: {previousEncryptionKeys: [short]}", "rapport.previousEncryptionKeys"),
        Arguments.of("management: {port: 0}", "management.port"),
        Arguments.of("networkPolicy: {enabled: true, slackFrom: nobody}", "networkPolicy.slackFrom"),
        Arguments.of("rapport: {scheduleGrace: six hours}", "rapport.scheduleGrace"),
        Arguments.of("slack: {botToken: xapp-wrong-kind}", "slack.botToken"),
        Arguments.of("image: {pullPolicy: Sometimes}", "image.pullPolicy"),
        Arguments.of("service: {type: ExternalName}", "service.type"),
        Arguments.of("autoscaling: {enabled: yes please}", "autoscaling.enabled"),
        Arguments.of("replicas: 3", "replicas"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void schemaRefusesBadValues(String values, String field) {
    // The Redis URL is valid, so only the bad value can be the reason.
    String message = renderFailure(values.startsWith("redis:") ? values
        : values.startsWith("rapport:") ? REDIS + values : MINIMAL + values);

    assertThat(message).contains("values don't meet the specifications of the schema").contains(field);
  }

  @Test
  void templatesStillRefuseToRunWithoutRedisWhenTheSchemaIsSkipped() throws IOException {
    // As with `helm install --skip-schema-validation`: the templates' own checks still hold.
    Path copy = copyChart(tmp.resolve("noschema"));
    Files.delete(copy.resolve("values.schema.json"));

    assertThatThrownBy(() -> helm.template(copy, null, RELEASE, NAMESPACE))
        .isInstanceOf(HelmProcess.HelmFailure.class).hasMessageContaining("Rapport needs Redis");
    assertThatThrownBy(() -> helm.template(copy, valuesFile("redis: {mode: sentinel}"), RELEASE, NAMESPACE))
        .hasMessageContaining("redis.mode must be \"external\" or \"cluster\"");
    assertThatThrownBy(() -> helm.template(copy, valuesFile("redis: {mode: cluster, clusterNodes: [redis-0]}"),
        RELEASE, NAMESPACE))
        .hasMessageContaining("redis.clusterNodes entry \"redis-0\" is not host:port");
  }

  // ---------------------------------------------------------------------------------- NOTES, docs

  @Test
  void notesTellWhatToDoNext() {
    String https = notes(MINIMAL + "ingress: {enabled: true, host: rapport.example.com}\n");
    assertThat(https).contains("manifest.yml")
        .contains("https://rapport.example.com/slack/events")
        .contains("https://rapport.example.com/slack/oauth_redirect")
        .contains("/actuator/health/readiness").contains("port-forward deployment/rapport 9090:9090")
        .contains("kubectl -n team rollout status deployment/rapport")
        // Neither a signing secret nor a token was given.
        .contains("WARNING");

    String socket = notes(MINIMAL + "slack: {appToken: xapp-1, botToken: xoxb-1}\n");
    assertThat(socket).contains("Socket Mode").doesNotContain("/slack/events").doesNotContain("WARNING");

    String existing = notes(MINIMAL + "existingSecret: rapport-slack\n");
    assertThat(existing).contains("SLACK_SIGNING_SECRET").contains("RAPPORT_PULSE_SECRET")
        .contains("RAPPORT_ENCRYPTION_KEY").contains("openssl rand -base64 32")
        .contains("rollout restart");
  }

  @Test
  void everyValueIsCommented() throws IOException {
    List<String> lines = Files.readAllLines(CHART.resolve("values.yaml"));
    List<String> undocumented = undocumentedKeys(lines);

    assertThat(undocumented).isEmpty();
    // The check itself can fail: an uncommented key is caught.
    assertThat(undocumentedKeys(List.of("a: 1", "# -- b", "b: 2", "group:", "  # -- c", "  c: 3", "  d: 4")))
        .containsExactly("a", "group", "group.d");
  }

  /**
   * Keys of a values.yaml that have no comment: a key is documented when the line above it is a comment,
   * when an enclosing key is (a pass-through object such as resources), or when it is a plain group whose
   * keys are all documented.
   */
  private static List<String> undocumentedKeys(List<String> lines) {
    Pattern key = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9_.-]*):(.*)$");
    record Key(String path, int indent, boolean commented, boolean hasValue) {}
    List<Key> keys = new ArrayList<>();
    List<Key> stack = new ArrayList<>();
    String previous = "";
    for (String line : lines) {
      Matcher m = key.matcher(line);
      if (m.matches()) {
        int indent = m.group(1).length();
        while (!stack.isEmpty() && stack.get(stack.size() - 1).indent() >= indent) {
          stack.remove(stack.size() - 1);
        }
        String path = (stack.isEmpty() ? "" : stack.get(stack.size() - 1).path() + ".") + m.group(2);
        Key k = new Key(path, indent, previous.trim().startsWith("#"), !m.group(3).isBlank());
        keys.add(k);
        stack.add(k);
      }
      if (!line.isBlank()) {
        previous = line;
      }
    }
    Map<String, Boolean> documented = new LinkedHashMap<>();
    // Children come after their parent; decide from the leaves up.
    for (int i = keys.size() - 1; i >= 0; i--) {
      Key k = keys.get(i);
      boolean ancestorCommented = keys.stream().anyMatch(a -> k.path().startsWith(a.path() + ".") && a.commented());
      List<Key> children = keys.stream()
          .filter(c -> c.path().startsWith(k.path() + ".") && c.path().lastIndexOf('.') == k.path().length())
          .toList();
      boolean groupOfDocumented = !k.hasValue() && !children.isEmpty()
          && children.stream().allMatch(c -> documented.get(c.path()));
      documented.put(k.path(), k.commented() || ancestorCommented || groupOfDocumented);
    }
    return keys.stream().map(Key::path).filter(p -> !documented.get(p)).toList();
  }

  // ------------------------------------------------------------------------------------- helpers

  private record Rendered(List<Map<String, Object>> docs) {

    List<String> kinds() {
      return docs.stream().map(d -> (String) d.get("kind")).toList();
    }

    Map<String, Object> named(String kind, String name) {
      return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
          .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " among " + kinds()));
    }

    Map<String, Object> one(String kind) {
      List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
      assertThat(found).as("rendered %s objects among %s", kind, kinds()).hasSize(1);
      return found.get(0);
    }
  }

  private Rendered render(String values) {
    String output = helm.template(CHART, valuesFile(values), RELEASE, NAMESPACE);
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(output)) {
      if (doc != null) {
        docs.add(map(doc));
      }
    }
    return new Rendered(docs);
  }

  private String renderFailure(String values) {
    Path file = valuesFile(values);
    Throwable thrown = catchThrowable(() -> helm.template(CHART, file, RELEASE, NAMESPACE));
    assertThat(thrown).as("rendering with %s", values).isInstanceOf(HelmProcess.HelmFailure.class);
    return thrown.getMessage();
  }

  private String notes(String values) {
    String output = helm.installDryRun(CHART, valuesFile(values), RELEASE, NAMESPACE);
    assertThat(output).contains("NOTES:");
    return output.substring(output.indexOf("NOTES:"));
  }

  private Path valuesFile(String values) {
    try {
      Path file = Files.createTempFile(tmp, "values", ".yaml");
      Files.writeString(file, values, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copyChart(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(CHART)) {
      for (Path source : files.toList()) {
        Path destination = target.resolve(CHART.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(destination);
        } else {
          Files.copy(source, destination);
        }
      }
    }
    return target;
  }

  private static String chartAppVersion() {
    try {
      return (String) map(new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")))).get("appVersion");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> onlyContainer(Rendered r) {
    List<Object> containers = list(at(r.one("Deployment"), "spec", "template", "spec", "containers"));
    assertThat(containers).hasSize(1);
    return map(containers.get(0));
  }

  private static Map<String, Object> podAnnotations(Rendered r) {
    return map(at(r.one("Deployment"), "spec", "template", "metadata", "annotations"));
  }

  /** The container's env as name -> the rest of the entry (value or valueFrom). */
  private static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> env = new LinkedHashMap<>();
    for (Object entry : list(container.get("env"))) {
      Map<String, Object> copy = new LinkedHashMap<>(map(entry));
      env.put((String) copy.remove("name"), copy);
    }
    return env;
  }

  private static Map<String, Object> data(Map<String, Object> configMap) {
    Object data = configMap.get("data");
    return data == null ? Map.of() : map(data);
  }

  private static Map<String, String> secretData(Map<String, Object> secret) {
    Map<String, String> decoded = new LinkedHashMap<>();
    data(secret).forEach((k, v) -> decoded.put(k, new String(Base64.getDecoder().decode((String) v),
        StandardCharsets.UTF_8)));
    if (secret.get("stringData") != null) {
      map(secret.get("stringData")).forEach((k, v) -> decoded.put(k, (String) v));
    }
    return decoded;
  }

  private static String name(Map<String, Object> object) {
    return (String) at(object, "metadata", "name");
  }

  private static Object at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      assertThat(current).as("parent of %s in path %s", step, String.join(".", path)).isInstanceOf(Map.class);
      current = map(current).get(step);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    assertThat(node).isInstanceOf(List.class);
    return (List<Object>) node;
  }
}
