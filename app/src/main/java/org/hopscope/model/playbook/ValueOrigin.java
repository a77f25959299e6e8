package org.hopscope.model.playbook;

/**
 * Where a playbook variable's value (or the window its checks look at) came from, so the variables
 * form can say so and a pinned variable can refuse what the engineer merely looks at.
 */
public enum ValueOrigin {
  /** The playbook's default, or the built-in one ({@code window} 30m, {@code message_id} ""). */
  DEFAULT("the playbook's default"),
  /** Derived from the path the playbook runs against (its name, its first hop). */
  PATH("the path"),
  /** What the engineer looks at in the client: the search bar's path, hop and window. */
  SEARCH_BAR("the search bar"),
  /** The open incident's window. */
  INCIDENT("the incident"),
  /** An alert's {@code hopscope://playbook/...} link. */
  LINK("the alert link"),
  /** Given on purpose: typed into the variables form, {@code --var}, {@code --from/--to}. */
  GIVEN("given");

  private final String words;

  ValueOrigin(String words) {
    this.words = words;
  }

  /** "the search bar", "the alert link", ... */
  public String words() {
    return words;
  }

  /**
   * Whether a value of this origin is context (what the engineer happens to look at) rather than
   * meant for this playbook: a pinned variable takes no context value.
   */
  public boolean context() {
    return this == SEARCH_BAR || this == INCIDENT;
  }
}
