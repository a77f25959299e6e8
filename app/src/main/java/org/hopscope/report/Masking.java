package org.hopscope.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that hide personal data and secrets in everything a post-mortem exports: notes,
 * summaries, queries and evidence JSON. Immutable; {@link #defaults()} holds the built-in rules
 * ({@link BuiltInMasks}: private keys, passwords in URLs, authorization headers, secret-named keys
 * and their values, {@code curl -u}, JWTs, Elasticsearch service tokens, AWS access key IDs, e-mail
 * addresses, Luhn-valid card numbers) and masks the values of secret-named JSON fields; {@link
 * #load(Path)} adds configured patterns and JSON fields (see docs/post-mortem.md).
 */
public final class Masking {

  /** The masking file's name inside Hopscope's configuration folder. */
  public static final String FILE_NAME = "masking.yaml";

  private final List<MaskRule> rules;
  private final Set<String> fields;
  private final boolean secretFields;

  private Masking(List<MaskRule> rules, Set<String> fields, boolean secretFields) {
    this.rules = List.copyOf(rules);
    this.fields = Set.copyOf(fields);
    this.secretFields = secretFields;
  }

  /**
   * The built-in rules, no configured JSON fields, and the values of secret-named JSON fields
   * ({@code password}, {@code api_key}, {@code secretAccessKey}, {@code authorization}...) masked.
   */
  public static Masking defaults() {
    return new Masking(BuiltInMasks.ALL, Set.of(), true);
  }

  /** No rules at all: exports text unchanged (for tests and for an explicit opt-out). */
  public static Masking none() {
    return new Masking(List.of(), Set.of(), false);
  }

  /**
   * The rules of a masking file (YAML, format in docs/post-mortem.md).
   *
   * @throws MaskingException naming the file, line and column of every problem found
   */
  public static Masking load(Path yamlFile) {
    return MaskingFile.read(yamlFile);
  }

  /**
   * The rules every export uses (CLI and app alike): those of {@code <configDir>/masking.yaml}
   * ({@link #FILE_NAME}) when that file exists, else {@link #defaults()}. Read on every call, so an
   * edited file counts at the next export.
   *
   * @param configDir Hopscope's configuration folder ({@code ConfigDirs.configDir()}), not null
   * @throws MaskingException when the file exists but cannot be read or has problems (file:line)
   */
  public static Masking configured(Path configDir) {
    Path file = Objects.requireNonNull(configDir, "configDir").resolve(FILE_NAME);
    return Files.isRegularFile(file) ? load(file) : defaults();
  }

  /** These rules plus {@code rule}, which runs after the existing ones. */
  public Masking withRule(MaskRule rule) {
    List<MaskRule> more = new ArrayList<>(rules);
    more.add(Objects.requireNonNull(rule, "rule"));
    return new Masking(more, fields, secretFields);
  }

  /**
   * These rules plus JSON fields whose values are masked in evidence JSON: a name is a dotted key
   * path such as {@code customer.name} matching any field whose key path (arrays transparent) ends
   * with it.
   */
  public Masking withFields(List<String> names) {
    Set<String> more = new LinkedHashSet<>(fields);
    for (String name : names) {
      more.add(Objects.requireNonNull(name, "field name").strip());
    }
    return new Masking(rules, more, secretFields);
  }

  /** Whether secret-named JSON fields are masked whatever their value (with the built-ins). */
  public boolean masksSecretFields() {
    return secretFields;
  }

  /** The text rules, in the order they run. */
  public List<MaskRule> rules() {
    return rules;
  }

  /** The JSON field names masked in evidence, as configured. */
  public Set<String> fields() {
    return fields;
  }

  /** {@code text} with every rule applied in order; null stays null. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (MaskRule rule : rules) {
      out = rule.apply(out);
    }
    return out;
  }

  /**
   * JSON text with the configured fields' values masked and the text rules applied to every string
   * value (keys and numbers are kept); text that is not JSON is masked as plain text.
   */
  public String maskJson(String json) {
    return JsonMasking.mask(json, this);
  }
}
