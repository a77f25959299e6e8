package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile IDs and titles in the human output of {@code stuck} (from a fake Elasticsearch) and
 * {@code incident list/show} (from the local store): escaped, no raw control reaches stdout.
 */
@Fault(Fault.Area.HOSTILE_DATA)
class HostileOutputTest {

  static final String HOSTILE = "ord-\u001b[2J\u0007\r\nALL CLEAR\u202E-1";
  static final String SHOWN = "ord-\\e[2J\\x07\\r\\nALL CLEAR\\u202E-1";

  @TempDir Path dir;

  private static void noRawControl(CliRun run) {
    assertThat(run.out.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7F && c < 0xA0))
        .as(run.toString())
        .isEmpty();
    assertThat(run.out).doesNotContain("\u202E");
    assertThat(run.out.lines()).noneMatch(l -> l.startsWith("ALL CLEAR"));
  }

  @Test
  void stuckListsAHostileIdEscaped() throws Exception {
    String bucket =
        "{\"key\":{\"key\":"
            + TinyPath.quoted(HOSTILE)
            + "},\"doc_count\":1,\"first\":{\"value\":1795658400000},"
            + "\"last\":{\"value\":1795658400000},"
            + "\"failures\":{\"doc_count\":1,\"lastFailure\":{\"value\":1795658400000}}}";
    String answer =
        "{\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},"
            + "\"aggregations\":{\"keys\":{\"buckets\":["
            + bucket
            + "]}}}";
    try (FakeBackend es =
        new FakeBackend(
            r ->
                r.line().equals("POST /_msearch")
                    ? FakeBackend.Answer.json(TinyPath.msearch(r.body(), null))
                    : FakeBackend.Answer.json(answer))) {
      CliRun run =
          CliRun.run(
              "stuck",
              "--path",
              "tiny",
              "--es",
              es.url(),
              "--paths-dir",
              TinyPath.write(dir).toString(),
              "--from",
              TinyPath.FROM,
              "--to",
              TinyPath.TO);
      assertThat(run.exitCode).as(run.toString()).isZero();
      noRawControl(run);
      // the per-hop table comes first; the message is the line under the list's header
      java.util.List<String> lines = run.out.lines().toList();
      int header =
          lines.indexOf(
              String.format(
                  "%-14s %-22s %-23s  %s", "VERDICT", "HOP", "LAST SEEN (UTC)", "MESSAGE ID"));
      assertThat(header).as(run.out).isPositive();
      assertThat(lines.get(header + 1))
          .isEqualTo("FAILED         gateway                2026-11-26 02:00:00.000  " + SHOWN);
      CliRun json =
          CliRun.run(
              "stuck",
              "--path",
              "tiny",
              "--es",
              es.url(),
              "--paths-dir",
              TinyPath.write(dir).toString(),
              "--from",
              TinyPath.FROM,
              "--to",
              TinyPath.TO,
              "--json");
      assertThat(json.out)
          .contains("\"id\" : " + TinyPath.quoted(HOSTILE).replace("\\u001B", "\\u001B"));
    }
  }

  @Test
  void incidentTitlesAreEscaped() {
    CliRun open =
        CliRun.run(
            "incident",
            "open",
            "--title",
            HOSTILE,
            "--path",
            "orders\u001b[31m",
            "--from",
            TinyPath.FROM,
            "--to",
            TinyPath.TO);
    assertThat(open.exitCode).as(open.toString()).isZero();
    String id = open.out.strip();
    CliRun list = CliRun.run("incident", "list", "--search", "ALL CLEAR");
    noRawControl(list);
    assertThat(list.out.lines().filter(l -> l.startsWith(id + " ")))
        .singleElement()
        .asString()
        .endsWith(" " + SHOWN);
    CliRun show = CliRun.run("incident", "show", id);
    noRawControl(show);
    assertThat(show.out.lines().findFirst().orElseThrow())
        .startsWith("#" + id + " " + SHOWN + "  SEV3 OPEN  orders\\e[31m");
    assertThat(List.of(list.exitCode, show.exitCode)).containsOnly(0);
  }
}
