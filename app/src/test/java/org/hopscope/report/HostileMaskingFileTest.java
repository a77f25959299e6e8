package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.config.FileLimits;
import org.hopscope.faults.Fault;
import org.hopscope.faults.HostileYaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The masking file is held to the same limits as every file Hopscope reads (its package keeps its
 * own copy of the numbers; the last test keeps them equal): one located MaskingException, no stack
 * overflow, and a link out of its folder is refused without quoting what it points at.
 */
@Fault(Fault.Area.FILES)
class HostileMaskingFileTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostileYaml.class,
      names = {"DEEP_BLOCK", "DEEP_FLOW", "ALIAS_BOMB", "NUL_BYTE", "ESCAPE_SEQUENCE"})
  void aHostileMaskingFileIsOneLocatedProblem(HostileYaml hostile) throws IOException {
    Path file = Files.write(dir.resolve("masking.yaml"), hostile.bytes("", ""));
    String message =
        switch (hostile) {
          case DEEP_BLOCK, DEEP_FLOW ->
              "lists and mappings are nested more than 50 levels deep (limit: nesting depth);"
                  + " check the indentation and brackets";
          case ALIAS_BOMB ->
              "more than 20 aliases (limit: aliases); write the values out instead of *aliases";
          case NUL_BYTE -> "control character U+0000 is not allowed (limit: text only); remove it";
          default -> "control character U+001B is not allowed (limit: text only); remove it";
        };

    assertThatThrownBy(() -> Masking.load(file))
        .isInstanceOf(MaskingException.class)
        .hasMessage(
            file
                + ":"
                + hostile.line
                + ":"
                + hostile.column
                + ": "
                + message
                + "\nFix the masking file (format: docs/post-mortem.md) and export again.");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostileYaml.class,
      names = {"INVALID_UTF8", "HUGE_FILE"})
  void anUnreadableMaskingFileIsRefusedByName(HostileYaml hostile) throws IOException {
    Path file = Files.write(dir.resolve("masking.yaml"), hostile.bytes("", ""));

    assertThatThrownBy(() -> Masking.load(file))
        .isInstanceOf(MaskingException.class)
        .hasMessage(
            file
                + ": "
                + (hostile == HostileYaml.HUGE_FILE
                    ? "the file is over the limit of 1,048,576 bytes (limit: file size); check"
                        + " that this is the right file"
                    : "not UTF-8 text (limit: text only); save the file as UTF-8"));
  }

  @Test
  void aLinkOutOfItsFolderIsRefusedWithoutQuotingTheTarget() throws IOException {
    Path secret = Files.writeString(dir.resolve("shadow"), "root:$6$SECRETHASH:19000:0:::\n");
    Path config = Files.createDirectories(dir.resolve("config"));
    Path link = Files.createSymbolicLink(config.resolve("masking.yaml"), secret);

    assertThatThrownBy(() -> Masking.configured(config))
        .isInstanceOf(MaskingException.class)
        .hasMessage(
            link
                + ": is a symbolic link to "
                + secret.toRealPath()
                + ", outside its folder "
                + config.toRealPath()
                + "; Hopscope does not follow links out of the folder: copy the file there")
        .hasMessageNotContaining("SECRETHASH");
  }

  @Test
  void aLongValueIsQuotedShortened() throws IOException {
    Path file =
        Files.writeString(dir.resolve("masking.yaml"), "builtins: " + "y".repeat(5_000) + "\n");

    assertThatThrownBy(() -> Masking.load(file))
        .isInstanceOf(MaskingException.class)
        .hasMessageNotContaining("y".repeat(200))
        .hasMessageContaining("y […] y")
        .hasMessageEndingWith(
            "yyyy'\nFix the masking file (format: docs/post-mortem.md) and export again.");
  }

  @Test
  void theLimitsAreThoseOfEveryOtherFile() {
    assertThat(MaskingFileLimits.MAX_BYTES).isEqualTo(FileLimits.MAX_BYTES);
    assertThat(MaskingFileLimits.MAX_DEPTH).isEqualTo(FileLimits.MAX_DEPTH);
    assertThat(MaskingFileLimits.MAX_ALIASES).isEqualTo(FileLimits.MAX_ALIASES);
  }
}
