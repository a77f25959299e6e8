package org.hopscope.source.elastic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.JourneyGenerator;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.IdQuery;

/** The seeded test sandbox's ground truth: manifest, every journey, and query helpers. */
final class SeededOrders {

  final Manifest manifest;
  final List<Journey> journeys = new ArrayList<>();
  final TimeWindow recording;

  SeededOrders(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    new JourneyGenerator(sandbox.seed()).forEachRemaining(journeys::add);
    recording =
        new TimeWindow(
            Instant.parse(manifest.from()).minusSeconds(1),
            Instant.parse(manifest.now()).plusSeconds(1));
  }

  Journey journey(String id) {
    return journeys.stream()
        .filter(j -> j.messageId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no journey " + id));
  }

  Set<String> ids() {
    return journeys.stream().map(Journey::messageId).collect(Collectors.toSet());
  }

  /** An event source on the test sandbox's Elasticsearch (plain http, no auth); close it. */
  static ElasticEventSource source(TestSandbox sandbox) {
    return new ElasticEventSource(
        ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())));
  }

  /** One query per hop source and message-ID field of the orders path, for {@code values}. */
  static List<IdQuery> byMessageId(Set<String> values) {
    List<IdQuery> queries = new ArrayList<>();
    for (Hop hop : OrdersPath.PATH.hops()) {
      for (EventSourceDef source : hop.sources()) {
        for (FieldPath field : source.fields().messageIds()) {
          queries.add(new IdQuery(hop.name(), source, field, values));
        }
      }
    }
    return queries;
  }
}
