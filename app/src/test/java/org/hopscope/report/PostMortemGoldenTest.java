package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

/**
 * Pins the post-mortem of {@link SandboxIncident} to {@code postmortem-golden.md}. After an
 * intended change to the output, regenerate with {@code -Dhopscope.golden.update=true} (the test
 * then rewrites the file under src/test/resources and fails, so that the diff is reviewed and the
 * test re-run without the property; it never passes while updating).
 */
class PostMortemGoldenTest {

  private static final String GOLDEN = "postmortem-golden.md";
  private static final Path SOURCE =
      Path.of("src/test/resources/org/hopscope/report").resolve(GOLDEN);

  static Masking masking() {
    return Masking.defaults().withFields(List.of("customer.name"));
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void matchesTheGoldenFile() throws IOException {
    Map<String, byte[]> images = new LinkedHashMap<>();
    String markdown = PostMortemWriter.write(SandboxIncident.input(), masking(), images::put);

    if (Boolean.getBoolean("hopscope.golden.update")) {
      Files.writeString(SOURCE, markdown, StandardCharsets.UTF_8);
      fail(
          "updated "
              + SOURCE.toAbsolutePath()
              + "; review the diff, then re-run without"
              + " -Dhopscope.golden.update=true");
    }
    assertThat(markdown).isEqualTo(golden());
    assertThat(images).containsOnlyKeys("images/2-fulfilment-service-processing-outcomes.png");
    assertThat(images.get("images/2-fulfilment-service-processing-outcomes.png"))
        .isEqualTo(SandboxIncident.CHART_PNG);
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void secretsInTheStoryDoNotSurvive() throws IOException {
    String markdown = PostMortemWriter.write(SandboxIncident.input(), masking(), (path, png) -> {});
    assertThat(markdown)
        .doesNotContain(
            "jane.doe@",
            "support-lead@",
            "4111 1111 1111 1111",
            "4111111111111111",
            "eyJhbGciOiJIUzI1NiJ9",
            "Winter2026",
            "Jane Doe")
        .contains(
            "j***@example.com",
            "s***@example.com",
            "**** **** **** 1111",
            "Bearer ***",
            "password=***");
  }

  @Test
  void sameInputSameOutput() throws IOException {
    String first = PostMortemWriter.write(SandboxIncident.input(), masking(), (p, b) -> {});
    String second = PostMortemWriter.write(SandboxIncident.input(), masking(), (p, b) -> {});
    assertThat(second).isEqualTo(first);
  }

  private static String golden() throws IOException {
    try (InputStream in = PostMortemGoldenTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null) {
        fail(GOLDEN + " is missing; create it with -Dhopscope.golden.update=true and review it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
