package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.look.DisabledTip;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One bundle, read-only and offline, in a window of its own (several bundles may be open beside the
 * main window): the banner ({@code bundle-banner}) saying it is a bundle, by whom and when; the
 * incident's facts, evidence, timeline and notes on the left; the selected evidence on the right,
 * shown by the same views as live (a flow by the flow views, series as the chart). The one action
 * that writes is "Import into my incidents".
 */
public final class BundleWindow {

  /** The incident side's width: the flow gets the rest (a 6-hop path fits at 1280 px). */
  static final double SIDE_WIDTH = 290;

  private final BundleViewModel vm;
  private final Stage stage = new Stage();
  private final ListView<Evidence> evidence = new ListView<>();
  private final EvidenceContent content;

  public BundleWindow(
      BundleViewModel vm, TaskRunner runner, Clock clock, ObservableValue<ChartTheme> theme) {
    this.vm = vm;
    content = new EvidenceContent(vm, runner, clock, theme);
    BorderPane root = new BorderPane(content);
    root.setLeft(side());
    root.setId("bundle-window");
    root.setTop(banner());
    root.getStylesheets()
        .addAll(
            BundleWindow.class.getResource("/org/hopscope/ui/hopscope.css").toExternalForm(),
            BundleWindow.class.getResource("bundle.css").toExternalForm());
    stage.setScene(new Scene(root, 1280, 800));
    stage.setTitle(vm.windowTitle());
    evidence.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> vm.select(e));
    vm.bundle().evidence().stream()
        .filter(e -> e.kind() == Evidence.Kind.FLOW_JSON)
        .findFirst()
        .or(() -> vm.bundle().evidence().stream().findFirst())
        .ifPresent(e -> evidence.getSelectionModel().select(e));
  }

  public Stage stage() {
    return stage;
  }

  public BundleViewModel model() {
    return vm;
  }

  /** Selects evidence {@code e} (tests, a timeline entry's link). */
  public void select(Evidence e) {
    evidence.getSelectionModel().select(e);
  }

  EvidenceContent content() {
    return content;
  }

  private VBox banner() {
    Label title = new Label(vm.banner(), new FontIcon(Feather.PACKAGE));
    title.setId("bundle-banner-title");
    title.getStyleClass().add("bundle-banner-title");
    title.setWrapText(true);
    Label origin = new Label(vm.origin());
    origin.setId("bundle-banner-origin");
    origin.getStyleClass().addAll(Styles.TEXT_SMALL, "bundle-banner-origin");
    origin.setWrapText(true);
    if (!vm.bundle().manifest().masked()) {
      origin.getStyleClass().add(Styles.DANGER);
    }
    Button importButton = new Button("Import into my incidents", new FontIcon(Feather.DOWNLOAD));
    importButton.setId("bundle-import");
    importButton.setMnemonicParsing(false);
    importButton.setMinWidth(Region.USE_PREF_SIZE);
    importButton.setOnAction(e -> vm.importIntoStore());
    var enabled =
        Bindings.createBooleanBinding(
            () -> vm.canImport() && !vm.importingProperty().get(), vm.importingProperty());
    Label status = new Label();
    status.setId("bundle-import-status");
    status.getStyleClass().add(Styles.TEXT_SMALL);
    status.setWrapText(true);
    status.textProperty().bind(vm.importStatusProperty());
    VBox words = new VBox(2, title, origin);
    for (String remark : vm.remarks()) {
      Label r = new Label(remark, new FontIcon(Feather.INFO));
      r.getStyleClass().addAll(Styles.TEXT_SMALL, "bundle-remark");
      r.setWrapText(true);
      words.getChildren().add(r);
    }
    HBox.setHgrow(words, Priority.ALWAYS);
    words.setMinWidth(0);
    HBox top =
        new HBox(
            12,
            words,
            DisabledTip.wrap(
                importButton,
                enabled,
                "Copy this incident into your local store as a new incident (its IDs kept"
                    + " apart); the bundle stays as it is",
                BundleViewModel.NO_STORE));
    top.setAlignment(Pos.CENTER_LEFT);
    Label notice = new Label();
    notice.setId("bundle-notice");
    notice.getStyleClass().add(Styles.TEXT_SMALL);
    notice.setWrapText(true);
    notice.textProperty().bind(vm.noticeProperty());
    notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    status.visibleProperty().bind(vm.importStatusProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    VBox banner = new VBox(4, top, status, notice);
    banner.setId("bundle-banner");
    banner.getStyleClass().addAll("bundle-banner", ElisionCheck.ESSENTIAL);
    return banner;
  }

  private VBox side() {
    Label title = new Label(vm.bundle().incident().title());
    title.setId("bundle-incident-title");
    title.getStyleClass().add(Styles.TITLE_4);
    title.setWrapText(true);
    title.setMinHeight(Region.USE_PREF_SIZE);
    VBox facts = new VBox(2, title);
    for (String f : vm.facts()) {
      Label l = new Label(f);
      l.getStyleClass().add(Styles.TEXT_SMALL);
      l.setWrapText(true);
      l.setMinHeight(Region.USE_PREF_SIZE);
      facts.getChildren().add(l);
    }
    facts.setId("bundle-facts");
    evidence.setId("bundle-evidence");
    evidence.getItems().setAll(vm.bundle().evidence());
    evidence.setCellFactory(v -> cell(v, BundleViewModel::evidenceLine));
    evidence.setPlaceholder(new Label("No evidence in this bundle"));
    javafx.scene.Node timeline =
        lines(
            "bundle-timeline",
            vm.bundle().timeline().stream().map(BundleWindow::timelineLine).toList(),
            "No timeline entries");
    javafx.scene.Node notes =
        lines(
            "bundle-notes",
            vm.bundle().notes().stream().map(BundleWindow::noteLine).toList(),
            "No notes");
    Label heading = new Label("Evidence (" + vm.bundle().evidence().size() + ")");
    heading.setId("bundle-evidence-heading");
    heading.getStyleClass().add("bundle-heading");
    evidence.setPrefHeight(170);
    evidence.setMinHeight(90);
    TabPane tabs =
        new TabPane(
            tab("Timeline (" + vm.bundle().timeline().size() + ")", timeline),
            tab("Notes (" + vm.bundle().notes().size() + ")", notes));
    tabs.setId("bundle-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    VBox side = new VBox(8, facts, heading, evidence, tabs);
    side.setPadding(new Insets(10));
    side.setPrefWidth(SIDE_WIDTH);
    side.setMinWidth(SIDE_WIDTH);
    side.setMaxWidth(SIDE_WIDTH);
    side.getStyleClass().add("bundle-side");
    return side;
  }

  /** Entries as wrapping labels, one under the other, scrolling when they are many. */
  private static javafx.scene.Node lines(String id, java.util.List<String> texts, String none) {
    VBox box = new VBox(6);
    box.setId(id);
    box.setPadding(new Insets(6));
    for (String t : texts) {
      Label l = new Label(t);
      l.setWrapText(true);
      l.setMinHeight(Region.USE_PREF_SIZE);
      l.getStyleClass().addAll(Styles.TEXT_SMALL, "bundle-entry");
      box.getChildren().add(l);
    }
    if (texts.isEmpty()) {
      Label l = new Label(none);
      l.getStyleClass().add(Styles.TEXT_MUTED);
      box.getChildren().add(l);
    }
    javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
    return scroll;
  }

  private static Tab tab(String text, javafx.scene.Node node) {
    Tab t = new Tab(text, node);
    t.setId("bundle-tab-" + text.replaceAll(" .*", "").toLowerCase(java.util.Locale.ROOT));
    return t;
  }

  /** "2026-11-26 02:41 UTC · search · alice" and the summary below. */
  static String timelineLine(TimelineEntry t) {
    return BundleViewModel.when(t.at())
        + " \u00b7 "
        + t.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + (t.actor() == null || t.actor().isBlank() ? "" : " \u00b7 " + t.actor())
        + "\n"
        + t.summary(); // the detail is machine-readable JSON, as in the incidents view
  }

  static String noteLine(Note n) {
    return n.scope().name().toLowerCase(java.util.Locale.ROOT)
        + (n.key() == null || n.key().isBlank() ? "" : " " + n.key())
        + " \u00b7 "
        + BundleViewModel.when(n.updatedAt())
        + "\n"
        + n.text();
  }

  private static <T> ListCell<T> cell(
      ListView<T> list, java.util.function.Function<T, String> text) {
    ListCell<T> c =
        new ListCell<>() {
          @Override
          protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
          }
        };
    c.setWrapText(true);
    // wraps at the list's width (less its scroll bar), never widens it
    c.prefWidthProperty().bind(list.widthProperty().subtract(24));
    c.setMaxWidth(Region.USE_PREF_SIZE);
    return c;
  }
}
