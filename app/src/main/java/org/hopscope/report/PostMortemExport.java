package org.hopscope.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a post-mortem to disk: the Markdown file and, beside it, an {@code images/} folder with
 * the chart images it links to.
 */
public final class PostMortemExport {

  private PostMortemExport() {}

  /**
   * Writes {@code outMd} (replacing it; its folder is created when missing) and {@code
   * images/<n>-<slug>.png} files in its folder. The Markdown is written last, through a temporary
   * file, so a half-written file never appears.
   *
   * @return the Markdown written
   * @throws IOException when a file cannot be written (the message names it)
   */
  public static String toFile(PostMortemInput input, Masking masking, Path outMd)
      throws IOException {
    Path dir = Files.createDirectories(outMd.toAbsolutePath().getParent());
    String markdown =
        PostMortemWriter.write(
            input,
            masking,
            (relativePath, png) -> {
              Path image = dir.resolve(relativePath);
              Files.createDirectories(image.getParent());
              Files.write(image, png);
            });
    Path tmp = dir.resolve(outMd.getFileName() + ".tmp");
    Files.writeString(tmp, markdown, StandardCharsets.UTF_8);
    Files.move(tmp, outMd, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return markdown;
  }
}
