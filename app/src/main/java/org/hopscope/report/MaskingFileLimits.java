package org.hopscope.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The limits of {@code config.FileLimits} for the masking file (this package may use only the
 * model, so it keeps its own copy; {@code MaskingFileLimitsTest} keeps the numbers equal): a
 * regular file of at most 1 MiB of UTF-8 text without control characters, not a link out of its
 * folder, YAML nested at most 50 levels with at most 20 aliases of lists and mappings.
 */
final class MaskingFileLimits {

  static final int MAX_BYTES = 1 << 20;
  static final int MAX_DEPTH = 50;
  static final int MAX_ALIASES = 20;

  private MaskingFileLimits() {}

  /** The file's text; MaskingException (naming the file, the limit and what to do) else. */
  static String read(Path path) {
    Path real;
    try {
      real = path.toRealPath();
      Path folder = path.toAbsolutePath().getParent().toRealPath();
      if (Files.isSymbolicLink(path) && !real.startsWith(folder)) {
        throw refused(
            path,
            "is a symbolic link to "
                + real
                + ", outside its folder "
                + folder
                + "; Hopscope does not follow links out of the folder: copy the file there");
      }
      if (!Files.isRegularFile(real)) {
        throw refused(path, "is not a regular file; give the path of a YAML file");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw refused(
            path,
            String.format(
                Locale.ROOT,
                "the file is over the limit of %,d bytes (limit: file size); check that this is"
                    + " the right file",
                MAX_BYTES));
      }
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw refused(path, "not UTF-8 text (limit: text only); save the file as UTF-8");
    } catch (IOException e) {
      throw new MaskingException(
          path
              + ": cannot read the masking file ("
              + e.getClass().getSimpleName()
              + "); check the path",
          e);
    }
  }

  /**
   * The first limit {@code text} breaks as {@code file:line:column: message}: a control character,
   * nesting deeper than {@link #MAX_DEPTH}, more than {@link #MAX_ALIASES} aliases. The YAML parser
   * is iterative; only the composer that runs after this check recurses.
   */
  static Optional<String> problem(String file, String text, LoadSettings settings) {
    for (int i = 0, line = 1, column = 1; i < text.length(); i++, column++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 0;
      } else if ((c < 0x20 && c != '\t' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "%s:%d:%d: control character U+%04X is not allowed (limit: text only); remove it",
                file,
                line,
                column,
                (int) c));
      }
    }
    int depth = 0;
    int aliases = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      Event.ID id = event.getEventId();
      if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
        if (++depth > MAX_DEPTH) {
          return Optional.of(
              at(file, event)
                  + "lists and mappings are nested more than "
                  + MAX_DEPTH
                  + " levels deep (limit: nesting depth); check the indentation and brackets");
        }
      } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
        depth--;
      } else if (id == Event.ID.Alias && ++aliases > MAX_ALIASES) {
        return Optional.of(
            at(file, event)
                + "more than "
                + MAX_ALIASES
                + " aliases (limit: aliases); write the values out instead of *aliases");
      }
    }
    return Optional.empty();
  }

  private static String at(String file, Event event) {
    Optional<Mark> mark = event.getStartMark();
    return mark.map(m -> file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1) + ": ")
        .orElse(file + ": ");
  }

  private static MaskingException refused(Path path, String message) {
    return new MaskingException(path + ": " + message);
  }
}
