package org.hopscope.config;

/**
 * Connection settings given on the command line; each null when not given.
 *
 * @param profile {@code --profile NAME}
 * @param elasticsearchUrl {@code --es URL}
 * @param prometheusUrl {@code --prometheus URL}
 * @param pathsDir {@code --paths DIR}
 */
public record ConnectionFlags(
    String profile, String elasticsearchUrl, String prometheusUrl, String pathsDir) {

  /** Nothing given. */
  public static final ConnectionFlags NONE = new ConnectionFlags(null, null, null, null);
}
