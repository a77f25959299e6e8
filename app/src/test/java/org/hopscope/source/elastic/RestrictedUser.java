package org.hopscope.source.elastic;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.ElasticsearchNode;
import org.hopscope.sandbox.ElasticsearchUser;
import org.hopscope.sandbox.EsEndpoint;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.ToolRun;

/**
 * A user of a security sandbox who may read {@code blind-open-*} and nothing else, beside the
 * indices {@code blind-open-1} and {@code blind-secret-1}. The sandbox's distribution has no native
 * realm (its {@code .security} index needs a module the test distribution lacks), so the user is a
 * file-realm one: role {@value #ROLE} in {@code config/roles.yml} and the user made with {@code
 * elasticsearch-users}, both picked up by the running node within seconds (awaited, 60 s at most).
 *
 * @param name the user
 * @param password its password (a throwaway value for a loopback sandbox)
 */
record RestrictedUser(String name, String password) {

  static final String ROLE = "hopscope-blind-reader";
  private static final RestrictedUser USER =
      new RestrictedUser("hopscope-blind", "blind-reader-pw-1");

  /** Makes the indices, role and user when missing, and waits until the node knows the user. */
  static RestrictedUser ensure(SandboxConfig config, SandboxState state) throws Exception {
    EsEndpoint superuser = state.elasticsearch();
    HttpClient http = superuser.newClient();
    for (String index : List.of("blind-open-1", "blind-secret-1")) {
      HttpResponse<String> put = send(http, superuser.request("/" + index), "PUT", "{}");
      if (put.statusCode() != 200 && !put.body().contains("resource_already_exists_exception")) {
        throw new IOException("PUT /" + index + ": " + put.body());
      }
    }
    ElasticsearchUser account = ElasticsearchUser.forCurrentProcess();
    ElasticsearchNode node = new ElasticsearchNode(config, account);
    Path conf = node.home().resolve("config");
    Path roles = conf.resolve("roles.yml");
    if (!Files.readString(roles).contains(ROLE + ":")) {
      Files.writeString(
          roles,
          "\n"
              + ROLE
              + ":\n  indices:\n    - names: [\"blind-open-*\"]\n"
              + "      privileges: [\"read\", \"view_index_metadata\"]\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    }
    if (!Files.readString(conf.resolve("users")).contains(USER.name() + ":")) {
      List<String> cmd = new ArrayList<>();
      cmd.add(node.home().resolve("bin").resolve("elasticsearch-users").toString());
      cmd.addAll(List.of("useradd", USER.name(), "-p", USER.password(), "-r", ROLE));
      ToolRun.of(account.wrap(cmd))
          .withEnvironment(node.environment())
          .in(node.home())
          .within(Duration.ofMinutes(2))
          .output();
    }
    awaitKnown(http, superuser);
    return USER;
  }

  /** The node reloads its user and role files every few seconds: asks until the user is in. */
  private static void awaitKnown(HttpClient http, EsEndpoint superuser) throws Exception {
    EsEndpoint asUser =
        new EsEndpoint(superuser.url(), superuser.caCertificate(), USER.name(), USER.password());
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> me = send(http, asUser.request("/_security/_authenticate"), "GET", null);
      if (me.statusCode() == 200 && me.body().contains(ROLE)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the sandbox did not pick up the file-realm user " + USER.name() + ": " + me.body());
      }
      Thread.sleep(250);
    }
  }

  private static HttpResponse<String> send(
      HttpClient http, HttpRequest.Builder request, String method, String body)
      throws IOException, InterruptedException {
    request.header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
