package org.hopscope.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowViewModel;

/**
 * The main window's view model: which view shows, the chosen time window, the search history and
 * the theme. Searching goes through {@link FlowViewModel}; analysing a window through the {@link
 * StuckAnalysis} the app binds to the stuck-messages view model. Choosing another window re-runs
 * the message search shown (the stuck analysis waits for Analyse).
 */
public final class ShellModel {

  /** The stuck-messages analysis as the shell drives it. */
  public interface StuckAnalysis {
    void analyse(TimeWindow window);

    void cancel();
  }

  private final FlowViewModel flow;
  private final StuckAnalysis stuckAnalysis;
  private final UiPreferences preferences;
  private final Clock clock;
  private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.FLOW);
  private final ObjectProperty<WindowChoice> window =
      new SimpleObjectProperty<>(this, "window", WindowChoice.of(WindowPreset.standard()));
  private final ObservableList<WindowPreset> presets = FXCollections.observableArrayList();
  private final ObservableList<String> paths = FXCollections.observableArrayList();
  private final javafx.beans.property.StringProperty path =
      new javafx.beans.property.SimpleStringProperty(this, "path");
  private final ReadOnlyObjectWrapper<SearchHistory> history;
  private final ReadOnlyObjectWrapper<Theme> theme;
  private TimeWindow incident;

  public ShellModel(
      FlowViewModel flow, StuckAnalysis stuckAnalysis, UiPreferences preferences, Clock clock) {
    this.flow = flow;
    this.stuckAnalysis = stuckAnalysis;
    this.preferences = preferences;
    this.clock = clock;
    this.history = new ReadOnlyObjectWrapper<>(this, "history", preferences.history());
    this.theme = new ReadOnlyObjectWrapper<>(this, "theme", preferences.theme());
    refreshPresets();
    window.addListener((o, was, now) -> rerun());
    flow.navigator(
        new FlowViewModel.Navigator() {
          @Override
          public void open(String id) {
            openFlow(id);
          }

          @Override
          public void searchLast(Duration length) {
            WindowPreset preset = WindowPreset.ofLength(length);
            WindowChoice choice =
                preset != null
                    ? WindowChoice.of(preset)
                    : new WindowChoice(
                        WindowPreset.CUSTOM, TimeWindow.ending(clock.instant(), length));
            if (choice.equals(window.get())) {
              rerun();
            } else {
              window.set(choice); // re-runs the search
            }
          }
        });
  }

  /**
   * Runs the shown message's search again over the chosen window (the window changed): only once a
   * search was made and while the search field holds an ID; the view and the history stay as they
   * are.
   */
  private void rerun() {
    FlowViewModel.State s = flow.stateProperty().get();
    String query = flow.queryProperty().get();
    if (s == FlowViewModel.State.IDLE || query == null || query.isBlank()) {
      return;
    }
    flow.windowProperty().set(window.get().resolve(clock.instant()));
    flow.search();
  }

  /**
   * Offers the {@link WindowPreset#OUTAGE} preset with these bounds and selects it (the demo's
   * recorded incident); null removes it.
   */
  public void outage(TimeWindow bounds) {
    incident = bounds;
    refreshPresets();
    if (bounds != null) {
      window.set(new WindowChoice(WindowPreset.OUTAGE, bounds));
    } else if (window.get().preset() == WindowPreset.OUTAGE) {
      window.set(WindowChoice.of(WindowPreset.standard()));
    }
  }

  public TimeWindow outage() {
    return incident;
  }

  private void refreshPresets() {
    List<WindowPreset> offered = new ArrayList<>();
    for (WindowPreset p : WindowPreset.values()) {
      if (p != WindowPreset.OUTAGE || incident != null) {
        offered.add(p);
      }
    }
    presets.setAll(offered);
  }

  /** Searches the message in the search bar over the chosen window and shows its flow. */
  public void search() {
    String query = flow.queryProperty().get();
    if (query != null && !query.isBlank()) {
      history.set(history.get().with(query));
      preferences.history(history.get());
      if (view.get() == View.STUCK) {
        view.set(View.FLOW);
      }
    }
    flow.windowProperty().set(window.get().resolve(clock.instant()));
    flow.search();
  }

  /** Opens the flow of {@code id} (e.g. a double-clicked stuck message) over the chosen window. */
  public void openFlow(String id) {
    flow.queryProperty().set(id);
    view.set(View.FLOW);
    search();
  }

  /**
   * The connection changed (another profile is in use): the message shown is searched again on the
   * new one; without a message to search, the old answer (e.g. "unreachable") is cleared.
   */
  public void connectionChanged() {
    if (flow.stateProperty().get() == FlowViewModel.State.IDLE) {
      return;
    }
    String query = flow.queryProperty().get();
    if (query == null || query.isBlank()) {
      flow.reset();
    } else {
      flow.windowProperty().set(window.get().resolve(clock.instant()));
      flow.search();
    }
  }

  /** Analyses the chosen window in the stuck-messages view. */
  public void analyseWindow() {
    view.set(View.STUCK);
    stuckAnalysis.analyse(window.get().resolve(clock.instant()));
  }

  /** Esc: cancels whatever query is running; what is shown stays. */
  public void cancel() {
    flow.cancel();
    stuckAnalysis.cancel();
  }

  /** Switches theme and remembers the choice. */
  public void toggleTheme() {
    theme.set(theme.get().toggled());
    preferences.theme(theme.get());
  }

  public ObjectProperty<View> viewProperty() {
    return view;
  }

  public ObjectProperty<WindowChoice> windowProperty() {
    return window;
  }

  /** The presets the selector offers (the incident one only when an incident is known). */
  public ObservableList<WindowPreset> presets() {
    return presets;
  }

  /** The integration paths to choose from (names from the path definitions). */
  public ObservableList<String> paths() {
    return paths;
  }

  public javafx.beans.property.StringProperty pathProperty() {
    return path;
  }

  public ReadOnlyObjectProperty<SearchHistory> historyProperty() {
    return history.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Theme> themeProperty() {
    return theme.getReadOnlyProperty();
  }

  public FlowViewModel flow() {
    return flow;
  }
}
