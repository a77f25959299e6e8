package org.hopscope.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Versions filtered in at build time from the POM (one place for every version). */
public final class Versions implements IVersionProvider {

  private static final Properties PROPS = load();

  public static String elasticsearch() {
    return PROPS.getProperty("elasticsearch");
  }

  /** The version of the engine {@code id} ({@code elasticsearch}, {@code opensearch}). */
  public static String of(String id) {
    String v = PROPS.getProperty(id);
    if (v == null) {
      throw new IllegalArgumentException("no version known for " + id);
    }
    return v;
  }

  public static String opensearch() {
    return PROPS.getProperty("opensearch");
  }

  public static String hopscope() {
    return PROPS.getProperty("hopscope");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "hopscope "
          + hopscope()
          + " (Elasticsearch "
          + elasticsearch()
          + ", OpenSearch "
          + opensearch()
          + ")"
    };
  }

  private static Properties load() {
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      Properties p = new Properties();
      p.load(in);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
