package org.hopscope.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hopscope.oncall.PathsCheck;
import org.hopscope.oncall.PathsCheck.Finding;
import org.hopscope.oncall.PathsCheck.Kind;
import org.hopscope.ui.status.SourceHealth.Level;
import org.junit.jupiter.api.Test;

class PathsCheckTextTest {

  private static final Finding NO_INDEX =
      new Finding(
          "/srv/queries/orders.yaml",
          25,
          16,
          "orders",
          "fulfilment-service",
          "logs-fulfilmnet-*",
          null,
          Kind.NO_INDEX,
          "no index matches it",
          "did you mean logs-fulfilment-*?");
  private static final Finding DEFINITION =
      new Finding(
          "/srv/queries/bad.yaml",
          0,
          0,
          null,
          null,
          null,
          null,
          Kind.DEFINITION,
          "the file is empty",
          null);

  @Test
  void aBrokenPatternIsAWarningListingEveryProblemWithItsFileAndLine() {
    PathsCheck check =
        new PathsCheck(
            PathsCheck.State.PROBLEMS, List.of("orders"), 7, List.of(NO_INDEX, DEFINITION), null);

    assertThat(PathsCheckText.shown(check)).isTrue();
    assertThat(PathsCheckText.level(check)).isEqualTo(Level.DEGRADED);
    assertThat(PathsCheckText.text(check))
        .isEqualTo(
            "2 problems in 7 index patterns of 1 path\n"
                + "• orders.yaml:25 · path orders, hop fulfilment-service, index"
                + " logs-fulfilmnet-*: no index matches it; did you mean logs-fulfilment-*?\n"
                + "• bad.yaml · the file is empty");
  }

  @Test
  void allWellIsGreenAFailedCheckAWarningWithItsErrorAndNotCheckedHidden() {
    PathsCheck ok = new PathsCheck(PathsCheck.State.OK, List.of("a", "b"), 1, List.of(), null);
    assertThat(PathsCheckText.level(ok)).isEqualTo(Level.HEALTHY);
    assertThat(PathsCheckText.text(ok))
        .isEqualTo("1 index pattern of 2 paths readable, fields mapped");

    PathsCheck failed = PathsCheck.failed(List.of("a"), "Elasticsearch at http://es:9200 said no");
    assertThat(PathsCheckText.level(failed)).isEqualTo(Level.DEGRADED);
    assertThat(PathsCheckText.text(failed))
        .isEqualTo("check failed\nElasticsearch at http://es:9200 said no");

    assertThat(PathsCheckText.shown(PathsCheck.notChecked())).isFalse();
  }
}
