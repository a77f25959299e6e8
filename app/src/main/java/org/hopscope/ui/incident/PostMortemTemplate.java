package org.hopscope.ui.incident;

/**
 * The incident note's starting text: the section headings the post-mortem export reads (see
 * docs/post-mortem.md, "Incident note conventions").
 */
final class PostMortemTemplate {

  /** The template, shown in an empty incident note (saved once the user edits it). */
  static final String TEXT =
      String.join(
          "\n",
          "## Summary",
          "",
          "## Detection",
          "",
          "## Trigger",
          "",
          "## Root cause",
          "",
          "## Resolution",
          "",
          "## Went well",
          "",
          "## Went badly",
          "",
          "## Lucky",
          "",
          "## Action items",
          "",
          "## Timeline",
          "");

  private PostMortemTemplate() {}
}
