package org.hopscope.model.playbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An incident playbook read from {@code playbooks/ID.md}: what to look at, in which order, with
 * checks the tool evaluates on the spot.
 *
 * @param id unique, e.g. {@code consumer-lag}
 * @param title one line
 * @param appliesTo which paths, hops and alerts suggest it
 * @param variables the inputs with defaults (path, hop, window, message ID, ...)
 * @param steps in document order; the first is where a walk-through starts
 * @param origin the file it was read from (for messages)
 */
public record Playbook(
    String id,
    String title,
    AppliesTo appliesTo,
    List<Variable> variables,
    List<Step> steps,
    String origin) {

  public Playbook {
    Objects.requireNonNull(id, "id");
    variables = List.copyOf(variables);
    steps = List.copyOf(steps);
  }

  /** The step with {@code id}. */
  public Optional<Step> step(String id) {
    return steps.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * When a playbook is suggested.
   *
   * @param paths path names (empty: any)
   * @param hops hop names (empty: any)
   * @param alerts alert names that link to it (e.g. Alertmanager {@code alertname})
   */
  public record AppliesTo(List<String> paths, List<String> hops, List<String> alerts) {
    public AppliesTo {
      paths = List.copyOf(paths);
      hops = List.copyOf(hops);
      alerts = List.copyOf(alerts);
    }
  }

  /**
   * An input of the playbook, referenced as {@code ${name}} in checks.
   *
   * @param name e.g. {@code hop}
   * @param defaultValue used when the caller binds nothing (may be "")
   * @param description what it is
   * @param pinned its meaning is the playbook's own ({@code pinned: true}): what the engineer looks
   *     at in the client (the search bar's path, hop and window, the open incident) never fills it;
   *     only its default, an alert link, {@code --var} or the engineer's typing do
   */
  public record Variable(String name, String defaultValue, String description, boolean pinned) {

    /** A variable that is not pinned. */
    public Variable(String name, String defaultValue, String description) {
      this(name, defaultValue, description, false);
    }
  }

  /** The declared variable {@code name}, if the playbook declares it. */
  public Optional<Variable> variable(String name) {
    return variables.stream().filter(v -> v.name().equals(name)).findFirst();
  }
}
