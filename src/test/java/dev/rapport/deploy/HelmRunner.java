package dev.rapport.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The child side of {@link HelmProcess}: runs helm-java in a JVM of its own. Helm is Go code loaded into
 * the process, and once it has rendered a chart the JVM no longer answers the attach mechanism (SIGQUIT),
 * which breaks Mockito's inline mock maker for every test that would run after it in the same JVM.
 *
 * <p>Protocol: one JSON request per line on stdin ({@code op}: template, lint or notes; {@code chart},
 * {@code values}, {@code release}, {@code namespace}), one JSON response per line on stdout after
 * {@link #PREFIX} (anything else on stdout is Helm's own noise).
 */
final class HelmRunner {

  static final String PREFIX = "@@helm-runner@@ ";

  private HelmRunner() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      Map<String, Object> response;
      try {
        response = handle(json.readValue(line, Request.class));
      } catch (RuntimeException e) {
        response = new LinkedHashMap<>();
        response.put("ok", false);
        response.put("error", String.valueOf(e.getMessage()));
      }
      out.println(PREFIX + json.writeValueAsString(response));
    }
  }

  record Request(String op, String chart, String values, String release, String namespace) {}

  private static Map<String, Object> handle(Request request) {
    Helm helm = new Helm(Path.of(request.chart()));
    Map<String, Object> response = new LinkedHashMap<>();
    switch (request.op()) {
      case "template" -> {
        TemplateCommand template = helm.template().withName(request.release()).withNamespace(request.namespace());
        if (request.values() != null) {
          template = template.withValuesFile(Path.of(request.values()));
        }
        response.put("output", template.call());
      }
      case "lint" -> {
        LintCommand lint = helm.lint().strict();
        LintResult result = lint.call();
        response.put("failed", result.isFailed());
        response.put("messages", result.getMessages());
      }
      case "notes" -> {
        // A client-only dry run of `helm install`: renders NOTES.txt without a cluster.
        InstallCommand install = helm.install().clientOnly().dryRun().withDryRunOption(DryRun.CLIENT)
            .withName(request.release()).withNamespace(request.namespace());
        if (request.values() != null) {
          install = install.withValuesFile(Path.of(request.values()));
        }
        response.put("output", install.call().getOutput());
      }
      default -> throw new IllegalArgumentException("unknown op " + request.op());
    }
    response.put("ok", true);
    return response;
  }
}
