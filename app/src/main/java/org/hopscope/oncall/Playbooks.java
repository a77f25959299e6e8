package org.hopscope.oncall;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.hopscope.config.PathCatalog;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.PlaybookRun;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.playbook.PlaybookReader;

/**
 * The playbooks of one directory, for both faces: list, validate, load one, bind its variables,
 * read an alert's {@code hopscope://} link and start a walk-through. Checks run on the {@link
 * Engine}.
 */
public final class Playbooks {

  /** The path a playbook runs against when neither the caller nor the playbook names one. */
  public static final String DEFAULT_PATH = "orders";

  private final Path dir;
  private final PlaybookSource source;

  /** The playbooks in {@code dir}, read with the shipped reader. */
  public Playbooks(Path dir) {
    this(dir, file -> new PlaybookReader().read(file));
  }

  /** The playbooks in {@code dir}, read through {@code source} (tests: in-code playbooks). */
  public Playbooks(Path dir, PlaybookSource source) {
    this.dir = dir;
    this.source = source;
  }

  /** The directory the playbooks are read from. */
  public Path dir() {
    return dir;
  }

  /**
   * Every playbook of the directory and the problems of the files that are not valid.
   *
   * @param paths path definitions to check path and hop names against, or null not to check
   */
  public PlaybookCatalog list(PathCatalog paths) {
    return PlaybookCatalog.readDirectory(dir, paths);
  }

  /** Reads the given files, each on its own (what {@code playbook validate FILES} checks). */
  public PlaybookCatalog validate(List<Path> files, PathCatalog paths) {
    return PlaybookCatalog.read(files, paths);
  }

  /**
   * The playbook {@code id} ({@code DIR/ID.md}).
   *
   * @throws IllegalArgumentException for a bad or unknown ID or an invalid playbook
   */
  public Playbook load(String id) {
    return source.load(dir, id);
  }

  /**
   * The name of the path to run {@code playbook} against: the caller's {@code path} variable, else
   * the playbook's default, else {@link #DEFAULT_PATH}.
   */
  public static String pathName(Playbook playbook, Map<String, String> given) {
    String name =
        given.getOrDefault("path", PlaybookVariables.bind(playbook, null, Map.of()).get("path"));
    return name.isEmpty() ? DEFAULT_PATH : name;
  }

  /**
   * The bound variables: {@code given} over the playbook's defaults over the path's.
   *
   * @throws IllegalArgumentException naming a variable the playbook does not have
   */
  public static Map<String, String> bind(
      Playbook playbook, PathDef path, Map<String, String> given) {
    return PlaybookVariables.bind(playbook, path, given);
  }

  /**
   * Reads an alert's link to a playbook.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static PlaybookLink link(String text) {
    return PlaybookLink.parse(text);
  }

  /**
   * A walk-through of {@code playbook} from its first step; ticks are recorded for {@code user}.
   */
  public static PlaybookRun walk(Playbook playbook, Clock clock, String user) {
    return new PlaybookRun(playbook, clock, user);
  }
}
