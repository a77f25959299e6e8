package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.junit.jupiter.api.Test;

class FlowJsonReaderTest {

  private final FlowJsonReader reader = new FlowJsonReader();

  @Test
  void aFlowWithDocumentsComesBackEqual() {
    Flow flow = RichFlow.flow();

    FlowSnapshot back = reader.read(FlowJson.withDocuments().bytes(flow));

    assertThat(back.flow()).isEqualTo(flow);
    assertThat(back.version()).isEqualTo(FlowJson.VERSION);
    assertThat(back.missing()).isEmpty();
  }

  @Test
  void theCliContractKeepsNoDocumentsAndSaysSo() {
    Flow flow = RichFlow.flow();

    FlowSnapshot back = reader.read(new FlowJson().bytes(flow));

    assertThat(back.missing()).containsExactly(FlowSnapshot.NO_DOCUMENT);
    FlowEvent e = back.flow().hops().get(1).events().get(0);
    assertThat(e.document()).isNull();
    assertThat(e.ids()).containsExactly("ord-1", "4500012345");
    assertThat(e.failure()).isTrue();
    assertThat(back.flow().notices()).isEqualTo(flow.notices());
  }

  @Test
  void aVersion2SnapshotOpensWithWhatItHas() {
    String v2 =
        """
        {"version": 2, "path": "orders", "query": "ord-1", "ids": ["ord-1"],
         "verdict": "STUCK", "stuckAt": "fulfilment", "basis": null, "parts": [], "batches": [],
         "hops": [{"name": "fulfilment", "verdict": "STUCK", "attempts": 1,
                   "firstSeen": "2026-11-26T02:00:00Z", "lastSeen": "2026-11-26T02:00:00Z",
                   "latencyMs": null, "failures": 0, "recovered": false, "skewMs": 0,
                   "parts": null, "sharedBy": [], "blind": [],
                   "events": [{"timestamp": "2026-11-26T02:00:00Z", "index": "f", "docId": "1",
                               "level": "info", "message": "received", "traceId": null}]}],
         "metrics": [], "warnings": ["clock skew: something"]}
        """;

    FlowSnapshot back = reader.read(v2.getBytes(StandardCharsets.UTF_8));

    assertThat(back.version()).isEqualTo(2);
    assertThat(back.flow().verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(back.flow().hops().get(0).events().get(0).message()).isEqualTo("received");
    assertThat(back.flow().hops().get(0).events().get(0).hop()).isEqualTo("fulfilment");
    assertThat(back.flow().notices())
        .isEqualTo(List.of(new Notice.Recorded("clock skew: something")));
    assertThat(back.missing())
        .containsExactly(
            "span fields, event IDs and failure flags not kept in this snapshot (flow JSON"
                + " version 2)",
            FlowSnapshot.NO_DOCUMENT);
  }

  @Test
  void anUnknownNoticeKindKeepsItsWords() {
    String json =
        """
        {"version": 9, "path": "p", "query": "q", "ids": [], "verdict": "OK", "stuckAt": null,
         "hops": [], "metrics": [], "warnings": ["w"],
         "notices": [{"kind": "FromTheFuture", "text": "a notice of a later version"},
                     {"kind": "ClockSkew", "text": "skew", "earlierHop": "a", "laterHop": "b",
                      "millis": "not a number"}]}
        """;

    FlowSnapshot back = reader.read(json.getBytes(StandardCharsets.UTF_8));

    assertThat(back.flow().notices())
        .containsExactly(
            new Notice.Recorded("a notice of a later version"), new Notice.Recorded("skew"));
    assertThat(back.missing())
        .containsExactly(
            "written by a newer Hopscope (flow JSON version 9): what it added is not shown");
  }

  @Test
  void brokenDocumentsSayWhatAndWhere() {
    assertThatThrownBy(() -> reader.read("{\"hops\": [".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FlowJsonReader.Unreadable.class)
        .hasMessageStartingWith("not a flow JSON document: Unexpected end-of-input")
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> reader.read("{\"panel\": 1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FlowJsonReader.Unreadable.class)
        .hasMessage("not a flow JSON document: no \"hops\" (is it a flow snapshot?)");
    String badVerdict =
        "{\"version\":3,\"verdict\":\"OK\",\"hops\":[{\"name\":\"h1\",\"verdict\":\"MAYBE\"}]}";
    assertThatThrownBy(() -> reader.read(badVerdict.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FlowJsonReader.Unreadable.class)
        .hasMessageStartingWith("flow JSON (version 3): cannot read hop h1: ")
        .hasMessageContaining("MAYBE");
  }
}
