package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

class SeriesSnapshotTest {

  @Test
  void readsTheChartEvidenceBack() {
    String json =
        """
        {"hop": "fulfilment", "panel": "Consumer lag", "query": "sum(lag)", "unit": "msgs",
         "from": "2026-11-26T02:00:00Z", "to": "2026-11-26T03:00:00Z",
         "series": [{"label": "partition=0", "points": [[1795000000, 12], [1795000015.25, "NaN"]]},
                    {"label": "partition=1", "points": []}]}
        """;

    SeriesSnapshot s = SeriesSnapshot.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(s.hop()).isEqualTo("fulfilment");
    assertThat(s.panel()).isEqualTo("Consumer lag");
    assertThat(s.unit()).isEqualTo("msgs");
    assertThat(s.range())
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2026-11-26T02:00:00Z"), Instant.parse("2026-11-26T03:00:00Z")));
    assertThat(s.series()).hasSize(2);
    assertThat(s.series().get(0).points())
        .containsExactly(
            new MetricSeries.Point(Instant.ofEpochSecond(1795000000), 12),
            new MetricSeries.Point(Instant.ofEpochSecond(1795000015, 250_000_000), Double.NaN));
    assertThat(s.series().get(1).points()).isEmpty();
  }

  @Test
  void notSeriesSaysSo() {
    assertThatThrownBy(() -> SeriesSnapshot.read("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FlowJsonReader.Unreadable.class)
        .hasMessage("not a metric series JSON document: no \"series\" array");
    assertThatThrownBy(
            () ->
                SeriesSnapshot.read(
                    "{\"series\":[{\"label\":\"x\",\"points\":[[\"t\",1]]}]}"
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FlowJsonReader.Unreadable.class)
        .hasMessageStartingWith("metric series JSON: cannot read it: a point is not");
  }
}
