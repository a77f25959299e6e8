package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.hopscope.oncall.PathsCheck.Finding;
import org.hopscope.oncall.PathsCheck.Kind;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.elastic.MappedFields;
import org.hopscope.source.elastic.MappedFields.MappedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of path definitions against a cluster, with a cluster made up per test. */
class PathsCheckerTest {

  @TempDir Path dir;

  private static final String YAML =
      """
      path: shop
      hops:
        - name: web
          sla: 1m
          sources:
            - index: web-logs-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [order_id]
            - index: web-spans-*
              kind: span
              fields:
                timestamp: "@timestamp"
                messageId: [order_id]
        - name: erp
          sla: 1m
          sources:
            - index: erp-secret
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [erp_no]
        - name: archive
          sla: 1m
          sources:
            - index: archive-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [order_id]
        - name: billing
          sources:
            - index: billing-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [order_id]
      links:
        - from: {hop: web, field: erp_no}
          to: {hop: erp, field: erp_no}
      """;

  /** A cluster: blind patterns, mappings per pattern, a pattern whose mapping fails. */
  private final Map<String, BlindSource> blind = new LinkedHashMap<>();

  private final Map<String, MappedFields> mappings = new LinkedHashMap<>();
  private final List<String> fieldCalls = new ArrayList<>();

  private final PathsChecker.Cluster cluster =
      new PathsChecker.Cluster() {
        @Override
        public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
          return patterns.stream().filter(blind::containsKey).map(blind::get).toList();
        }

        @Override
        public MappedFields fields(String pattern, Cancellation cancel) {
          fieldCalls.add(pattern);
          if (!mappings.containsKey(pattern)) {
            throw new SourceException(
                "Elasticsearch", SourceException.Kind.REJECTED, "field caps of " + pattern, null);
          }
          return mappings.get(pattern);
        }

        @Override
        public List<String> names(Cancellation cancel) {
          return List.of("archive-2026.05.01", "web-logs-2026.05.01");
        }
      };

  private static MappedFields mapping(String... nameType) {
    Map<String, List<MappedType>> fields = new LinkedHashMap<>();
    for (String pair : nameType) {
      String[] p = pair.split(" ");
      fields.put(p[0], List.of(new MappedType(p[1], true, true, List.of())));
    }
    return new MappedFields(List.of("i"), fields);
  }

  private PathsCheck check(PathCatalog catalog) {
    return new PathsChecker(cluster, Cancellation.none()).check(catalog);
  }

  @Test
  void eachReasonALinkFieldInOneSourceOfItsHopAndAFailedMappingAreReportedWhereWritten()
      throws Exception {
    Path file = Files.writeString(dir.resolve("shop.yaml"), YAML);
    blind.put("erp-secret", new BlindSource("erp-secret", Reason.NO_PRIVILEGE, "forbidden"));
    blind.put("archive-*", new BlindSource("archive-*", Reason.UNAVAILABLE, "HTTP 400 closed"));
    mappings.put("web-logs-*", mapping("@timestamp date", "order_id keyword", "erp_no keyword"));
    mappings.put("web-spans-*", mapping("@timestamp date", "order_id keyword"));

    PathsCheck check = check(new PathDefinitions().readDirectory(dir));

    String f = file.toString();
    assertThat(check.findings())
        .containsExactly(
            new Finding(
                f,
                19,
                16,
                "shop",
                "erp",
                "erp-secret",
                null,
                Kind.NO_PRIVILEGE,
                "this user may not read it (forbidden)",
                "grant the user's role the read and view_index_metadata privileges on"
                    + " erp-secret"),
            new Finding(
                f,
                27,
                16,
                "shop",
                "archive",
                "archive-*",
                null,
                Kind.UNAVAILABLE,
                "its indices cannot be searched (HTTP 400 closed)",
                "check whether they are closed or their shards unassigned"
                    + " (GET _cluster/health/archive-*?level=indices)"),
            new Finding(
                f,
                34,
                16,
                "shop",
                "billing",
                "billing-*",
                null,
                Kind.UNAVAILABLE,
                "its field mapping could not be read (field caps of billing-*)",
                null));
    assertThat(check.state()).isEqualTo(PathsCheck.State.PROBLEMS);
    assertThat(check.paths()).containsExactly("shop");
    assertThat(check.patterns()).isEqualTo(5);
    assertThat(check.summary()).isEqualTo("3 problems in 5 index patterns of 1 path");
    // one field mapping per readable pattern; none for the blind ones
    assertThat(fieldCalls).containsExactly("web-logs-*", "web-spans-*", "billing-*");
  }

  @Test
  void aLinkFieldNoSourceOfItsHopMapsIsMissingAtTheLink() throws Exception {
    Path file = Files.writeString(dir.resolve("shop.yaml"), YAML);
    for (String p : List.of("web-logs-*", "web-spans-*", "archive-*", "billing-*")) {
      mappings.put(p, mapping("@timestamp date", "order_id keyword"));
    }
    mappings.put("erp-secret", mapping("@timestamp date", "erp_no keyword"));

    PathsCheck check = check(new PathDefinitions().readDirectory(dir));

    assertThat(check.findings())
        .containsExactly(
            new Finding(
                file.toString(),
                40,
                29,
                "shop",
                "web",
                "web-logs-*",
                "erp_no",
                Kind.FIELD_MISSING,
                "not mapped in any index of the pattern",
                "check the name against the mapping; a field no document has had yet is not"
                    + " mapped (dynamic mapping): map it in the index template"),
            new Finding(
                file.toString(),
                40,
                29,
                "shop",
                "web",
                "web-spans-*",
                "erp_no",
                Kind.FIELD_MISSING,
                "not mapped in any index of the pattern",
                "check the name against the mapping; a field no document has had yet is not"
                    + " mapped (dynamic mapping): map it in the index template"));
  }

  @Test
  void allWellIsOkAndAFileThatDidNotLoadIsADefinitionProblem() throws Exception {
    Files.writeString(dir.resolve("shop.yaml"), YAML);
    for (String p : List.of("web-logs-*", "archive-*", "billing-*", "web-spans-*")) {
      mappings.put(p, mapping("@timestamp date", "order_id keyword", "erp_no keyword"));
    }
    mappings.put("erp-secret", mapping("@timestamp date", "erp_no keyword"));

    PathsCheck ok = check(new PathDefinitions().readDirectory(dir));
    assertThat(ok)
        .isEqualTo(new PathsCheck(PathsCheck.State.OK, List.of("shop"), 5, List.of(), null));
    assertThat(ok.summary()).isEqualTo("5 index patterns of 1 path readable, fields mapped");

    Path bad = Files.writeString(dir.resolve("z-bad.yaml"), "path: bad\nhops:\n  - nme: a\n");
    PathsCheck withBadFile = check(new PathDefinitions().readDirectory(dir));
    assertThat(withBadFile.state()).isEqualTo(PathsCheck.State.PROBLEMS);
    assertThat(withBadFile.findings())
        .isNotEmpty()
        .allSatisfy(
            finding -> {
              assertThat(finding.kind()).isEqualTo(Kind.DEFINITION);
              assertThat(finding.file()).isEqualTo(bad.toString());
              assertThat(finding.path()).isNull();
            });
    assertThat(withBadFile.findings().get(0).text())
        .isEqualTo(new PathDefinitions().readDirectory(dir).problems().get(0).toString());
  }

  @Test
  void aMisspeltPatternSuggestsTheNameItMostLikelyMeant() {
    List<String> names =
        List.of(
            "gateway-access-2026.05.01",
            "logs-fulfilment-2026.05.01",
            "logs-order-service-2026.05.01",
            "jaeger-span-2026-05-01",
            "orders-alias");
    assertThat(ClosestPattern.of("logs-fulfilmnet-*", names)).contains("logs-fulfilment-*");
    assertThat(ClosestPattern.of("gateway-acess-*", names)).contains("gateway-access-*");
    assertThat(ClosestPattern.of("jager-span-*", names)).contains("jaeger-span-*");
    assertThat(ClosestPattern.of("logs-fulfli*", names)).contains("logs-fulfil*");
    assertThat(ClosestPattern.of("orders-alais", names)).contains("orders-alias");
    assertThat(ClosestPattern.of("payments-*", names)).isEmpty();
    assertThat(ClosestPattern.of("ab*", names)).isEmpty();
  }
}
