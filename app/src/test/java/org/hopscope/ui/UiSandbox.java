package org.hopscope.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.PathDef;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.TestSandbox;

/** The engine and path of the test sandbox, for view tests against the real backends. */
public final class UiSandbox {

  private UiSandbox() {}

  /** A connection profile named {@code test} pointing at the test sandbox. */
  public static ConnectionProfile profile(TestSandbox sandbox) {
    return new ConnectionProfile(
        "test",
        Endpoint.of(URI.create(sandbox.state().elasticsearchUrl())),
        Endpoint.of(URI.create(sandbox.state().prometheusUrl())),
        null);
  }

  /** An engine on the test sandbox; the caller closes it. */
  public static Engine engine(TestSandbox sandbox) {
    return Engine.open(new ResolvedConnection(profile(sandbox), List.of()));
  }

  /** The repository's {@code orders} path. */
  public static PathDef ordersPath() {
    return new PathDefinitions().read(queriesDir().resolve("orders.yaml"));
  }

  /** {@code queries/} of this checkout (tests run in {@code app/}). */
  public static Path queriesDir() {
    String home = System.getProperty("hopscope.home");
    Path root = home != null ? Path.of(home) : Path.of("").toAbsolutePath().getParent();
    return root.resolve("queries");
  }

  /**
   * The whole client as {@code gui} builds it, configured for tests: config in {@code configDir},
   * this checkout's queries and playbooks as {@code hopscope.home}.
   */
  static HopscopeApp app(
      GuiOptions options,
      Path configDir,
      java.io.PrintWriter err,
      org.hopscope.store.IncidentDatabase database,
      org.hopscope.oncall.PlaybookCatalog playbooks) {
    return app(options, java.util.Map.of(), configDir, err, database, playbooks);
  }

  /** As {@link #app}, with more environment variables (e.g. a connection override). */
  static HopscopeApp app(
      GuiOptions options,
      java.util.Map<String, String> env,
      Path configDir,
      java.io.PrintWriter err,
      org.hopscope.store.IncidentDatabase database,
      org.hopscope.oncall.PlaybookCatalog playbooks) {
    return opening(
        options,
        env,
        configDir,
        err,
        java.util.concurrent.CompletableFuture.completedFuture(
            database == null
                ? null
                : new org.hopscope.oncall.IncidentDesk(
                    database, org.hopscope.oncall.IncidentDesk.user(System.getProperties()))),
        java.util.concurrent.CompletableFuture.completedFuture(playbooks));
  }

  /** As {@link #app}, with the store and the playbooks still being read (as at a real start). */
  static HopscopeApp opening(
      GuiOptions options,
      java.util.Map<String, String> env,
      Path configDir,
      java.io.PrintWriter err,
      java.util.concurrent.CompletableFuture<org.hopscope.oncall.IncidentDesk> incidents,
      java.util.concurrent.CompletableFuture<org.hopscope.oncall.PlaybookCatalog> playbooks) {
    java.util.Properties system = new java.util.Properties();
    system.setProperty("hopscope.home", queriesDir().getParent().toString());
    java.util.Map<String, String> all = new java.util.HashMap<>(env);
    all.put(org.hopscope.config.ConfigDirs.ENV, configDir.toString());
    return new HopscopeApp(
        options,
        all,
        system,
        Path.of("").toAbsolutePath(),
        java.time.Clock.systemDefaultZone(),
        err,
        incidents,
        playbooks);
  }

  /** The playbooks shipped in this checkout's {@code playbooks/}. */
  static org.hopscope.oncall.PlaybookCatalog shippedPlaybooks() {
    return org.hopscope.oncall.PlaybookCatalog.readDirectory(
        queriesDir().resolveSibling("playbooks"));
  }
}
