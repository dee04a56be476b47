package dev.rapport.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * helm-java behind a child JVM ({@link HelmRunner}), so Helm's Go runtime never loads into the test JVM.
 * One child serves a whole test class; each call is a request and a response over its stdin and stdout.
 */
final class HelmProcess implements AutoCloseable {

  /** Helm refused (schema, `fail` in a template, bad YAML): the message is Helm's. */
  static final class HelmFailure extends RuntimeException {
    HelmFailure(String message) {
      super(message);
    }
  }

  record Lint(boolean failed, List<String> messages) {}

  private static final long TIMEOUT_SECONDS = 60;

  private final ObjectMapper json = new ObjectMapper();
  private final Process process;
  private final Path log;
  private final Writer requests;
  private final BufferedReader responses;
  private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "helm-runner-reader");
    thread.setDaemon(true);
    return thread;
  });

  private HelmProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.requests = process.outputWriter(StandardCharsets.UTF_8);
    this.responses = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static HelmProcess start(Path log) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), HelmRunner.class.getName())
        .redirectError(log.toFile());
    try {
      return new HelmProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** `helm template`: the rendered manifests, or a {@link HelmFailure}. */
  String template(Path chart, Path values, String release, String namespace) {
    return (String) call("template", chart, values, release, namespace).get("output");
  }

  /** `helm lint --strict` (helm-java's lint takes no values file: it lints the chart's values.yaml). */
  @SuppressWarnings("unchecked")
  Lint lint(Path chart) {
    Map<String, Object> response = call("lint", chart, null, null, null);
    return new Lint((Boolean) response.get("failed"), (List<String>) response.get("messages"));
  }

  /** What `helm install --dry-run=client` prints, NOTES included. */
  String installDryRun(Path chart, Path values, String release, String namespace) {
    return (String) call("notes", chart, values, release, namespace).get("output");
  }

  @SuppressWarnings("unchecked")
  private synchronized Map<String, Object> call(String op, Path chart, Path values, String release, String namespace) {
    try {
      HelmRunner.Request request = new HelmRunner.Request(op, chart.toAbsolutePath().toString(),
          values == null ? null : values.toAbsolutePath().toString(), release, namespace);
      requests.write(json.writeValueAsString(request) + "\n");
      requests.flush();
      Future<String> line = reader.submit(this::nextResponse);
      String response = line.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response == null) {
        throw new IllegalStateException("helm runner exited: " + childLog());
      }
      Map<String, Object> parsed = json.readValue(response, Map.class);
      if (!Boolean.TRUE.equals(parsed.get("ok"))) {
        throw new HelmFailure(String.valueOf(parsed.get("error")));
      }
      return parsed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("helm runner gave no answer in " + TIMEOUT_SECONDS + "s: " + childLog(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("helm runner: " + childLog(), e.getCause());
    }
  }

  private String nextResponse() throws IOException {
    for (String line = responses.readLine(); line != null; line = responses.readLine()) {
      if (line.startsWith(HelmRunner.PREFIX)) {
        return line.substring(HelmRunner.PREFIX.length());
      }
    }
    return null;
  }

  private String childLog() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      requests.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      reader.shutdownNow();
    }
  }
}
