package org.hopscope.model.promql;

/**
 * A panel's PromQL template is wrong or a value cannot be written into it safely. The message names
 * the panel and the 1-based column in the template; {@link #column()} lets a file reader turn that
 * into file:line:column.
 */
public final class PromQlTemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String panel;
  private final int column;
  private final String problem;

  public PromQlTemplateException(String panel, int column, String problem) {
    super("PromQL of panel '" + panel + "', column " + column + ": " + problem);
    this.panel = panel;
    this.column = column;
    this.problem = problem;
  }

  /** The panel's title. */
  public String panel() {
    return panel;
  }

  /** 1-based column in the template text. */
  public int column() {
    return column;
  }

  /** What is wrong, without the panel and column. */
  public String problem() {
    return problem;
  }
}
