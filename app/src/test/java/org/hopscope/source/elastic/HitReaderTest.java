package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hopscope.source.RawDocument;
import org.junit.jupiter.api.Test;

class HitReaderTest {

  private final HitReader reader = new HitReader(new ObjectMapper());

  @Test
  void hitsOfOneIndexShareOneIndexNameAndKeepTheirOwnDocuments() throws Exception {
    String answer =
        """
        {"took":1,"hits":{"total":{"value":3},"hits":[
          {"_index":"logs-a","_id":"1","_source":{"m":"one","n":1}},
          {"_index":"logs-b","_id":"2","_source":{"m":"two"}},
          {"_index":"logs-a","_id":"3","_source":{"m":"three","l":[1,2]}}]}}
        """;

    HitReader.Answer read =
        reader.search(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

    List<HitReader.FoundHit> hits = read.hits();
    assertThat(read.total()).isEqualTo(3);
    assertThat(hits)
        .extracting(HitReader.FoundHit::index)
        .containsExactly("logs-a", "logs-b", "logs-a");
    assertThat(hits).extracting(HitReader.FoundHit::id).containsExactly("1", "2", "3");
    assertThat(hits.get(2).index()).isSameAs(hits.get(0).index());
    assertThat(hits.get(0).source()).isEqualTo(Map.of("m", "one", "n", 1));
    assertThat(((RawDocument) hits.get(2).source()).json())
        .isEqualTo("{\"m\":\"three\",\"l\":[1,2]}");
  }
}
