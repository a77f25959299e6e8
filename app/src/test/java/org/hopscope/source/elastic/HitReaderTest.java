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

  @Test
  void documentsAndSortValuesReadAsJacksonsOwnReadersReadThem() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String source =
        """
        {"s":"t\\u00e9xt \\"q\\"","i":7,"neg":-2147483649,"big":123456789012345678901234567890,
         "f":1.5e3,"d":-0.25,"t":true,"fa":false,"nul":null,"e":{},"ea":[],
         "o":{"a.b":[1,{"c":[null,"x"]},[2,3]],"a":{"b":"y"}},"dup":1,"dup":"last",
         "u":"\\ud83d\\ude00 \u00fc"}""";
    String answer =
        "{\"hits\":{\"hits\":[{\"_index\":\"i\",\"_id\":\"1\",\"sort\":[1733490000000,"
            + "9223372036854775807,18446744073709551615,2.5,\"k\",true,null,{\"x\":1},7],"
            + "\"_source\":"
            + source
            + "}]}}";

    HitReader.Answer read =
        reader.search(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

    HitReader.FoundHit hit = read.hits().get(0);
    Map<String, Object> expected = json.readerFor(Map.class).readValue(source);
    Map<String, Object> parsed = ((RawDocument) hit.source()).parse();
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.get("big")).isInstanceOf(java.math.BigInteger.class);
    assertThat(parsed.get("neg")).isInstanceOf(Long.class);
    assertThat(parsed.get("i")).isInstanceOf(Integer.class);
    assertThat(parsed.get("f")).isInstanceOf(Double.class);
    assertThat(parsed).isInstanceOf(java.util.LinkedHashMap.class);
    assertThat(parsed.keySet()).containsExactlyElementsOf(expected.keySet());
    assertThat(parsed.get("dup")).isEqualTo("last");
    com.fasterxml.jackson.databind.JsonNode sort =
        json.readTree(
            "[1733490000000,9223372036854775807,18446744073709551615,2.5,\"k\",true,null,"
                + "{\"x\":1},7]");
    assertThat(hit.sort()).isEqualTo(sort);
    for (int i = 0; i < sort.size(); i++) {
      assertThat(hit.sort().get(i).getNodeType()).isEqualTo(sort.get(i).getNodeType());
      assertThat(hit.sort().get(i).numberType()).isEqualTo(sort.get(i).numberType());
    }
  }

  @Test
  void aDocumentThatIsNoObjectOrEndsEarlyIsAnErrorThatSaysSo() {
    SourceParser parser = new SourceParser(new ObjectMapper().getFactory());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> parser.object("[1]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("where a JSON object belongs");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> parser.object("{\"a\":[1,".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(java.io.IOException.class);
  }
}
