package org.hopscope.ui.alerts;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.alert.PathAlert;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The alerts badge ("4 firing", in the navigation bar) and the panel it opens below it: the current
 * path's active alerts, one row each (state, severity, name, hop, since when, summary, its
 * playbook), with what the list is based on, as of when, and any backend that could not be read.
 * Clicking a row with a playbook link opens that playbook over the alert's window.
 */
public final class AlertsView {

  private static final double MAX_ROWS_HEIGHT = 240;

  private final AlertsViewModel vm;
  private final DateTimeFormatter time;
  private final ToggleButton badge = new ToggleButton();
  private final VBox panel = new VBox(6);
  private final GridPane rows = new GridPane();
  private final Label headline = new Label();
  private final Label basis = new Label();
  private final VBox problems = new VBox(2);

  public AlertsView(AlertsViewModel vm, ZoneId zone) {
    this.vm = vm;
    this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    badge.setId("alerts-badge");
    badge.getStyleClass().addAll(Styles.SMALL, "alerts-badge");
    badge.setGraphic(new FontIcon(Feather.BELL));
    badge.getStylesheets().add(AlertsView.class.getResource("alerts.css").toExternalForm());
    badge.textProperty().bind(vm.badgeProperty());
    badge.setMinWidth(Region.USE_PREF_SIZE);
    badge.setTooltip(new Tooltip("Active alerts of this path (Prometheus, Alertmanager)"));
    badge.selectedProperty().bindBidirectional(vm.openProperty());
    vm.badgeProperty().addListener((o, a, b) -> badgeLook());
    badgeLook();
    buildPanel();
    vm.reportProperty().addListener((o, a, b) -> fill());
    vm.problemProperty().addListener((o, a, b) -> fill());
    fill();
  }

  /** The badge for the navigation bar. */
  public Node badge() {
    return badge;
  }

  /** The panel, shown while the badge is on. */
  public Node panel() {
    return panel;
  }

  private void badgeLook() {
    badge.getStyleClass().removeAll("alerts-badge-firing", "alerts-badge-doubt");
    String text = vm.badgeProperty().get();
    if (text.contains("firing")) {
      badge.getStyleClass().add("alerts-badge-firing");
    } else if (text.contains("pending") || text.contains("unknown") || text.endsWith("?")) {
      badge.getStyleClass().add("alerts-badge-doubt");
    }
  }

  private void buildPanel() {
    panel.setId("alerts-panel");
    panel.getStyleClass().add("alerts-panel");
    panel.getStylesheets().add(AlertsView.class.getResource("alerts.css").toExternalForm());
    panel.visibleProperty().bind(vm.openProperty());
    panel.managedProperty().bind(vm.openProperty());
    headline.setId("alerts-headline");
    headline.getStyleClass().add(Styles.TEXT_BOLD);
    headline.setWrapText(true);
    basis.setId("alerts-basis");
    basis.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    basis.setMinWidth(Region.USE_PREF_SIZE);
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(16, 16);
    spinner.visibleProperty().bind(vm.loadingProperty());
    spinner.managedProperty().bind(vm.loadingProperty());
    Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
    refresh.setId("alerts-refresh");
    refresh.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    refresh.setMinWidth(Region.USE_PREF_SIZE);
    refresh.setOnAction(e -> vm.refresh());
    refresh.disableProperty().bind(vm.loadingProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("alerts-cancel");
    cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    cancel.setMinWidth(Region.USE_PREF_SIZE);
    cancel.visibleProperty().bind(vm.loadingProperty());
    cancel.managedProperty().bind(vm.loadingProperty());
    cancel.setOnAction(e -> vm.cancel());
    Button close = new Button(null, new FontIcon(Feather.X));
    close.setId("alerts-close");
    close.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
    close.setTooltip(new Tooltip("Hide the alerts"));
    close.setOnAction(e -> vm.openProperty().set(false));
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox.setHgrow(headline, Priority.SOMETIMES);
    HBox head = new HBox(10, headline, basis, gap, spinner, cancel, refresh, close);
    head.setAlignment(Pos.CENTER_LEFT);
    rows.setHgap(12);
    rows.setVgap(4);
    ColumnConstraints fixed = new ColumnConstraints();
    fixed.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints grow = new ColumnConstraints();
    grow.setHgrow(Priority.ALWAYS);
    grow.setMinWidth(140);
    rows.getColumnConstraints().addAll(fixed, fixed, fixed, fixed, fixed, grow, fixed);
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.prefViewportHeightProperty().bind(Bindings.min(MAX_ROWS_HEIGHT, rows.heightProperty()));
    scroll.getStyleClass().add("alerts-scroll");
    rows.setId("alerts-rows");
    panel.getChildren().addAll(head, problems, scroll);
    panel.getStyleClass().add(org.hopscope.ui.look.ElisionCheck.ESSENTIAL);
  }

  private void fill() {
    AlertsReport r = vm.reportProperty().get();
    problems.getChildren().clear();
    rows.getChildren().clear();
    if (r == null) {
      String why = vm.problemProperty().get();
      headline.setText(why.isEmpty() ? "Reading the alerts…" : why);
      basis.setText("");
      return;
    }
    headline.setText(r.headline());
    basis.setText("as of " + time.format(r.asOf()) + " · " + r.basedOn());
    for (String p : r.problems()) {
      Label l = new Label(p, new FontIcon(Feather.ALERT_TRIANGLE));
      l.getStyleClass().addAll(Styles.WARNING, "alerts-problem");
      l.setWrapText(true);
      problems.getChildren().add(l);
    }
    int i = 0;
    for (PathAlert a : r.alerts()) {
      rows.addRow(i++, row(a, r.asOf()));
    }
  }

  /** One alert's cells: state, name, severity, hop, since, summary, its playbook button. */
  private Node[] row(PathAlert a, Instant asOf) {
    Label state = new Label(a.state().word().toUpperCase(java.util.Locale.ROOT));
    state.getStyleClass().addAll("alert-state", "alert-state-" + a.state().word());
    state.setMinWidth(Region.USE_PREF_SIZE);
    Label name = new Label(a.name());
    name.setId("alert-" + a.name());
    name.getStyleClass().addAll(Styles.TEXT_BOLD, "alert-name");
    name.setMinWidth(Region.USE_PREF_SIZE);
    name.setTooltip(new Tooltip("From " + a.originText() + ", matched by " + a.matchedBy()));
    Label severity = new Label(a.severity() == null ? "-" : a.severity());
    severity.getStyleClass().add(Styles.TEXT_MUTED);
    severity.setMinWidth(Region.USE_PREF_SIZE);
    Label hop =
        new Label(a.hop() == null ? "(whole path)" : a.hop(), new FontIcon(Feather.GIT_COMMIT));
    hop.setMinWidth(Region.USE_PREF_SIZE);
    Label since =
        new Label(
            a.since() == null
                ? "since unknown"
                : "since " + time.format(a.since()) + " (" + a.activeForText(asOf) + ")");
    since.getStyleClass().add(Styles.TEXT_MUTED);
    since.setMinWidth(Region.USE_PREF_SIZE);
    Label summary = new Label(a.summary() == null ? "" : a.summary());
    summary.setWrapText(true);
    summary.setMaxWidth(Double.MAX_VALUE);
    Button open = new Button("Open playbook", new FontIcon(Feather.BOOK_OPEN));
    open.setId("alert-open-" + a.name());
    open.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
    open.setMinWidth(Region.USE_PREF_SIZE);
    open.setDisable(a.playbookLink() == null);
    open.setOnAction(e -> vm.open(a));
    open.setTooltip(
        new Tooltip(
            a.playbookLink() != null
                ? a.playbookLink()
                : a.linkProblem() != null
                    ? a.linkProblem()
                    : "its runbook_url is no hopscope:// link"));
    Node[] cells = {state, name, severity, hop, since, summary, open};
    if (a.playbookLink() != null) {
      for (Node cell : List.of(state, name, severity, hop, since, summary)) {
        cell.getStyleClass().add("alert-link-cell");
        cell.setOnMouseClicked(e -> vm.open(a));
      }
    }
    return cells;
  }
}
