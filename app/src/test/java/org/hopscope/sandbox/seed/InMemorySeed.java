package org.hopscope.sandbox.seed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.EnumMap;
import java.util.Map;

/**
 * Generates a seed's documents and its manifest in memory, exactly as {@code hopscope sandbox seed}
 * loads them (same generator, writers and recorder), for engine tests without Elasticsearch.
 */
public final class InMemorySeed {

  /** Receives each document: index name, document ID, parsed {@code _source}. */
  public interface Documents {
    void add(String index, String id, Map<String, Object> source);
  }

  private InMemorySeed() {}

  /** Writes every document of {@code options} to {@code out} and returns the manifest. */
  public static Manifest generate(SeedOptions options, Documents out) {
    ObjectMapper json = new ObjectMapper();
    TypeReference<Map<String, Object>> map = new TypeReference<>() {};
    JourneyGenerator generator = new JourneyGenerator(options);
    IncidentTimeline timeline = generator.timeline();
    ManifestRecorder recorder = new ManifestRecorder(options, timeline, generator.skews());
    JourneyDocuments documents = new JourneyDocuments(generator.skews(), timeline);
    Map<IndexFamily, Long> counts = new EnumMap<>(IndexFamily.class);
    DocumentSink sink =
        new DocumentSink() {
          StringBuilder sb;
          JsonOut doc;
          String index;
          long n;

          @Override
          public JsonOut begin(IndexFamily family, long observedMillis) {
            sb = new StringBuilder();
            index = family.indexName(Math.floorDiv(observedMillis, 86_400_000L));
            counts.merge(family, 1L, Long::sum);
            doc = new JsonOut(sb).startDocument();
            return doc;
          }

          @Override
          public void end() {
            doc.endDocument();
            try {
              out.add(index, "doc-" + (++n), json.readValue(sb.toString(), map));
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
        };
    while (generator.hasNext()) {
      Journey j = generator.next();
      documents.write(j, sink);
      recorder.accept(j);
    }
    return recorder.manifest(
        f -> counts.getOrDefault(f, 0L), generator.chattyId(), generator.hostileIds());
  }
}
