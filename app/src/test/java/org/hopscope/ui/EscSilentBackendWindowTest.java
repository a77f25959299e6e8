package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.ui.flow.FlowViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Esc in the real window while Elasticsearch and Prometheus accept connections and never answer:
 * the search ends at once as cancelled (not after the 30 s request timeout), and the window takes
 * the next search.
 */
@Fault(Fault.Area.WAITS)
class EscSilentBackendWindowTest {

  @TempDir Path config;

  @Test
  void escEndsASearchHungOnASilentBackendAndTheWindowTakesTheNext() throws Exception {
    try (FakeBackend es = FakeBackend.silent();
        FakeBackend prometheus = FakeBackend.silent()) {
      new ProfileStore(new ConfigDirs(config))
          .save(
              new ConnectionProfile(
                  "silent",
                  Endpoint.of(URI.create(es.url())),
                  Endpoint.of(URI.create(prometheus.url())),
                  null));
      GuiOptions options = new GuiOptions();
      options.profile = "silent";
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options,
              Map.of(),
              config,
              new PrintWriter(new StringWriter(), true),
              null,
              UiSandbox.shippedPlaybooks());
      Stage stage = FxHarness.stage();
      FxHarness.onFx(() -> app.start(stage));
      FxHarness.waitUntil(
          "the profile's paths are listed", () -> app.parts().shell().pathProperty().get() != null);
      FlowViewModel flow = app.parts().flow();
      int before = es.requests().size();
      FxHarness.runFx(
          () -> {
            flow.queryProperty().set("ord-esc-1");
            flow.search();
          });
      assertThat(es.awaitRequests(before + 1, FxHarness.PATIENCE))
          .as("the search reached the silent Elasticsearch")
          .isTrue();
      assertThat(FxHarness.onFx(() -> flow.stateProperty().get()))
          .isEqualTo(FlowViewModel.State.SEARCHING);

      FxHarness.runFx(
          () ->
              Event.fireEvent(
                  stage.getScene().getRoot(),
                  new KeyEvent(
                      KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
      assertThat(FxHarness.onFx(() -> flow.stateProperty().get()))
          .isEqualTo(FlowViewModel.State.CANCELLED);

      int sent = es.requests().size();
      FxHarness.runFx(
          () -> {
            flow.queryProperty().set("ord-esc-2");
            flow.search();
          });
      assertThat(es.awaitRequests(sent + 1, FxHarness.PATIENCE))
          .as("the next search is sent: the silent record belonged to the cancelled one")
          .isTrue();
      assertThat(FxHarness.onFx(() -> flow.stateProperty().get()))
          .isEqualTo(FlowViewModel.State.SEARCHING);
      FxHarness.runFx(flow::cancel);
      FxHarness.runFx(stage::hide);
    }
  }
}
