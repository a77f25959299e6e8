package org.hopscope.ui.stuck;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.Notice;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.look.VerdictLook;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The stuck-message view ({@code #stuck-view}): a toolbar with the window in words, Analyse and
 * Cancel; the per-hop funnel; the table of stuck, failed and dead-lettered messages. Esc cancels,
 * Ctrl+F filters; double-click or Enter on a message opens its flow through {@code openFlow}.
 */
public final class StuckView extends BorderPane {

  private final StuckViewModel vm;
  private final StuckFunnel funnel = new StuckFunnel();
  private final StuckMessageTable table;

  /** What the funnel shows (its arguments), so that the same is never built twice in a row. */
  private List<Object> funnelShown;

  /**
   * @param vm the view model (the shell binds its window preset to {@code vm.windowProperty()})
   * @param openFlow opens the flow of a message ID (called on the FX thread)
   */
  public StuckView(StuckViewModel vm, Consumer<String> openFlow) {
    this.vm = vm;
    setId("stuck-view");
    getStyleClass().add("stuck-view");
    getStylesheets()
        .addAll(StuckView.class.getResource("stuck.css").toExternalForm(), VerdictLook.STYLESHEET);
    table = new StuckMessageTable(vm.messages(), vm.clock(), placeholder(), openFlow);
    VBox.setVgrow(table, Priority.ALWAYS);
    funnel.setMinHeight(Region.USE_PREF_SIZE); // the table gives way, never the funnel
    VBox content =
        new VBox(16, problemBanner(), new StuckChangeHeader(vm), funnel, notices(), table);
    content.getStyleClass().add("stuck-content");
    StackPane center = new StackPane(content, idle());
    setTop(toolbar());
    setCenter(center);
    vm.reportProperty().addListener((o, was, r) -> showFunnel());
    vm.estimates().estimateProperty().addListener((o, was, e) -> showFunnel());
    vm.estimates().statusProperty().addListener((o, was, e) -> showFunnel());
    vm.stateProperty().addListener((o, was, s) -> showFunnel());
    vm.changes().comparisonProperty().addListener((o, was, c) -> showFunnel());
    showFunnel();
    addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE && vm.stateProperty().get() == State.ANALYSING) {
            vm.cancel();
            e.consume();
          } else if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
            table.focusFilter();
            e.consume();
          }
        });
  }

  /**
   * Shows the exact report, else the estimate, else why there is none; the end of an analysis
   * changes several properties in a row (estimate cleared, report, state): rows are built once.
   */
  private void showFunnel() {
    StuckEstimate estimate = vm.estimates().estimateProperty().get();
    StuckReport report = vm.reportProperty().get();
    StuckComparison changes = vm.changes().comparisonProperty().get();
    boolean estimated = report == null && estimate != null;
    List<Object> what =
        estimated
            ? List.of(estimate, StuckWords.estimate(estimate, vm.stateProperty().get()))
            : Arrays.asList(report, changes, report == null ? funnelNote() : null);
    if (what.equals(funnelShown)) {
      return;
    }
    funnelShown = what;
    if (estimated) {
      funnel.showEstimate(estimate, (String) what.get(1));
    } else {
      funnel.show(report, changes, (String) what.get(2));
    }
  }

  private BooleanBinding analysing() {
    return vm.stateProperty().isEqualTo(State.ANALYSING);
  }

  private HBox toolbar() {
    FontIcon icon = new FontIcon(Feather.INBOX);
    icon.getStyleClass().add("stuck-title-icon");
    Label title = new Label("Stuck messages");
    title.getStyleClass().addAll(Styles.TITLE_3, "stuck-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    Label window = new Label();
    window.setId("stuck-range");
    window.setGraphic(new FontIcon(Feather.CLOCK));
    window.getStyleClass().add("stuck-range");
    window.setMinWidth(Region.USE_PREF_SIZE);
    window.textProperty().bind(windowWords());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    // a still icon, not an indeterminate spinner: its animation cost the FX and render threads
    // ~16 % of a core for the whole analysis (ADR 0039); the progress words show it moving
    FontIcon spinner = new FontIcon(Feather.LOADER);
    spinner.setId("stuck-spinner");
    spinner.getStyleClass().add("stuck-busy-icon");
    spinner.visibleProperty().bind(analysing());
    spinner.managedProperty().bind(analysing());
    Label progress = new Label();
    progress.setId("stuck-progress");
    progress.getStyleClass().addAll(Styles.TEXT_MUTED, "stuck-progress");
    progress.textProperty().bind(vm.progressProperty());
    // a narrow window wraps the progress words onto more lines rather than cutting them short
    progress.setWrapText(true);
    progress.setMinWidth(120);
    progress.setMinHeight(Region.USE_PREF_SIZE);
    Button cancel = new Button("Cancel", new FontIcon(Feather.X));
    cancel.setId("stuck-cancel");
    cancel.getStyleClass().add(Styles.FLAT);
    cancel.setOnAction(e -> vm.cancel());
    cancel.visibleProperty().bind(analysing());
    cancel.managedProperty().bind(analysing());
    Button analyse = new Button("Analyse", new FontIcon(Feather.PLAY));
    analyse.setId("stuck-analyse");
    analyse.getStyleClass().add(Styles.ACCENT);
    analyse.setDefaultButton(false);
    analyse.setMinWidth(Region.USE_PREF_SIZE); // the progress words wrap; the button never elides
    analyse.disableProperty().bind(vm.windowProperty().isNull());
    analyse.setOnAction(e -> vm.analyze());
    HBox bar =
        new HBox(
            12,
            icon,
            title,
            window,
            spacer,
            spinner,
            progress,
            cancel,
            StuckChangeHeader.choice(vm.changes()),
            analyse);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("stuck-toolbar");
    return bar;
  }

  private StringBinding windowWords() {
    return Bindings.createStringBinding(
        () -> {
          TimeWindow w = vm.windowProperty().get();
          return w == null
              ? "no window chosen"
              : StuckWords.window(w, vm.clock().instant(), vm.clock().getZone());
        },
        vm.windowProperty());
  }

  private HBox problemBanner() {
    FontIcon icon = new FontIcon(Feather.ALERT_OCTAGON);
    icon.getStyleClass().add("stuck-problem-icon");
    Label head = new Label("The analysis failed");
    head.getStyleClass().add(Styles.TEXT_BOLD);
    Label text = new Label();
    text.setId("stuck-problem");
    text.setWrapText(true);
    text.textProperty().bind(vm.problemProperty());
    VBox words = new VBox(4, head, text);
    HBox.setHgrow(words, Priority.ALWAYS);
    Button retry = new Button("Retry", new FontIcon(Feather.ROTATE_CW));
    retry.setId("stuck-retry");
    retry.getStyleClass().add(Styles.DANGER);
    retry.setOnAction(e -> vm.retry());
    HBox banner = new HBox(12, icon, words, retry);
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.getStyleClass().add("stuck-problem-banner");
    BooleanBinding failed = vm.stateProperty().isEqualTo(State.FAILED);
    banner.visibleProperty().bind(failed);
    banner.managedProperty().bind(failed);
    return banner;
  }

  private VBox idle() {
    FontIcon icon = new FontIcon(Feather.SEARCH);
    icon.getStyleClass().add("stuck-empty-icon");
    Label head = new Label("Choose a window and press Analyse");
    head.setId("stuck-empty");
    head.getStyleClass().add(Styles.TITLE_3);
    Label sub =
        new Label(
            "Hopscope counts, per hop, the messages that entered in the window and lists those"
                + " stuck, failed or dead-lettered.");
    sub.getStyleClass().add(Styles.TEXT_MUTED);
    sub.setWrapText(true);
    sub.setMaxWidth(460);
    sub.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    Button analyse = new Button("Analyse", new FontIcon(Feather.PLAY));
    analyse.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
    analyse.disableProperty().bind(vm.windowProperty().isNull());
    analyse.setOnAction(e -> vm.analyze());
    VBox box = new VBox(12, icon, head, sub, analyse);
    box.setAlignment(Pos.CENTER);
    box.getStyleClass().add("stuck-empty-state");
    BooleanBinding idle = vm.stateProperty().isEqualTo(State.IDLE);
    box.visibleProperty().bind(idle);
    box.managedProperty().bind(idle);
    return box;
  }

  private StringBinding placeholder() {
    return Bindings.createStringBinding(
        () -> {
          switch (vm.stateProperty().get()) {
            case ANALYSING:
              return "Looking for stuck, failed and dead-lettered messages\u2026";
            case DONE:
              return "No stuck, failed or dead-lettered messages in " + analysedWords();
            case CANCELLED:
              return "Cancelled before any stuck or failed message was found. Press Analyse.";
            case FAILED:
              return "Nothing to show: the analysis failed (see above).";
            default:
              return "Choose a window and press Analyse";
          }
        },
        vm.stateProperty(),
        vm.analysedWindowProperty());
  }

  private String analysedWords() {
    TimeWindow w = vm.analysedWindowProperty().get();
    return w == null
        ? "the window"
        : StuckWords.window(w, vm.clock().instant(), vm.clock().getZone());
  }

  /** The finished analysis' notices (approximations, links ignored, limits hit), one a line. */
  private Label notices() {
    Label notices = new Label();
    notices.setId("stuck-notices");
    notices.setWrapText(true);
    notices.getStyleClass().add("stuck-notices");
    Runnable show =
        () -> {
          StuckReport r = vm.reportProperty().get();
          List<String> texts =
              r == null ? List.of() : r.notices().stream().map(Notice::text).toList();
          notices.setText(String.join("\n", texts));
          notices.setVisible(!texts.isEmpty());
          notices.setManaged(!texts.isEmpty());
        };
    vm.reportProperty().addListener((o, was, r) -> show.run());
    show.run();
    return notices;
  }

  private String funnelNote() {
    String estimating = vm.estimates().statusProperty().get();
    switch (vm.stateProperty().get()) {
      case ANALYSING:
        return estimating.isEmpty()
            ? "Counting per hop\u2026 the funnel appears when the analysis completes."
            : estimating;
      case CANCELLED:
        return "Cancelled: the funnel needs a complete analysis. Press Analyse to run it again.";
      case FAILED:
        return "No funnel: the analysis failed.";
      default:
        return "The funnel appears when an analysis completes.";
    }
  }
}
