package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConfigException;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.Problem;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.faults.HostileYaml;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.playbook.PlaybookReaderTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated hostile files of every kind Hopscope reads (path definitions, playbooks, connection
 * profiles; masking files in {@code HostileMaskingFileTest}): each gives exactly one located
 * problem naming the limit, nothing crashes or overflows the stack, and the good file beside it
 * still loads.
 */
@Fault(Fault.Area.FILES)
class HostileFilesTest {

  private static final String FRONT = "---\n";
  private static final String PLAYBOOK_REST = "id: bad\n---\n## Step {#step}\n";

  @TempDir Path dir;

  @ParameterizedTest(name = "path definitions: {0}")
  @EnumSource(HostileYaml.class)
  void aHostilePathDefinitionIsOneLocatedProblemAndTheGoodPathStillLoads(HostileYaml hostile)
      throws IOException {
    Path queries = Files.createDirectories(dir.resolve("queries"));
    Files.copy(Path.of("..", "queries", "orders.yaml"), queries.resolve("orders.yaml"));
    Path bad = queries.resolve("bad.yaml");
    Files.write(bad, hostile.bytes("", ""));

    PathCatalog catalog = new PathDefinitions().readDirectory(queries);

    assertThat(catalog.paths()).extracting(PathDef::name).containsExactly("orders");
    assertThat(catalog.problems())
        .containsExactly(
            new Problem(bad.toString(), hostile.line, hostile.column, hostile.message("")));
  }

  @ParameterizedTest(name = "playbooks: {0}")
  @EnumSource(HostileYaml.class)
  void aHostilePlaybookIsOneLocatedProblemAndTheGoodPlaybookStillLoads(HostileYaml hostile)
      throws IOException {
    Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
    Files.copy(PlaybookReaderTest.SAMPLE, playbooks.resolve("consumer-lag.md"));
    Path bad = playbooks.resolve("bad.md");
    Files.write(bad, hostile.bytes(FRONT, PLAYBOOK_REST));

    PlaybookCatalog catalog = PlaybookCatalog.readDirectory(playbooks);

    assertThat(catalog.playbooks()).extracting(Playbook::id).containsExactly("consumer-lag");
    int line = hostile.line == 0 ? 0 : hostile.line + 1; // the front matter starts on line 2
    String message = (hostile.inYaml ? "front matter: " : "") + hostile.message(FRONT);
    assertThat(catalog.problems())
        .containsExactly(new Problem(bad.toString(), line, hostile.column, message));
  }

  @ParameterizedTest(name = "profiles: {0}")
  @EnumSource(HostileYaml.class)
  void aHostileProfileIsOneLocatedProblem(HostileYaml hostile) throws IOException {
    ProfileStore store = new ProfileStore(new ConfigDirs(dir));
    Path profiles = Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(profiles.resolve("good.yaml"), "elasticsearch: {url: http://es:9200}\n");
    Path bad = profiles.resolve("bad.yaml");
    Files.write(bad, hostile.bytes("", ""));

    assertThatThrownBy(() -> store.load("bad"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            bad.toString(), hostile.line, hostile.column, hostile.message(""))));
    assertThat(store.load("good").elasticsearch().url().toString()).isEqualTo("http://es:9200");
  }

  /** Text handed over as a string (not a file) is held to the limit on code points. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void moreThanAMillionCodePointsIsALocatedProblem(String kind, Reader reader) {
    String text = "---\n" + "#\n".repeat(600_000);

    assertThatThrownBy(() -> reader.read(text))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            "text.in",
                            524_288,
                            1,
                            "the text has more than 1,048,576 characters (limit: code points);"
                                + " check that this is the right file, or split it")));
  }

  /** A playbook of more steps than anyone writes is refused before its blocks are parsed. */
  @ParameterizedTest(name = "{0} steps")
  @org.junit.jupiter.params.provider.ValueSource(ints = {201, 25_000})
  void tooManyStepsIsALocatedProblem(int steps) {
    String step = "## S {#s}\n```check\npromql: up\n```\n";
    String text = "---\nid: bad\n---\n" + step.repeat(steps);

    assertThatThrownBy(() -> new org.hopscope.playbook.PlaybookReader().parse(text, "bad.md"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new Problem(
                            "bad.md",
                            4 + 200 * 4,
                            1,
                            "more than 200 steps (limit: steps); split the playbook into several"
                                + " playbooks")));
  }

  /** Reads a text as one kind of file. */
  interface Reader {
    Object read(String text);
  }

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of("path definition", (Reader) t -> new PathDefinitions().parse(t, "text.in")),
        Arguments.of(
            "playbook",
            (Reader) t -> new org.hopscope.playbook.PlaybookReader().parse(t, "text.in")));
  }
}
