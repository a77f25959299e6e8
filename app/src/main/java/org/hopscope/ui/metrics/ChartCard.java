package org.hopscope.ui.metrics;

import atlantafx.base.theme.Styles;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.chart.HopChart;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One panel of the metrics grid: title, unit, PromQL (copyable), the chart with its wrapping
 * legend, export button; "all 0 in this range" beside the title when every sample is 0, and a NO
 * DATA box instead of the chart when the query returned no series.
 */
final class ChartCard extends VBox {

  private final Label title = new Label();
  private final Label unit = new Label();
  private final Label query = new Label();
  private final Label footer = new Label();
  private final Label zeros = new Label();
  private final Label noData = new Label();
  private final VBox noDataBox;
  private final ChartLegend legend;
  private final HopChart chart;
  private ChartModel model;

  /**
   * @param evidence where "Save as evidence" goes, or null for no such button
   * @param saveEvidence called with the shown model when it is clicked (null when evidence is)
   */
  ChartCard(
      int index,
      ChartTheme theme,
      Consumer<ChartModel> export,
      ChartEvidenceTarget evidence,
      Consumer<ChartModel> saveEvidence) {
    getStyleClass().add("metrics-card");
    setId("metrics-card-" + index);
    chart = new HopChart(theme);
    chart.setId("metrics-chart-" + index);
    chart.setPrefHeight(280);
    chart.setMinHeight(120);
    legend = new ChartLegend(index);
    zeros.setId("metrics-zeros-" + index);
    zeros.getStyleClass().add("metrics-zeros");
    noData.setId("metrics-nodata-" + index);
    noData.getStyleClass().add("metrics-nodata-text");
    noData.setWrapText(true);
    Label noDataTitle = new Label("NO DATA");
    noDataTitle.getStyleClass().add("metrics-nodata-title");
    noDataBox = new VBox(6, new FontIcon(Feather.SLASH), noDataTitle, noData);
    noDataBox.getStyleClass().add("metrics-nodata");
    noDataBox.setAlignment(Pos.CENTER);
    noDataBox.setMaxSize(460, Region.USE_PREF_SIZE);
    StackPane plot = new StackPane(chart, noDataBox);
    plot.setMinHeight(120);
    VBox.setVgrow(plot, Priority.ALWAYS);

    title.getStyleClass().add("metrics-card-title");
    unit.getStyleClass().add("metrics-unit");
    Button copy = iconButton(Feather.COPY, "Copy PromQL");
    copy.setId("metrics-copy-" + index);
    copy.setOnAction(e -> copyQuery());
    Button save = iconButton(Feather.DOWNLOAD, "Export as PNG (1600\u00d7900)");
    save.setId("metrics-export-" + index);
    save.setOnAction(e -> export.accept(model));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox head = new HBox(8, title, unit, zeros, spacer, copy, save);
    if (evidence != null) {
      Button keep = iconButton(Feather.ARCHIVE, null);
      keep.setTooltip(null);
      keep.setId("metrics-evidence-" + index);
      keep.setOnAction(e -> saveEvidence.accept(model));
      head.getChildren()
          .add(
              org.hopscope.ui.look.DisabledTip.wrap(
                  keep,
                  evidence.available(),
                  "Save as evidence: this chart (PNG 1600\u00d7900) and its series",
                  evidence.unavailableReason()));
    }
    head.setAlignment(Pos.CENTER_LEFT);

    query.setId("metrics-query-" + index);
    query.getStyleClass().add("metrics-query");
    query.setTextOverrun(OverrunStyle.ELLIPSIS);
    query.setMinWidth(0);
    footer.getStyleClass().add("metrics-card-footer");
    footer.setId("metrics-marks-" + index);
    Region swatch = new Region();
    swatch.getStyleClass().add("metrics-mark-swatch");
    footer.setGraphic(swatch);
    getChildren().addAll(head, query, plot, legend, footer);
    setTheme(theme);
  }

  void setModel(ChartModel m) {
    model = m;
    title.setText(m.title());
    unit.setText(m.unit());
    unit.setVisible(!m.unit().isEmpty());
    unit.setManaged(!m.unit().isEmpty());
    query.setText(m.query());
    query.setTooltip(new Tooltip(m.query()));
    footer.setText(marksText(m));
    chart.setModel(m);
    String note = MetricsViewModel.dataNote(m);
    boolean none = m.data() == ChartModel.Data.NONE;
    boolean allZero = m.data() == ChartModel.Data.ALL_ZERO;
    zeros.setText(allZero ? note : "");
    zeros.setVisible(allZero);
    zeros.setManaged(allZero);
    noData.setText(none ? note.substring("NO DATA: ".length()) : "");
    noDataBox.setVisible(none);
    chart.setVisible(!none);
    legend.show(chart);
  }

  void setTheme(ChartTheme theme) {
    chart.setTheme(theme);
    legend.show(chart);
    setStyle("-fx-background-color: " + theme.backgroundCss() + ";");
  }

  HopChart chart() {
    return chart;
  }

  /** E.g. "3 events at this hop · 1 failed", or "100,000 events, one marker per time bucket". */
  static String marksText(ChartModel m) {
    NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
    n.setGroupingUsed(true);
    String events = n.format(m.eventCount()) + (m.eventCount() == 1 ? " event" : " events");
    StringBuilder text = new StringBuilder(events + " of the message at this hop");
    if (m.collapsed()) {
      text.append(", shown as ").append(n.format(m.events().size())).append(" markers (one per ");
      text.append("time bucket)");
    }
    long failed = m.events().stream().filter(ChartModel.EventMark::failure).count();
    if (failed > 0) {
      text.append(" \u00b7 failures in red");
    }
    if (m.outage() != null) {
      text.append(" \u00b7 shaded: outage window");
    }
    return text.toString();
  }

  private void copyQuery() {
    if (model != null) {
      ClipboardContent content = new ClipboardContent();
      content.putString(model.query());
      Clipboard.getSystemClipboard().setContent(content);
    }
  }

  private static Button iconButton(Feather icon, String tip) {
    Button b = new Button(null, new FontIcon(icon));
    b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
    b.setTooltip(new Tooltip(tip));
    return b;
  }
}
