package org.hopscope.ui.metrics;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartPng;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.look.VerdictLook;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The hop metrics view ({@code #metrics-view}): a header naming the shown hop and its verdict, then
 * a grid of chart cards filling the space ({@link GridShape}), or an empty state saying why there
 * are none. Its preferred height is small: it takes the height its parent gives it and scrolls when
 * the cards need more, so it never squeezes what is laid out beside it (the path diagram).
 */
public final class MetricsView extends VBox {

  private static final double GAP = 14;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final MetricsViewModel vm;
  private final TaskRunner runner;
  private final ObjectProperty<ChartTheme> theme =
      new SimpleObjectProperty<>(this, "theme", ChartTheme.DARK);
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
  private final Label hopTitle = new Label();
  private final Label verdict = new Label();
  private final Label summary = new Label();
  private final Label status = new Label();
  private final Label warning = new Label();
  private final Label emptyText = new Label();
  private final VBox empty = new VBox(12);
  private final GridPane grid = new GridPane();
  private final ScrollPane scroll = new ScrollPane(grid);
  private final List<ChartCard> cards = new ArrayList<>();
  private int columns;
  private ChartEvidenceTarget evidence;

  /** A view of {@code vm} writing PNG exports through {@code runner}. */
  public MetricsView(MetricsViewModel vm, TaskRunner runner) {
    this.vm = vm;
    this.runner = runner;
    setId("metrics-view");
    getStyleClass().add("metrics-view");
    getStylesheets()
        .addAll(
            MetricsView.class.getResource("metrics.css").toExternalForm(), VerdictLook.STYLESHEET);

    hopTitle.setId("metrics-hop-title");
    hopTitle.getStyleClass().add(Styles.TITLE_3);
    verdict.setId("metrics-hop-verdict");
    summary.setId("metrics-summary");
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    status.setId("metrics-export-status");
    status.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    FontIcon icon = new FontIcon(Feather.ACTIVITY);
    icon.getStyleClass().add("metrics-header-icon");
    HBox header = new HBox(10, icon, hopTitle, verdict, summary, spacer, status);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("metrics-header");

    warning.setId("metrics-warning");
    warning.getStyleClass().add("metrics-warning");
    warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
    warning.setWrapText(true);
    warning.setMaxWidth(Double.MAX_VALUE);

    emptyText.setId("metrics-empty-text");
    emptyText.setWrapText(true);
    emptyText.getStyleClass().add("metrics-empty-text");
    FontIcon emptyIcon = new FontIcon(Feather.BAR_CHART_2);
    emptyIcon.getStyleClass().add("metrics-empty-icon");
    empty.getChildren().addAll(emptyIcon, emptyText);
    empty.setId("metrics-empty");
    empty.setAlignment(Pos.CENTER);
    empty.setMaxWidth(520);

    grid.setId("metrics-grid");
    grid.getStyleClass().add("metrics-grid");
    grid.setHgap(GAP);
    grid.setVgap(GAP);
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true); // few panels fill the view; many keep their minimum and scroll
    // the cards' own preferences (many rows of 280 px charts) must not reach the parent: a
    // hidden view of three panels once pushed the path diagram above it to nothing
    scroll.setPrefViewportHeight(240);
    scroll.setPrefViewportWidth(400);
    scroll.getStyleClass().add("metrics-scroll");
    StackPane body = new StackPane(scroll, empty);
    VBox.setVgrow(body, Priority.ALWAYS);
    getChildren().addAll(header, warning, body);

    vm.getCharts().addListener((javafx.collections.ListChangeListener<ChartModel>) c -> rebuild());
    vm.shownHopProperty().addListener(o -> header());
    vm.shownVerdictProperty().addListener(o -> header());
    vm.rangeProperty().addListener(o -> header());
    vm.emptyMessageProperty().addListener(o -> rebuild());
    vm.warningProperty().addListener(o -> header());
    theme.addListener((o, was, now) -> cards.forEach(card -> card.setTheme(now)));
    scroll.viewportBoundsProperty().addListener(o -> layoutCards());
    header();
    rebuild();
  }

  /**
   * The theme the charts are drawn in (default {@link ChartTheme#DARK}); set it on theme toggle.
   */
  public ObjectProperty<ChartTheme> themeProperty() {
    return theme;
  }

  /**
   * Gives every chart card a "Save as evidence" button ({@code metrics-evidence-N}) saving through
   * {@code target}; null removes it.
   */
  public void evidenceTarget(ChartEvidenceTarget target) {
    evidence = target;
    if (target != null) {
      target.confirmation().addListener((o, was, now) -> status.setText(now));
    }
    cards.clear();
    rebuild();
  }

  /** True once the view shows the current state: every chart drawn, or the empty state. */
  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  /** The chart cards' charts, in panel order (for tests and the shell). */
  public List<org.hopscope.ui.chart.HopChart> charts() {
    return cards.stream().map(ChartCard::chart).toList();
  }

  private void header() {
    String hop = vm.shownHopProperty().get();
    hopTitle.setText(hop == null ? "Hop metrics" : hop);
    VerdictLook.showIn(verdict, vm.shownVerdictProperty().get());
    verdict.setVisible(vm.shownVerdictProperty().get() != null);
    TimeWindow range = vm.rangeProperty().get();
    int events = vm.shownEventCountProperty().get();
    summary.setText(
        range == null
            ? ""
            : String.format(
                "%,d %s \u00b7 %s \u2013 %s",
                events,
                events == 1 ? "event" : "events",
                TIME.format(range.from()),
                TIME.format(range.to())));
    String w = vm.warningProperty().get();
    boolean showWarning = w != null && !vm.getCharts().isEmpty();
    warning.setText(showWarning ? w : "");
    warning.setVisible(showWarning);
    warning.setManaged(showWarning);
  }

  private void rebuild() {
    ready.set(false);
    List<ChartModel> models = vm.getCharts();
    if (cards.size() != models.size()) {
      cards.clear();
      for (int i = 0; i < models.size(); i++) {
        ChartCard card =
            new ChartCard(
                i,
                theme.get(),
                this::export,
                evidence,
                m -> evidence.save(vm.shownHopProperty().get(), m, theme.get()));
        card.chart().getCanvas().widthProperty().addListener(o -> checkReady());
        card.chart().getCanvas().heightProperty().addListener(o -> checkReady());
        cards.add(card);
      }
      columns = 0;
    }
    for (int i = 0; i < models.size(); i++) {
      cards.get(i).setModel(models.get(i));
    }
    String message = vm.emptyMessageProperty().get();
    emptyText.setText(message == null ? "" : message);
    empty.setVisible(models.isEmpty());
    scroll.setVisible(!models.isEmpty());
    layoutCards();
    header();
    checkReady();
  }

  private void layoutCards() {
    javafx.geometry.Bounds area = scroll.getViewportBounds();
    int wanted = GridShape.columns(cards.size(), area.getWidth(), area.getHeight(), GAP);
    if (wanted == columns && grid.getChildren().size() == cards.size()) {
      return;
    }
    columns = wanted;
    grid.getChildren().clear();
    grid.getColumnConstraints().clear();
    for (int c = 0; c < columns; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100.0 / columns);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    grid.getRowConstraints().clear();
    int rows = (cards.size() + columns - 1) / columns;
    for (int r = 0; r < rows; r++) {
      javafx.scene.layout.RowConstraints rc = new javafx.scene.layout.RowConstraints();
      rc.setVgrow(Priority.ALWAYS);
      rc.setPercentHeight(100.0 / rows);
      rc.setMinHeight(GridShape.MIN_HEIGHT);
      grid.getRowConstraints().add(rc);
    }
    for (int i = 0; i < cards.size(); i++) {
      ChartCard card = cards.get(i);
      card.setMinHeight(0);
      card.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      boolean last = i == cards.size() - 1;
      int span = last ? columns - i % columns : 1; // the last card takes the rest of its row
      grid.add(card, i % columns, i / columns, span, 1);
    }
  }

  private void checkReady() {
    ready.set(cards.stream().allMatch(c -> c.chart().isDrawn()));
  }

  private void export(ChartModel model) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export chart as PNG");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
    chooser.setInitialFileName(fileName(vm.shownHopProperty().get(), model.title()));
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file == null) {
      return;
    }
    ChartTheme t = theme.get();
    status.setText("Exporting " + file.getName() + "\u2026");
    runner.run(
        "export " + file.getName(),
        cancel -> {
          try {
            ChartPng.write(model, t, file.toPath(), ChartPng.WIDTH, ChartPng.HEIGHT);
            return file;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        done -> status.setText("Saved " + done),
        failure -> status.setText(failure.getMessage()));
  }

  /** E.g. {@code fulfilment-service-processing-outcomes.png}. */
  static String fileName(String hop, String title) {
    String slug = (hop == null ? "" : hop + "-") + title;
    return slug.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]+", "-") + ".png";
  }
}
