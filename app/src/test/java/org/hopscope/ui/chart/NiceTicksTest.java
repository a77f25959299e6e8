package org.hopscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.MetricSeries.Point;
import org.hopscope.model.TimeWindow;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

class NiceTicksTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void stepsAreOneTwoTwoAndAHalfOrFiveTimesAPowerOfTenAndFew() {
    assertThat(NiceTicks.step(1, 8)).isEqualTo(0.2);
    assertThat(NiceTicks.step(1.05, 8)).isEqualTo(0.2);
    assertThat(NiceTicks.step(94.5, 8)).isEqualTo(20);
    assertThat(NiceTicks.step(2, 8)).isEqualTo(0.5);
    assertThat(NiceTicks.step(1.6, 8)).isEqualTo(0.25);
    assertThat(NiceTicks.step(17, 8)).isEqualTo(2.5);
    assertThat(NiceTicks.step(12_000, 6)).isEqualTo(2500);
    assertThat(NiceTicks.step(0.003, 4)).isEqualTo(0.001);
    assertThat(NiceTicks.step(0, 8)).isEqualTo(1);
    assertThat(NiceTicks.step(Double.NaN, 8)).isEqualTo(1);
    for (double span = 0.01; span < 1e7; span *= 1.37) {
      for (int max = 3; max <= 8; max++) {
        double step = NiceTicks.step(span, max);
        int labels = (int) Math.floor(span / step + 1e-9) + 1;
        assertThat(labels).as("span %s max %s step %s", span, max, step).isBetween(2, max);
      }
    }
  }

  @Test
  void labelsPerLengthAndDecimalsPerStep() {
    assertThat(NiceTicks.labelsFor(400, 48, 8)).isEqualTo(8);
    assertThat(NiceTicks.labelsFor(150, 48, 8)).isEqualTo(4);
    assertThat(NiceTicks.labelsFor(10, 48, 8)).isEqualTo(2);
    assertThat(NiceTicks.decimals(0.25)).isEqualTo(2);
    assertThat(NiceTicks.decimals(0.2)).isEqualTo(1);
    assertThat(NiceTicks.decimals(2.5)).isEqualTo(1);
    assertThat(NiceTicks.decimals(20)).isZero();
  }

  @Test
  void tickLabelsCarryTheUnit() {
    assertThat(new TickFormat("msg/s", 20).format(80)).isEqualTo("80 msg/s");
    assertThat(new TickFormat("msg/s", 0.2).format(0.4)).isEqualTo("0.4 msg/s");
    assertThat(new TickFormat("req/s", 2500).format(12_500)).isEqualTo("12.5k req/s");
    assertThat(new TickFormat("s", 0.25).format(0.5)).isEqualTo("500 ms");
    assertThat(new TickFormat("s", 0.025).format(0.075)).isEqualTo("75 ms");
    assertThat(new TickFormat("s", 2.5).format(5)).isEqualTo("5.0 s");
    assertThat(new TickFormat("ms", 2000).format(4000)).isEqualTo("4 s");
    assertThat(new TickFormat("ms", 50).format(150)).isEqualTo("150 ms");
    assertThat(new TickFormat("ratio", 0.2).format(0.4)).isEqualTo("40 %");
    assertThat(new TickFormat("ratio", 0.025).format(0.05)).isEqualTo("5.0 %");
    assertThat(new TickFormat("%", 5).format(15)).isEqualTo("15 %");
    assertThat(new TickFormat("", 0.25).format(0.5)).isEqualTo("0.50");
    assertThat(new TickFormat("", 2e6).format(4e6)).isEqualTo("4M");
    assertThat(new TickFormat("messages", 1).format(-0.0)).isEqualTo("0 messages");
  }

  @Test
  void aDrawnChartHasFewValueLabelsWithItsUnitAndReadableTimes() {
    TimeChart chart = new TimeChart(ChartTheme.DARK);
    chart.show(model("ratio", 1));
    draw(chart, 600, 400);
    NumberAxis value = (NumberAxis) chart.plot().getRangeAxis();
    assertThat(value.getTickUnit().getSize()).isEqualTo(0.2);
    assertThat(value.getTickUnit().valueToString(0.4)).isEqualTo("40 %");
    DateAxis time = (DateAxis) chart.plot().getDomainAxis();
    assertThat(time.getTickUnit().getUnitType()).isEqualTo(DateTickUnitType.MINUTE);
    assertThat(time.getTickUnit().getMultiple()).isEqualTo(2);

    chart.show(model("msg/s", 90));
    draw(chart, 600, 400);
    assertThat(value.getTickUnit().getSize()).isEqualTo(20);
    assertThat(value.getTickUnit().valueToString(80)).isEqualTo("80 msg/s");
    draw(chart, 300, 170); // a small chart: fewer labels
    assertThat(value.getTickUnit().getSize()).isEqualTo(50);
    assertThat(time.getTickUnit().getMultiple()).isEqualTo(5);
  }

  private static void draw(TimeChart chart, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      chart.chart().draw(g, new Rectangle2D.Double(0, 0, w, h));
    } finally {
      g.dispose();
    }
  }

  /** One series rising from 0 to {@code top} over ten minutes. */
  private static ChartModel model(String unit, double top) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i <= 40; i++) {
      points.add(new Point(T0.plusSeconds(15L * i), top * i / 40));
    }
    return new ChartModel(
        "p",
        "q",
        unit,
        List.of(new ChartModel.Series("s", points)),
        List.of(),
        0,
        new TimeWindow(T0, T0.plusSeconds(600)),
        null);
  }
}
