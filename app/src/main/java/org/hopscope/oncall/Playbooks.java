package org.hopscope.oncall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hopscope.config.PathCatalog;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.playbook.PlaybookReader;

/**
 * The playbooks of one directory, for both faces: list and load one, and the path to run one
 * against. Files are validated with {@link PlaybookCatalog#read}; checks run on the {@link Engine}.
 */
public final class Playbooks {

  /** The path a playbook runs against when neither the caller nor the playbook names one. */
  public static final String DEFAULT_PATH = "orders";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final Path dir;
  private final Function<Path, Playbook> reader;

  /** The playbooks in {@code dir}, read with the shipped reader. */
  public Playbooks(Path dir) {
    this(dir, file -> new PlaybookReader().read(file));
  }

  /**
   * The playbooks in {@code dir}, {@link #load} reading one file with {@code reader} (tests:
   * in-code playbooks); it throws IllegalArgumentException (file:line) for an invalid playbook.
   */
  public Playbooks(Path dir, Function<Path, Playbook> reader) {
    this.dir = dir;
    this.reader = reader;
  }

  /**
   * Every playbook of the directory and the problems of the files that are not valid.
   *
   * @param paths path definitions to check path and hop names against, or null not to check
   */
  public PlaybookCatalog list(PathCatalog paths) {
    return PlaybookCatalog.readDirectory(dir, paths);
  }

  /**
   * The playbook {@code id} ({@code DIR/ID.md}).
   *
   * @throws IllegalArgumentException for an ID that is not a file name, a missing file (naming it
   *     and the directory), or an invalid playbook
   */
  public Playbook load(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "playbook ID '" + id + "' is not one: use lower-case letters, digits and -");
    }
    Path file = dir.resolve(id + ".md");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          String.format(
              "no playbook %s: %s does not exist; ./hopscope playbook list shows those in %s",
              id, file, dir));
    }
    return reader.apply(file);
  }

  /**
   * The name of the path to run {@code playbook} against: the caller's {@code path} variable, else
   * the playbook's default, else its first {@code applies_to} path, else {@link #DEFAULT_PATH}.
   */
  public static String pathName(Playbook playbook, Map<String, String> given) {
    String name =
        given.getOrDefault("path", PlaybookVariables.bind(playbook, null, Map.of()).get("path"));
    if (name.isEmpty() && !playbook.appliesTo().paths().isEmpty()) {
      name = playbook.appliesTo().paths().get(0);
    }
    return name.isEmpty() ? DEFAULT_PATH : name;
  }

  /**
   * Why {@code playbook} is suggested for what the engineer looks at, in words ("for alert
   * OrdersErpTimeouts", "applies to fulfilment-service", "for path billing"), or null when it is
   * not: it names the alert, or the hop, or the path while naming no hops (a playbook for the whole
   * path). A playbook of the path that names other hops is not suggested: when every playbook is
   * for the path, that says nothing. Both faces use these words.
   *
   * @param path the path looked at, or null
   * @param hop the hop looked at, or null
   * @param alert the alert that brought the engineer here, or null
   */
  public static String whySuggested(Playbook playbook, String path, String hop, String alert) {
    Playbook.AppliesTo a = playbook.appliesTo();
    if (alert != null && a.alerts().contains(alert)) {
      return "for alert " + alert;
    }
    if (path != null && !a.paths().isEmpty() && !a.paths().contains(path)) {
      return null;
    }
    if (hop != null && a.hops().contains(hop)) {
      return "applies to " + hop;
    }
    if (path != null && a.paths().contains(path) && a.hops().isEmpty()) {
      return "for path " + path;
    }
    return null;
  }
}
