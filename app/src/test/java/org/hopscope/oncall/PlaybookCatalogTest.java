package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hopscope.config.Problem;
import org.hopscope.faults.Fault;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.playbook.PlaybookReaderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory with bad files still yields its good playbooks, and suggestions rank by fit. */
class PlaybookCatalogTest {

  @TempDir Path dir;

  @Test
  @Fault(Fault.Area.FILES)
  void keepsTheValidPlaybooksBesideTheProblemsOfInvalidOnes() throws IOException {
    String sample = Files.readString(PlaybookReaderTest.SAMPLE);
    Files.writeString(dir.resolve("consumer-lag.md"), sample);
    Files.writeString(
        dir.resolve("broken.md"),
        sample
            .replace("id: consumer-lag", "id: broken")
            .replaceFirst("\n---\n# Kafka", "\n# Kafka"));
    Files.writeString(dir.resolve("README.md"), "# not a playbook\n");
    Files.writeString(dir.resolve("notes.txt"), "not a playbook either\n");

    PlaybookCatalog catalog = PlaybookCatalog.readDirectory(dir);

    assertThat(catalog.playbooks())
        .containsExactly(PlaybookReaderTest.expected(dir.resolve("consumer-lag.md").toString()));
    assertThat(catalog.problems())
        .containsExactly(
            new Problem(
                dir.resolve("broken.md").toString(),
                1,
                1,
                "the front matter opened by '---' on line 1 is never closed; add a line '---'"
                    + " after its last key, before the Markdown"));
    assertThat(catalog.allValid()).isFalse();
    assertThat(catalog.playbook("consumer-lag")).isPresent();
    assertThat(catalog.playbook("broken")).isEmpty();
  }

  @Test
  @Fault(Fault.Area.FILES)
  void aMissingDirectoryIsOneProblem() {
    PlaybookCatalog catalog = PlaybookCatalog.readDirectory(dir.resolve("nope"));

    assertThat(catalog.playbooks()).isEmpty();
    assertThat(catalog.problems())
        .extracting(Problem::toString)
        .containsExactly(
            dir.resolve("nope") + ": no such directory; playbooks are read from *.md files in it");
  }

  @Test
  void suggestsByAlertThenHopThenPath() {
    PlaybookCatalog catalog =
        new PlaybookCatalog(
            List.of(
                playbook("generic", List.of(), List.of(), List.of()),
                playbook(
                    "gateway-auth", List.of("orders"), List.of("api-gateway"), List.of("Gw401")),
                playbook(
                    "consumer-lag",
                    List.of("orders"),
                    List.of("fulfilment-service"),
                    List.of("Lag")),
                playbook("erp-timeouts", List.of("orders"), List.of("erp-adapter"), List.of()),
                playbook("billing", List.of("billing"), List.of(), List.of("Lag2"))),
            List.of());

    assertThat(catalog.suggest("orders", "fulfilment-service", null))
        .extracting(Playbook::id)
        .containsExactly("consumer-lag", "erp-timeouts", "gateway-auth", "generic");
    assertThat(catalog.suggest("orders", "fulfilment-service", "Gw401"))
        .extracting(Playbook::id)
        .containsExactly("gateway-auth", "consumer-lag", "erp-timeouts", "generic");
    assertThat(catalog.suggest("orders", null, "Lag2"))
        .extracting(Playbook::id)
        .containsExactly("billing", "consumer-lag", "erp-timeouts", "gateway-auth", "generic");
    assertThat(catalog.suggest(null, null, null))
        .extracting(Playbook::id)
        .containsExactly("billing", "consumer-lag", "erp-timeouts", "gateway-auth", "generic");
  }

  private static Playbook playbook(
      String id, List<String> paths, List<String> hops, List<String> alerts) {
    return new Playbook(
        id, id, new Playbook.AppliesTo(paths, hops, alerts), List.of(), List.of(), id + ".md");
  }
}
