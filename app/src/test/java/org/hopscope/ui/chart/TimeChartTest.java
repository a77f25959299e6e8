package org.hopscope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hopscope.model.MetricSeries.Point;
import org.hopscope.model.TimeWindow;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeChartTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private static ChartModel model(int markers) {
    List<ChartModel.EventMark> marks = new ArrayList<>();
    for (int i = 0; i < markers; i++) {
      marks.add(new ChartModel.EventMark(T0.plusSeconds(60 + i), 1, i == 1));
    }
    List<Point> up = new ArrayList<>();
    List<Point> down = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      up.add(new Point(T0.plusSeconds(15L * i), i));
      down.add(new Point(T0.plusSeconds(15L * i), i == 7 ? Double.POSITIVE_INFINITY : 40 - i));
    }
    return new ChartModel(
        "Consumer lag",
        "sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"})",
        "messages",
        List.of(
            new ChartModel.Series("partition=0", up), new ChartModel.Series("partition=1", down)),
        marks,
        markers,
        new TimeWindow(T0, T0.plusSeconds(600)),
        new TimeWindow(T0.plusSeconds(300), T0.plusSeconds(600)));
  }

  @Test
  void oneModelChangeIsOneChartChangeEvent() {
    TimeChart chart = new TimeChart(ChartTheme.DARK);
    int[] events = {0};
    chart.chart().addChangeListener(e -> events[0]++);
    chart.show(model(3));
    assertThat(events[0]).isEqualTo(1);
    chart.theme(ChartTheme.LIGHT);
    assertThat(events[0]).isEqualTo(2);

    assertThat(chart.plot().getDataset().getSeriesCount()).isEqualTo(2);
    assertThat(chart.plot().getDataset().getItemCount(1)).isEqualTo(40);
    assertThat(chart.plot().getDataset().getYValue(1, 7)).isNaN();
    List<?> fg = new ArrayList<>(chart.plot().getDomainMarkers(Layer.FOREGROUND));
    assertThat(fg).hasSize(3);
    assertThat(((ValueMarker) fg.get(0)).getValue()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
    assertThat(((ValueMarker) fg.get(1)).getPaint()).isEqualTo(ChartTheme.LIGHT.failure());
    assertThat(((ValueMarker) fg.get(0)).getPaint()).isEqualTo(ChartTheme.LIGHT.event());
    List<?> bg = new ArrayList<>(chart.plot().getDomainMarkers(Layer.BACKGROUND));
    assertThat(bg).hasSize(1);
    assertThat(((IntervalMarker) bg.get(0)).getStartValue())
        .isEqualTo(T0.plusSeconds(300).toEpochMilli());
    assertThat(chart.plot().getDomainAxis().getRange().getLowerBound())
        .isEqualTo(T0.toEpochMilli());
    assertThat(chart.plot().getDomainAxis().getRange().getUpperBound())
        .isEqualTo(T0.plusSeconds(600).toEpochMilli());
    assertThat(chart.plot().getRangeAxis().getLabel()).isNull(); // the ticks carry the unit

    assertThat(chart.plot().getRangeAxis().isAutoRange()).isTrue();

    ChartModel flat = model(0);
    List<Point> zeros = List.of(new Point(T0, 0), new Point(T0.plusSeconds(15), 0));
    chart.show(
        new ChartModel(
            flat.title(),
            flat.query(),
            "",
            List.of(new ChartModel.Series("z", zeros)),
            List.of(),
            0,
            flat.range(),
            null));
    assertThat(events[0]).isEqualTo(3);
    assertThat(chart.plot().getRangeAxis().getRange().getLowerBound()).isEqualTo(0.0);
    assertThat(chart.plot().getRangeAxis().getRange().getUpperBound()).isEqualTo(1.0);
    assertThat(chart.plot().getRangeAxis().getLabel()).isNull();
    assertThat(chart.plot().getDomainMarkers(Layer.FOREGROUND)).isNull();
  }

  @Test
  void exportWritesAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("lag.png");
    ChartPng.write(model(5), ChartTheme.DARK, file, 1600, 900);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(900);
    assertThat(image.getRGB(2, 2) & 0xffffff).isEqualTo(0x161b22);
    Path light = Path.of("target/screenshots/metrics-export-light.png");
    Files.createDirectories(light.getParent());
    ChartPng.write(model(5), ChartTheme.LIGHT, light, 1600, 900);
    assertThat(ImageIO.read(light.toFile()).getRGB(2, 2) & 0xffffff).isEqualTo(0xffffff);
  }
}
