package org.hopscope.oncall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.hopscope.model.playbook.Playbook;

/**
 * Reads one playbook file (the playbook reader, or a test's in-code playbook).
 *
 * <p>{@link #load} finds a playbook by ID: {@code DIR/ID.md}.
 */
@FunctionalInterface
public interface PlaybookSource {

  /** What a playbook ID may be: the file name without {@code .md}. */
  Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException when the file is not a valid playbook (message with file:line)
   */
  Playbook read(Path file);

  /**
   * The playbook {@code id} from {@code dir/id.md} (e.g. {@code $hopscope.home/playbooks}).
   *
   * @throws IllegalArgumentException for an ID that is not a file name, a missing file (naming it
   *     and the directory), or an invalid playbook
   */
  default Playbook load(Path dir, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "playbook ID '" + id + "' is not one: use lower-case letters, digits and -");
    }
    Path file = dir.resolve(id + ".md");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no playbook "
              + id
              + ": "
              + file
              + " does not exist; ./hopscope playbook list shows those in "
              + dir);
    }
    return read(file);
  }
}
