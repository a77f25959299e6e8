package org.hopscope.sandbox;

import java.util.Optional;

/**
 * Checks an {@code up}'s engine against the state folder: one state folder holds one engine (its
 * data, its seed's manifests), so asking for the other one while it runs or is kept is an error
 * that says what to do; so is {@code --security} with an engine whose distribution has no security.
 *
 * @param config the sandbox's state folder and ports
 * @param user the account the engine runs as (root decides where its files live)
 */
record EngineChoice(SandboxConfig config, ElasticsearchUser user) {

  /** Fails unless {@code wanted} (with {@code secure}) can run in this state folder. */
  void require(SearchEngine wanted, boolean secure) {
    if (secure && !wanted.supportsSecurity()) {
      throw new SandboxException(
          "`up --security` is not available with --engine "
              + wanted.id()
              + ": the "
              + wanted.displayName()
              + " "
              + wanted.version()
              + " integ-test distribution the sandbox runs has no security plugin. Run `hopscope"
              + " sandbox up --engine "
              + wanted.id()
              + "` without --security (plain HTTP, no users), or use --engine elasticsearch"
              + " for the security mode.");
    }
    Optional<SearchEngine> kept = ElasticsearchNode.keptEngine(config, user.root());
    if (kept.isEmpty() || kept.get() == wanted) {
      return;
    }
    SearchEngine other = kept.get();
    Optional<Long> pid = new ElasticsearchNode(config, user, other).pidFile().runningPid();
    String dir = config.dir().toString();
    throw new SandboxException(
        "the sandbox in "
            + dir
            + (pid.isPresent()
                ? " runs " + other.displayName() + " (pid " + pid.get() + ")"
                : " holds a stopped " + other.displayName() + " with its data")
            + ", but this `up` asks for "
            + wanted.displayName()
            + "; one state folder holds one engine. Either keep "
            + other.displayName()
            + ": `hopscope sandbox up --engine "
            + other.id()
            + " --dir "
            + dir
            + "`; or remove it: "
            + (pid.isPresent() ? "`hopscope sandbox down --dir " + dir + "`, then " : "")
            + "`hopscope sandbox purge --dir "
            + dir
            + "` (its data and seed go), then up again; or give "
            + wanted.displayName()
            + " its own state folder and ports (--dir, --es-port, --prometheus-port,"
            + " --exporter-port).");
  }
}
