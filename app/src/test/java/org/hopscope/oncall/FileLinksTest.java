package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.Problem;
import org.hopscope.faults.Fault;
import org.hopscope.playbook.PlaybookReaderTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A path definition or playbook that is a symbolic link out of its folder is refused, and what it
 * points at is never quoted; loops and dangling links are located problems, not silently skipped; a
 * link inside the folder is read as usual.
 */
@Fault(Fault.Area.FILES)
class FileLinksTest {

  /** Looks like /etc/shadow: what a hostile link in a shared folder would make Hopscope quote. */
  private static final String SECRET = "root:$6$SECRETHASH$abcdefgh:19000:0:99999:7:::\n";

  @TempDir Path dir;

  /** A folder kind: its good file, its file name suffix and how the folder is read. */
  record Kind(String name, Path good, String suffix, Function<Path, Listing> read) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a folder read gave: the names that loaded and the problems. */
  record Listing(List<String> loaded, List<Problem> problems) {}

  static Stream<Arguments> kinds() {
    Kind paths =
        new Kind(
            "path definitions",
            Path.of("..", "queries", "orders.yaml"),
            ".yaml",
            d -> {
              var c = new PathDefinitions().readDirectory(d);
              return new Listing(c.paths().stream().map(p -> p.name()).toList(), c.problems());
            });
    Kind playbooks =
        new Kind(
            "playbooks",
            PlaybookReaderTest.SAMPLE,
            ".md",
            d -> {
              var c = PlaybookCatalog.readDirectory(d);
              return new Listing(c.playbooks().stream().map(p -> p.id()).toList(), c.problems());
            });
    return Stream.of(Arguments.of(paths), Arguments.of(playbooks));
  }

  private Path folderWithGoodFile(Kind kind) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder"));
    String name = kind.good().getFileName().toString();
    Files.copy(kind.good(), folder.resolve(name));
    return folder;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aLinkOutOfTheFolderIsRefusedWithoutQuotingItsTarget(Kind kind) throws IOException {
    Path folder = folderWithGoodFile(kind);
    Path secret = Files.writeString(dir.resolve("shadow"), SECRET);
    Path link = Files.createSymbolicLink(folder.resolve("evil" + kind.suffix()), secret);

    Listing listing = kind.read().apply(folder);

    assertThat(listing.loaded()).hasSize(1);
    assertThat(listing.problems())
        .containsExactly(
            new Problem(
                link.toString(),
                0,
                0,
                "is a symbolic link to "
                    + secret.toRealPath()
                    + ", outside its folder "
                    + folder.toAbsolutePath()
                    + "; Hopscope does not follow links out of this folder (so it never reads or"
                    + " quotes files elsewhere): copy the file into the folder, or link the whole"
                    + " folder instead"));
    assertThat(listing.problems().toString()).doesNotContain("SECRETHASH");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aLinkLoopIsALocatedProblemNotASilentSkip(Kind kind) throws IOException {
    Path folder = folderWithGoodFile(kind);
    Path a = folder.resolve("a" + kind.suffix());
    Path b = folder.resolve("b" + kind.suffix());
    Files.createSymbolicLink(a, b.getFileName());
    Files.createSymbolicLink(b, a.getFileName());

    Listing listing = kind.read().apply(folder);

    assertThat(listing.loaded()).hasSize(1);
    String cannot =
        ": is a symbolic link that cannot be followed (links in a loop, or too many in a row); fix"
            + " or remove the link";
    assertThat(listing.problems())
        .extracting(Problem::toString)
        .containsExactly(a + cannot, b + cannot);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aDanglingLinkIsALocatedProblem(Kind kind) throws IOException {
    Path folder = folderWithGoodFile(kind);
    Path link = Files.createSymbolicLink(folder.resolve("gone" + kind.suffix()), Path.of("nope"));

    Listing listing = kind.read().apply(folder);

    assertThat(listing.loaded()).hasSize(1);
    assertThat(listing.problems())
        .extracting(Problem::toString)
        .containsExactly(
            link + ": is a symbolic link to nope, which does not exist; fix or remove the link");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aLinkInsideTheFolderIsReadAsUsual(Kind kind) throws IOException {
    Path folder = folderWithGoodFile(kind);
    Path original = dir.resolve("original");
    Files.move(folder.resolve(kind.good().getFileName()), original);
    Files.createDirectories(folder.resolve("real"));
    Files.move(original, folder.resolve("real").resolve(kind.good().getFileName()));
    Files.createSymbolicLink(
        folder.resolve(kind.good().getFileName()),
        Path.of("real").resolve(kind.good().getFileName()));

    Listing listing = kind.read().apply(folder);

    assertThat(listing.problems()).isEmpty();
    assertThat(listing.loaded()).hasSize(1);
  }

  /** A folder that is itself a link (e.g. to a shared checkout) is read as usual. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void aLinkedFolderIsReadAsUsual(Kind kind) throws IOException {
    Path folder = folderWithGoodFile(kind);
    Path linked = Files.createSymbolicLink(dir.resolve("linked"), folder);

    Listing listing = kind.read().apply(linked);

    assertThat(listing.problems()).isEmpty();
    assertThat(listing.loaded()).hasSize(1);
  }
}
