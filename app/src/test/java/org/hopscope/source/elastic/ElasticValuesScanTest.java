package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hopscope.source.elastic.OrdersPath.f;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Utf8Order;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.sandbox.seed.OrdersHop;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource.ValuesCursor;
import org.hopscope.source.KeyValues;
import org.hopscope.source.KeyValuesScan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code scanValues} (composite aggregation with a terms sub-aggregation) on the seeded test
 * sandbox against the ground truth, for plain and keyed (nested Jaeger tag) fields on either side.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElasticValuesScanTest {

  private static final FieldPath MESSAGE_TAG = f("tags[key=message.id].value");
  private static final FieldPath ERP_TAG = f("tags[key=erp.document_number].value");

  private SeededOrders seeded;
  private ElasticEventSource source;

  @BeforeAll
  void open(TestSandbox sandbox) {
    seeded = new SeededOrders(sandbox);
    source = SeededOrders.source(sandbox);
  }

  @AfterAll
  void close() {
    source.close();
  }

  private Map<String, List<String>> all(
      EventSourceDef def, FieldPath key, FieldPath value, int page) {
    KeyValuesScan scan =
        new KeyValuesScan(
            List.of(def.index()),
            key,
            value,
            def.fields().timestamp(),
            def.fields().timestampFormat(),
            seeded.recording);
    Map<String, List<String>> out = new LinkedHashMap<>();
    String last = null;
    try (ValuesCursor cursor = source.scanValues(scan, page, Cancellation.none())) {
      for (List<KeyValues> p = cursor.next(); !p.isEmpty(); p = cursor.next()) {
        assertThat(p.size()).isLessThanOrEqualTo(page);
        for (KeyValues kv : p) {
          assertThat(last == null || Utf8Order.INSTANCE.compare(last, kv.key()) < 0)
              .as(kv.key())
              .isTrue();
          last = kv.key();
          out.put(kv.key(), kv.values());
        }
      }
    }
    return out;
  }

  @Test
  void keyedMessageIdsListTheirKeyedErpNumbers() {
    Map<String, List<String>> numbers = all(OrdersPath.ERP_ADAPTER, MESSAGE_TAG, ERP_TAG, 500);

    Manifest.ReKeys reKeys = seeded.manifest.reKeys();
    assertThat(numbers).hasSize((int) reKeys.count());
    for (Manifest.ReKey pair : reKeys.pairs()) {
      assertThat(numbers.get(pair.messageId())).containsExactly(pair.erpDocumentNumber());
    }
  }

  @Test
  void keyedAndPlainFieldsMapEitherWay() {
    Map<String, List<String>> traces =
        all(OrdersPath.ERP_ADAPTER, MESSAGE_TAG, f("traceID"), 5_000);
    Map<String, List<String>> messages =
        all(OrdersPath.ERP_ADAPTER, f("traceID"), MESSAGE_TAG, 5_000);

    Map<String, List<String>> expectedTraces = new LinkedHashMap<>();
    Map<String, List<String>> expectedMessages = new LinkedHashMap<>();
    for (Journey j : seeded.journeys) {
      Journey.Visit erp = j.visit(OrdersHop.ERP_ADAPTER);
      // a call span is written when the call returns
      if (erp != null
          && erp.attempts().stream().anyMatch(a -> a.outcome() != Journey.Outcome.PENDING)) {
        expectedTraces.put(j.messageId(), List.of(j.backTraceId()));
        expectedMessages.put(j.backTraceId(), List.of(j.messageId()));
      }
    }
    assertThat(traces).isEqualTo(expectedTraces);
    assertThat(messages).isEqualTo(expectedMessages);
  }

  @Test
  void plainFieldsPagedSmallGiveWhatOnePageGives() {
    FieldPath number = f("labels.erp_document_number");
    FieldPath batch = f("labels.batch_id");

    Map<String, List<String>> paged = all(OrdersPath.CONFIRMATION, number, batch, 50);
    Map<String, List<String>> whole = all(OrdersPath.CONFIRMATION, number, batch, 5_000);

    assertThat(paged).isEqualTo(whole).isNotEmpty();
    assertThat(new ArrayList<>(paged.values())).allSatisfy(v -> assertThat(v).hasSize(1));
    assertThat(paged.values().stream().distinct().count()).isLessThan(paged.size());
  }

  @Test
  void aKeysPairsSpanningPagesComeAsOneKey() {
    FieldPath number = f("labels.erp_document_number");
    FieldPath batch = f("labels.batch_id");

    Map<String, List<String>> paged = all(OrdersPath.CONFIRMATION, batch, number, 10);
    Map<String, List<String>> whole = all(OrdersPath.CONFIRMATION, batch, number, 10_000);

    assertThat(paged).isEqualTo(whole);
    assertThat(paged.values()).anyMatch(numbers -> numbers.size() > 10);
    Map<String, List<String>> byNumber = all(OrdersPath.CONFIRMATION, number, batch, 10_000);
    assertThat(paged.values().stream().mapToInt(List::size).sum()).isEqualTo(byNumber.size());
  }
}
