package org.hopscope.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the text of a file Hopscope is configured with, held to {@link FileLimits}: a regular file,
 * at most {@link FileLimits#MAX_BYTES}, UTF-8 without control characters. A symbolic link out of
 * the file's folder is refused when {@link Links#INSIDE_FOLDER}: a shared {@code queries/} or
 * {@code playbooks/} folder must not make Hopscope read (and quote in its errors) a file of the
 * user's elsewhere. Every problem is located and says what to do; nothing of the file is quoted.
 */
public final class ConfigFiles {

  /** Which symbolic links are followed. */
  public enum Links {
    /** Only links to files inside the link's own folder (shared folders: paths, playbooks). */
    INSIDE_FOLDER,
    /** Any link (the user's own configuration folder, e.g. profiles kept in a dotfiles repo). */
    ANY
  }

  private ConfigFiles() {}

  /**
   * The text of {@code file}, or empty when it cannot be used (the reason is added to {@code
   * problems}, which name the file).
   */
  public static Optional<String> read(Path file, Links links, Problems problems) {
    Optional<Path> real = resolve(file, links, problems);
    if (real.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(real.get(), LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(FileLimits.MAX_BYTES + 1);
      if (bytes.length > FileLimits.MAX_BYTES) {
        problems.wholeFile(
            "the file is "
                + FileLimits.number(Files.size(real.get()))
                + " bytes, over the limit of "
                + FileLimits.number(FileLimits.MAX_BYTES)
                + " bytes (limit: file size); check that this is the right file, or split it");
        return Optional.empty();
      }
    } catch (IOException e) {
      problems.wholeFile("cannot read: " + e.getClass().getSimpleName() + "; check the file");
      return Optional.empty();
    }
    return decode(bytes, problems).filter(text -> FileLimits.check(text, 1, problems));
  }

  /**
   * The text of {@code file} in the user's own configuration folder (links followed), for readers
   * that handle {@link IOException} themselves.
   *
   * @throws ConfigException when a limit is not kept (located)
   * @throws IOException when the file cannot be opened or read
   */
  public static String read(Path file) throws IOException {
    Problems problems = new Problems(file.toString());
    return read(file, Links.ANY, problems)
        .orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  /** Whether a folder listing should offer {@code file} to a reader (links are judged there). */
  public static boolean listable(Path file) {
    return Files.isRegularFile(file) || Files.isSymbolicLink(file);
  }

  private static Optional<Path> resolve(Path file, Links links, Problems problems) {
    Path real;
    try {
      real = file.toRealPath();
    } catch (NoSuchFileException e) {
      problems.wholeFile(
          Files.isSymbolicLink(file)
              ? "is a symbolic link to "
                  + target(file)
                  + ", which does not exist; fix or remove"
                  + " the link"
              : "no such file");
      return Optional.empty();
    } catch (IOException e) {
      String reason = e instanceof FileSystemException f ? f.getReason() : null;
      problems.wholeFile(
          Files.isSymbolicLink(file)
              ? "is a symbolic link that cannot be followed (links in a loop, or too many in a"
                  + " row); fix or remove the link"
              : "cannot be opened"
                  + (reason == null ? "" : " (" + reason.toLowerCase(Locale.ROOT) + ")")
                  + "; check the file and its permissions");
      return Optional.empty();
    }
    if (links == Links.INSIDE_FOLDER && Files.isSymbolicLink(file)) {
      Path folder = file.toAbsolutePath().getParent();
      Path realFolder;
      try {
        realFolder = folder.toRealPath();
      } catch (IOException e) {
        realFolder = folder;
      }
      if (!real.startsWith(realFolder)) {
        problems.wholeFile(
            "is a symbolic link to "
                + real
                + ", outside its folder "
                + folder
                + "; Hopscope does not follow links out of this folder (so it never reads or"
                + " quotes files elsewhere): copy the file into the folder, or link the whole"
                + " folder instead");
        return Optional.empty();
      }
    }
    if (!Files.isRegularFile(real)) {
      problems.wholeFile(
          "is not a regular file ("
              + (Files.isDirectory(real) ? "a folder" : "a device, pipe or socket")
              + "); Hopscope reads regular text files only");
      return Optional.empty();
    }
    return Optional.of(real);
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "a missing file";
    }
  }

  /** Strict UTF-8; a bad byte is reported at its line and column. */
  private static Optional<String> decode(byte[] bytes, Problems problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      String before = out.toString();
      int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
      int lineStart = before.lastIndexOf('\n') + 1;
      int column = 1 + before.codePointCount(lineStart, before.length());
      problems.at(
          line,
          column,
          String.format(
              Locale.ROOT,
              "not UTF-8 text: byte 0x%02X at offset %s is not part of a UTF-8 character"
                  + " (limit: text only); save the file as UTF-8",
              bytes[in.position()] & 0xff,
              FileLimits.number(in.position())));
      return Optional.empty();
    }
    out.flip();
    return Optional.of(out.toString());
  }
}
