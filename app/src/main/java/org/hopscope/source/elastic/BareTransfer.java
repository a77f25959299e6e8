package org.hopscope.source.elastic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.IdQuery;

/** {@link ElasticEventSource#bareTransfer}: the baseline of the flow benchmark. */
final class BareTransfer {

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
    SearchDialect dialect = connection.identity(cancel).dialect();
    for (IdSearch.Part part : IdSearch.plan(queries, window)) {
      String index = part.idQuery().source().index();
      String pit = PitPager.open(connection, dialect, index, cancel);
      String prefix = PitPager.prefix(search, dialect, part.query(), part.sort());
      try {
        JsonNode after = null;
        while (true) {
          String body = PitPager.page(search, prefix, pit, IdSearch.PIT_PAGE, after);
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
        connection.call(
            "closing a point in time",
            () -> PitPager.close(connection, dialect, pit),
            r -> false,
            cancel.sharingSilences());
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
