package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckMessage;
import org.junit.jupiter.api.Test;

class MessageRowsTest {

  private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");
  private final ObservableList<StuckMessage> found = FXCollections.observableArrayList();
  private final MessageRows rows = new MessageRows(found);
  private final List<String> changes = new ArrayList<>();

  MessageRowsTest() {
    rows.rows()
        .addListener(
            (ListChangeListener<StuckMessage>)
                c -> {
                  while (c.next()) {
                    changes.add(
                        (c.wasPermutated() ? "permuted" : "+" + c.getAddedSize())
                            + (c.wasRemoved() ? " -" + c.getRemovedSize() : "")
                            + " at "
                            + c.getFrom());
                  }
                });
  }

  private static StuckMessage m(String id, String hop) {
    return new StuckMessage(id, hop, HopVerdict.STUCK, T);
  }

  private List<String> ids() {
    return rows.rows().stream().map(StuckMessage::id).toList();
  }

  @Test
  void unsortedRowsFollowTheFoundOrderWithOneAppendPerBatch() {
    found.addAll(List.of(m("c", "h"), m("a", "h")));
    found.addAll(List.of(m("b", "h")));
    assertThat(ids()).containsExactly("c", "a", "b");
    assertThat(changes).containsExactly("+2 at 0", "+1 at 2");
  }

  @Test
  void aSortedTableMergesEachBatchInRunsAndEqualRowsKeepTheFoundOrder() {
    found.addAll(List.of(m("d", "x"), m("b", "x")));
    rows.order(Comparator.comparing(StuckMessage::id));
    assertThat(ids()).containsExactly("b", "d");
    changes.clear();
    found.addAll(List.of(m("e", "1"), m("a", "2"), m("c", "3"), m("a", "4"), m("f", "5")));
    assertThat(ids()).containsExactly("a", "a", "b", "c", "d", "e", "f");
    assertThat(rows.rows().subList(0, 2)).extracting(StuckMessage::hop).containsExactly("2", "4");
    assertThat(changes).containsExactly("+2 at 0", "+1 at 3", "+2 at 5");
  }

  @Test
  void theFilterRebuildsAndAppliesToLaterBatchesAndNoOrderRestoresTheFoundOrder() {
    found.addAll(List.of(m("b", "fulfilment"), m("a", "erp"), m("c", "fulfilment")));
    rows.order(Comparator.comparing(StuckMessage::id));
    rows.filter(s -> s.hop().equals("fulfilment"));
    assertThat(ids()).containsExactly("b", "c");
    found.addAll(List.of(m("a2", "fulfilment"), m("z", "erp")));
    assertThat(ids()).containsExactly("a2", "b", "c");
    rows.order(null);
    assertThat(ids()).containsExactly("b", "c", "a2");
    rows.filter(null);
    assertThat(ids()).containsExactly("b", "a", "c", "a2", "z");
  }

  @Test
  void aClearedListEmptiesTheRows() {
    found.addAll(List.of(m("a", "h"), m("b", "h")));
    found.clear();
    assertThat(ids()).isEmpty();
    found.add(m("c", "h"));
    assertThat(ids()).containsExactly("c");
  }
}
