package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.hopscope.config.ConfigException;
import org.hopscope.report.MaskingException;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.store.StoreException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

  @Test
  void badInputIsUsage() {
    assertThat(FailureKind.of(new IllegalArgumentException("--from"))).isEqualTo(FailureKind.USAGE);
    assertThat(FailureKind.of(new ConfigException("--path", "no valid path")))
        .isEqualTo(FailureKind.USAGE);
    assertThat(FailureKind.of(new MaskingException("bad rule"))).isEqualTo(FailureKind.USAGE);
  }

  @Test
  void backendLocalAndCancelled() {
    assertThat(
            FailureKind.of(
                new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch is down",
                    null)))
        .isEqualTo(FailureKind.BACKEND);
    assertThat(FailureKind.of(new StoreException("locked"))).isEqualTo(FailureKind.LOCAL);
    assertThat(FailureKind.of(new UncheckedIOException(new IOException("disk full"))))
        .isEqualTo(FailureKind.LOCAL);
    assertThat(FailureKind.of(new Cancellation.CancelledException()))
        .isEqualTo(FailureKind.CANCELLED);
  }

  @Test
  void aBugIsNoneOfThem() {
    assertThat(FailureKind.of(new NullPointerException())).isNull();
    assertThat(FailureKind.of(new IllegalStateException("ended"))).isNull();
  }

  @Test
  void theMessageSaysCancelledOrTheFailuresOwn() {
    assertThat(FailureKind.CANCELLED.message(new Cancellation.CancelledException()))
        .isEqualTo("cancelled");
    assertThat(
            FailureKind.BACKEND.message(
                new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch is down",
                    null)))
        .isEqualTo("Elasticsearch is down");
  }
}
