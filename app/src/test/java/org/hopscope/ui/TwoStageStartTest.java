package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.shell.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up in two stages (ADR 0038): the lean first screen (search bar, path, status) is on the
 * stage before the views, alerts and menus are built; after the first frame those follow, and every
 * view still builds and shows. The search bar answers from the first screen on.
 */
class TwoStageStartTest {

  @TempDir Path config;

  @Test
  void theFirstScreenComesBeforeTheDeferredPartsWhichStillBuildAndWork() {
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.view = "flow";
      HopscopeApp app = app(options, errors, db);
      Stage stage = FxHarness.stage();
      // what is there when start returns, before any frame: the first screen only
      List<Boolean> atStart =
          FxHarness.onFx(
              () -> {
                app.start(stage);
                Parent root = stage.getScene().getRoot();
                return List.of(
                    stage.isShowing(),
                    root.lookup("#search-field") != null,
                    root.lookup("#search-path") != null,
                    root.lookup("#status-bar") != null,
                    root.lookup("#flow-view") != null,
                    root.lookup(".path-diagram") != null,
                    app.parts().flowView().isBuilt(),
                    app.firstFrame().drawn(),
                    app.onCall() != null);
              });
      // the store was read already, yet its side too waits for the first frame (ADR 0045)
      assertThat(atStart)
          .containsExactly(true, true, true, true, false, false, false, false, false);

      FxHarness.waitUntil(
          "the second stage ran", () -> FxHarness.onFx(() -> app.firstFrame().done()));
      Parent root = FxHarness.onFx(() -> stage.getScene().getRoot());
      assertThat(FxHarness.onFx(() -> visible(root.lookup("#flow-view")))).isTrue();
      assertThat(FxHarness.onFx(() -> root.lookup(".path-diagram") != null)).isTrue();
      assertThat(FxHarness.onFx(() -> app.onCall().alertsModel() != null)).isTrue();
      assertThat(FxHarness.onFx(() -> app.parts().flowView().isBuilt())).isTrue();
      // the other views build when first shown, each in its place
      for (View v : List.of(View.STUCK, View.METRICS, View.INCIDENTS, View.PLAYBOOK)) {
        String id = "#" + (v == View.STUCK ? "stuck" : v.key()) + "-view";
        FxHarness.runFx(() -> app.parts().shell().viewProperty().set(v));
        FxHarness.waitUntil(v + " shows", () -> FxHarness.onFx(() -> visible(root.lookup(id))));
        assertThat(FxHarness.onFx(() -> visible(root.lookup("#flow-view")))).isFalse();
      }
      // the search bar works: with no profile connected the query says so (never a silent no-op)
      FxHarness.runFx(
          () -> {
            app.parts().shell().viewProperty().set(View.FLOW);
            app.parts().flow().queryProperty().set("ORD-1");
            app.parts().shell().search();
          });
      FxHarness.waitUntil(
          "the search answered",
          () ->
              FxHarness.onFx(
                  () -> app.parts().flow().stateProperty().get() == FlowViewModel.State.FAILED));
      assertThat(FxHarness.onFx(() -> app.parts().flow().problemProperty().get()))
          .contains("no connection profile in use");
      FxHarness.runFx(
          () -> {
            Window.getWindows().stream()
                .filter(w -> w != stage && w instanceof Stage)
                .toList()
                .forEach(w -> ((Stage) w).close());
            stage.hide();
          });
    }
    assertThat(errors.toString()).isEmpty();
  }

  @Test
  void theFirstScreenDoesNotWaitForTheStoreAndTheRestFollowsWhenItHasOpened() {
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.view = "flow";
      CompletableFuture<IncidentDesk> store = new CompletableFuture<>();
      CompletableFuture<PlaybookCatalog> playbooks = new CompletableFuture<>();
      HopscopeApp app =
          UiSandbox.opening(
              options,
              Map.of(),
              config.resolve("config"),
              new PrintWriter(errors, true),
              store,
              playbooks);
      Stage stage = FxHarness.stage();
      List<Boolean> atStart =
          FxHarness.onFx(
              () -> {
                app.start(stage);
                Parent root = stage.getScene().getRoot();
                return List.of(
                    stage.isShowing(),
                    root.lookup("#search-field") != null,
                    root.lookup("#status-bar") != null,
                    app.onCall() == null);
              });
      assertThat(atStart).containsExactly(true, true, true, true);
      FxHarness.waitUntil(
          "the first frame is drawn", () -> FxHarness.onFx(() -> app.firstFrame().drawn()));
      // drawn, the store still opening: the rest waits for it
      assertThat(FxHarness.onFx(() -> app.firstFrame().done())).isFalse();
      assertThat(FxHarness.onFx(() -> app.onCall() == null)).isTrue();
      assertThat(FxHarness.onFx(() -> app.parts().flowView().isBuilt())).isFalse();

      store.complete(new IncidentDesk(db, IncidentDesk.user(System.getProperties())));
      playbooks.complete(UiSandbox.shippedPlaybooks());
      FxHarness.waitUntil(
          "the second stage ran", () -> FxHarness.onFx(() -> app.firstFrame().done()));
      Parent root = FxHarness.onFx(() -> stage.getScene().getRoot());
      assertThat(FxHarness.onFx(() -> visible(root.lookup("#flow-view")))).isTrue();
      assertThat(FxHarness.onFx(() -> app.onCall().alertsModel() != null)).isTrue();
      assertThat(FxHarness.onFx(() -> app.onCall().incidents() != null))
          .isTrue(); // the store is in
      FxHarness.runFx(stage::hide);
    }
    assertThat(errors.toString()).isEmpty();
  }

  @Test
  void aSearchMadeBeforeAProfileThatCannotBeOpenedSaysWhyOnceItFailed() {
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.view = "flow";
      options.profile = "missing"; // no such profile in the (empty) config folder
      HopscopeApp app = app(options, errors, db);
      Stage stage = FxHarness.stage();
      FlowViewModel.State typed =
          FxHarness.onFx(
              () -> {
                app.start(stage);
                app.parts().flow().queryProperty().set("ORD-1");
                app.parts().shell().search();
                return app.parts().flow().stateProperty().get();
              });
      // waiting for the profile, not failing with "no connection profile in use"
      assertThat(typed).isEqualTo(FlowViewModel.State.SEARCHING);
      FxHarness.waitUntil(
          "the search answered",
          () ->
              FxHarness.onFx(
                  () -> app.parts().flow().stateProperty().get() == FlowViewModel.State.FAILED));
      assertThat(FxHarness.onFx(() -> app.parts().flow().problemProperty().get()))
          .startsWith("profile 'missing': ");
      FxHarness.runFx(stage::hide);
    }
  }

  private static boolean visible(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node != null;
  }

  /** The client on the test's (empty) config folder, its store open, the shipped playbooks. */
  private HopscopeApp app(GuiOptions options, StringWriter errors, IncidentDatabase db) {
    return UiSandbox.app(
        options,
        config.resolve("config"),
        new PrintWriter(errors, true),
        db,
        UiSandbox.shippedPlaybooks());
  }
}
