package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.ui.look.ElisionCheck;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: header with the search bar, profile and theme; the view switcher; the problem
 * banner; the path diagram (flow and metrics views); the current view; the status bar.
 */
public final class MainScreen extends BorderPane {

  /**
   * What the features put into the window.
   *
   * @param diagram the path diagram, shown above the flow and metrics views
   * @param flowView the views, each built the first time it is shown
   * @param moveHop moves the hop selection by -1/+1 (arrow keys)
   */
  public record Slots(
      Node diagram,
      LazyView<?> flowView,
      LazyView<?> windowView,
      LazyView<?> metricsView,
      LazyView<?> incidentsView,
      LazyView<?> playbookView,
      Node statusBar,
      Node profileControl,
      IntConsumer moveHop) {}

  private final ShellModel shell;
  private final SearchBar searchBar;
  private IntConsumer moveHop = delta -> {};
  private final VBox top;
  private final HBox nav;
  private Node diagram;
  private List<LazyView<?>> byView;

  /** The whole window at once (tests of a view inside the shell). */
  public MainScreen(ShellModel shell, Slots slots, ZoneId zone) {
    this(shell, slots.profileControl(), slots.statusBar(), zone);
    views(slots);
  }

  /**
   * The lean first screen (ADR 0038): header with the search bar, path, profile and theme; the view
   * switcher; the problem banner; the status bar. The views come with {@link #views}.
   */
  public MainScreen(ShellModel shell, Node profileControl, Node statusBar, ZoneId zone) {
    this.shell = shell;
    setId("main-window");
    getStylesheets()
        .add(MainScreen.class.getResource("/org/hopscope/ui/hopscope.css").toExternalForm());
    searchBar = new SearchBar(shell, zone);
    nav = navigation();
    top = new VBox(header(profileControl), nav, new ProblemBanner(shell.flow()));
    setTop(top);
    setBottom(statusBar);
  }

  /**
   * Puts the path diagram and the views (the current one built now, the others when first shown)
   * below the first screen; once. Slots' profile control and status bar are the constructor's.
   */
  public void views(Slots slots) {
    if (byView != null) {
      throw new IllegalStateException("the views are in place already");
    }
    this.moveHop = slots.moveHop();
    this.diagram = slots.diagram();
    setCenter(center(slots));
  }

  /** True once {@link #views} put the views in (tests; the start-up's second stage). */
  public boolean hasViews() {
    return byView != null;
  }

  /**
   * Puts an action in the navigation bar, before the shortcut hint: there in every view, taking no
   * room from the path diagram.
   */
  public void navAction(Node action) {
    nav.getChildren().add(nav.getChildren().size() - 1, action);
  }

  /** Puts the alerts badge in the navigation bar (before the shortcut hint), its panel below. */
  public void alerts(Node badge, Node panel) {
    navAction(badge);
    top.getChildren().add(top.getChildren().indexOf(nav) + 1, panel);
  }

  private HBox header(Node profileControl) {
    Label title = new Label("Hopscope", new FontIcon(Feather.ACTIVITY));
    title.getStyleClass().add("app-title");
    title.setMinWidth(Region.USE_PREF_SIZE);
    Button theme = new Button();
    theme.setId("theme-toggle");
    theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    theme.setTooltip(new Tooltip("Switch between dark and light"));
    theme.setOnAction(e -> shell.toggleTheme());
    Runnable icon =
        () ->
            theme.setGraphic(
                new FontIcon(
                    shell.themeProperty().get() == Theme.DARK ? Feather.SUN : Feather.MOON));
    shell.themeProperty().addListener((o, a, b) -> icon.run());
    icon.run();
    HBox.setHgrow(searchBar, Priority.ALWAYS);
    HBox header = new HBox(title, searchBar, profileControl, theme);
    header.getStyleClass().addAll("app-header", ElisionCheck.ESSENTIAL);
    header.setAlignment(Pos.CENTER_LEFT);
    return header;
  }

  private HBox navigation() {
    ToggleGroup group = new ToggleGroup();
    HBox tabs = new HBox();
    View[] views = View.values();
    for (int i = 0; i < views.length; i++) {
      View v = views[i];
      ToggleButton b = new ToggleButton(v.label());
      b.setId("nav-" + v.key());
      b.setToggleGroup(group);
      b.setTooltip(new Tooltip(v.label() + " (Ctrl+" + (i + 1) + ")"));
      b.getStyleClass()
          .add(
              i == 0
                  ? Styles.LEFT_PILL
                  : i == views.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      b.setSelected(shell.viewProperty().get() == v);
      b.setOnAction(e -> shell.viewProperty().set(v));
      shell.viewProperty().addListener((o, was, now) -> b.setSelected(now == v));
      tabs.getChildren().add(b);
    }
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Label hint = new Label("Ctrl+L search · Enter run · Esc cancel · Ctrl+1..5 views · ←/→ hops");
    hint.getStyleClass().addAll("nav-hint", Styles.TEXT_SMALL);
    HBox bar = new HBox(tabs, gap, hint);
    bar.getStyleClass().addAll("nav-bar", ElisionCheck.ESSENTIAL);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private Node center(Slots slots) {
    byView = // in the order of View
        List.of(
            slots.flowView(),
            slots.windowView(),
            slots.metricsView(),
            slots.incidentsView(),
            slots.playbookView());
    StackPane views = new StackPane();
    views.getStyleClass().add("view-slot");
    Runnable showCurrent =
        () -> {
          View current = shell.viewProperty().get();
          LazyView<?> lazy = byView.get(current.ordinal());
          if (!views.getChildren().contains(lazy.get())) {
            Node node = lazy.get();
            node.visibleProperty().bind(shell.viewProperty().isEqualTo(current));
            // a hidden view takes no part in the layout: its size (e.g. a metrics grid of three
            // panels) never squeezes the diagram after it was shown once
            node.managedProperty().bind(node.visibleProperty());
            views.getChildren().add(node);
          }
        };
    shell.viewProperty().addListener((o, was, now) -> showCurrent.run());
    showCurrent.run();
    StackPane diagram = new StackPane(slots.diagram());
    diagram.getStyleClass().add("diagram-slot");
    diagram
        .visibleProperty()
        .bind(
            shell
                .viewProperty()
                .isEqualTo(View.FLOW)
                .or(shell.viewProperty().isEqualTo(View.METRICS)));
    diagram.managedProperty().bind(diagram.visibleProperty());
    // the diagram keeps the height its cards need whatever the view below asks for: the view
    // gives way (it scrolls), never the cards
    diagram.setMinHeight(Region.USE_PREF_SIZE);
    VBox.setVgrow(diagram, Priority.NEVER);
    views.setMinHeight(0);
    // a view taller than its room is cut at the bottom, never centred over the tabs and diagram
    views.setAlignment(Pos.TOP_LEFT);
    javafx.scene.shape.Rectangle room = new javafx.scene.shape.Rectangle();
    room.widthProperty().bind(views.widthProperty());
    room.heightProperty().bind(views.heightProperty());
    views.setClip(room);
    VBox.setVgrow(views, Priority.ALWAYS);
    VBox center = new VBox(diagram, views);
    center.setMinHeight(0);
    return center;
  }

  /**
   * Moves the keyboard focus into view {@code v} (out of the search field): in the flow and hop
   * metrics to the path diagram, so Left/Right move the selected hop; elsewhere to the view.
   */
  void focusView(View v) {
    if (byView == null) {
      return; // the views are still being built (the first frame's second stage)
    }
    Node target =
        v == View.FLOW || v == View.METRICS
            ? diagram.lookup(".path-diagram")
            : byView.get(v.ordinal()).get();
    (target != null ? target : byView.get(v.ordinal()).get()).requestFocus();
  }

  /**
   * Ctrl+L, Esc, Ctrl+1..5 (focus to the view) and the arrow keys between hops, on {@code scene}.
   */
  public void installShortcuts(Scene scene) {
    var acc = scene.getAccelerators();
    acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), searchBar::focusQuery);
    View[] views = View.values();
    for (int i = 0; i < views.length; i++) {
      View v = views[i];
      acc.put(
          new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN),
          () -> {
            shell.viewProperty().set(v);
            focusView(v);
          });
    }
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            shell.cancel();
          } else if ((e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)
              && !e.isShortcutDown()
              && (shell.viewProperty().get() == View.FLOW
                  || shell.viewProperty().get() == View.METRICS)
              && !(scene.getFocusOwner() instanceof TextInputControl)
              && !(scene.getFocusOwner() instanceof TableView)) {
            moveHop.accept(e.getCode() == KeyCode.LEFT ? -1 : 1);
            e.consume();
          }
        });
  }
}
