package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.IdQuery;

/** {@link ElasticEventSource#bareTransfer}: the baseline of the flow benchmark. */
final class BareTransfer {

  private static final Time KEEP_ALIVE = Time.of(t -> t.time("1m"));

  private final ElasticConnection connection;
  private final IdSearch search;

  BareTransfer(ElasticConnection connection, IdSearch search) {
    this.connection = connection;
    this.search = search;
  }

  /** A page's hit count and last sort values. */
  private record Page(int hits, JsonNode last) {}

  long documents(List<IdQuery> queries, TimeWindow window, Cancellation cancel) {
    long documents = 0;
    for (IdSearch.Part part : IdSearch.plan(queries, window)) {
      String index = part.idQuery().source().index();
      String pit =
          connection
              .call(
                  "opening a point in time on " + index,
                  () ->
                      connection
                          .client()
                          .openPointInTime(
                              o -> o.index(index).keepAlive(KEEP_ALIVE).ignoreUnavailable(true)),
                  r -> false,
                  cancel)
              .id();
      List<SortOptions> order = new ArrayList<>(part.sort().subList(0, part.sort().size() - 1));
      order.add(SortOptions.of(s -> s.field(f -> f.field("_shard_doc"))));
      try {
        JsonNode after = null;
        while (true) {
          String body =
              "{\"query\":"
                  + search.json(part.query())
                  + ",\"sort\":"
                  + search.json(order)
                  + ",\"track_total_hits\":false,\"pit\":{\"id\":"
                  + search.quoted(pit)
                  + ",\"keep_alive\":\"1m\"},\"size\":"
                  + IdSearch.PIT_PAGE
                  + (after == null ? "" : ",\"search_after\":" + after)
                  + "}";
          Page page =
              connection.call(
                  "a page of the search of " + index,
                  () -> connection.post("/_search", body, this::scan),
                  r -> false,
                  cancel);
          documents += page.hits();
          if (page.hits() < IdSearch.PIT_PAGE) {
            break;
          }
          after = page.last();
        }
      } finally {
        String id = pit;
        connection.call(
            "closing a point in time",
            () -> connection.client().closePointInTime(c -> c.id(id)),
            r -> false,
            Cancellation.none());
      }
    }
    return documents;
  }

  /** Counts the hits and keeps the last one's sort values; everything else is skipped. */
  private Page scan(InputStream in) throws IOException {
    int hits = 0;
    JsonNode last = null;
    try (JsonParser p = connection.json().getFactory().createParser(in)) {
      int depth = 0;
      while (p.nextToken() != null) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.FIELD_NAME && "sort".equals(p.currentName()) && depth == 4) {
          p.nextToken();
          last = p.readValueAsTree();
          hits++;
        } else if (t == JsonToken.FIELD_NAME && "_source".equals(p.currentName())) {
          p.nextToken();
          p.skipChildren();
        } else if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
      }
    }
    return new Page(hits, last);
  }
}
