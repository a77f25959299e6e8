package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.flow.FlowViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile opens after the first frame (ADR 0045): a message searched before it is connected
 * waits for the connection and is answered once it stands, instead of failing with "no connection
 * profile in use".
 */
@ExtendWith(SandboxExtension.class)
class QueryWhileConnectingSandboxTest {

  @TempDir Path config;

  @Test
  void aSearchMadeBeforeTheProfileIsConnectedRunsOnceItIs(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    ConnectionProfile p = UiSandbox.profile(sandbox);
    new ProfileStore(new ConfigDirs(config))
        .save(new ConnectionProfile("test", p.elasticsearch(), p.prometheus(), null));
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.profile = "test";
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options, config, new PrintWriter(errors, true), db, UiSandbox.shippedPlaybooks());
      Stage stage = FxHarness.stage();
      List<FlowViewModel.State> states = new java.util.concurrent.CopyOnWriteArrayList<>();
      // typed in the same FX event as the start: before the first frame, so before the profile
      // is even asked to open
      List<Object> typed =
          FxHarness.onFx(
              () -> {
                app.start(stage);
                FlowViewModel flow = app.parts().flow();
                flow.stateProperty().addListener((o, was, now) -> states.add(now));
                flow.queryProperty().set(stuck.id());
                app.parts().shell().search();
                return List.of(
                    app.firstFrame().drawn(),
                    app.onCall() == null,
                    flow.stateProperty().get(),
                    flow.problemProperty().get());
              });
      assertThat(typed).containsExactly(false, true, FlowViewModel.State.SEARCHING, "");

      FlowViewModel flow = app.parts().flow();
      FxHarness.waitUntil(
          "the search answered",
          () ->
              FxHarness.onFx(
                  () ->
                      flow.stateProperty().get() != FlowViewModel.State.SEARCHING
                          && app.firstFrame().done()));
      // never a failure on the way ("no connection profile in use"), one answer
      assertThat(states).containsExactly(FlowViewModel.State.SEARCHING, FlowViewModel.State.DONE);
      assertThat(FxHarness.onFx(() -> flow.problemProperty().get())).isEmpty();
      assertThat(FxHarness.onFx(() -> flow.stateProperty().get()))
          .isEqualTo(FlowViewModel.State.DONE);
      Flow found = FxHarness.onFx(() -> flow.flowProperty().get());
      assertThat(found.verdict()).isEqualTo(HopVerdict.STUCK);
      assertThat(found.stuckAt()).isEqualTo(stuck.hop());
      assertThat(FxHarness.onFx(() -> app.parts().status().profileNameProperty().get()))
          .isEqualTo("test");
      FxHarness.runFx(stage::hide);
    }
    assertThat(errors.toString()).isEmpty();
  }
}
