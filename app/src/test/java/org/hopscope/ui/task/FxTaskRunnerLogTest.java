package org.hopscope.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.hopscope.oncall.CapturedLog;
import org.hopscope.source.SourceException;
import org.hopscope.ui.FxHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client task's failure reaches the diagnostics log with its cause (the view shows one line). */
class FxTaskRunnerLogTest {

  private final ExecutorService executor = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aFailedTaskIsLoggedWithItsCause() throws Exception {
    FxHarness.stage();
    SourceException failure =
        new SourceException(
            "Elasticsearch",
            SourceException.Kind.UNREACHABLE,
            "Elasticsearch is unreachable",
            new ConnectException("Connection refused"));
    CompletableFuture<Throwable> delivered = new CompletableFuture<>();
    try (CapturedLog log = CapturedLog.of(FxTaskRunner.class.getName())) {
      new FxTaskRunner(executor)
          .run(
              "flow ord-1",
              c -> {
                throw failure;
              },
              r -> delivered.completeExceptionally(new AssertionError("succeeded: " + r)),
              delivered::complete);
      assertThat(delivered.get(FxHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isSameAs(failure);
      assertThat(log.records()).hasSize(1);
      LogRecord record = log.records().get(0);
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getMessage()).isEqualTo("task flow ord-1 failed");
      assertThat(record.getThrown()).isSameAs(failure);
      assertThat(record.getThrown().getCause()).isInstanceOf(ConnectException.class);
    }
  }
}
