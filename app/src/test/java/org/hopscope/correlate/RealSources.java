package org.hopscope.correlate;

import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.source.EventSource;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticEventSource;
import org.hopscope.source.elastic.ElasticSettings;

/** The real adapters for the sandbox correctness tests. */
final class RealSources {

  private RealSources() {}

  static EventSource events(TestSandbox sandbox) {
    return new ElasticEventSource(
        ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())));
  }
}
