package org.hopscope.ui.stuck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.hopscope.model.StuckMessage;

/**
 * The stuck table's rows: the messages found that pass the filter, in the table's sort order (found
 * order when unsorted). A batch appended to the messages is filtered, sorted on its own and merged
 * in runs, so the work per batch is the batch's, not the list's: {@code FilteredList} + {@code
 * SortedList} re-index the whole list for every added item (quadratic in a 25,000-message analysis;
 * ADR 0039). A filter change rebuilds; a sort change permutes (the selection follows).
 */
final class MessageRows {

  private final ObservableList<StuckMessage> all;
  private final ObservableList<StuckMessage> rows = FXCollections.observableArrayList();
  private Predicate<StuckMessage> filter;
  private Comparator<? super StuckMessage> order;

  /**
   * @param all the messages in found order; the rows follow its appends and clears
   */
  MessageRows(ObservableList<StuckMessage> all) {
    this.all = all;
    all.addListener((ListChangeListener<StuckMessage>) this::changed);
    rebuild();
  }

  /** The rows to show (the table's items). */
  ObservableList<StuckMessage> rows() {
    return rows;
  }

  /** Keeps only the messages {@code filter} accepts (null: all) and rebuilds the rows. */
  void filter(Predicate<StuckMessage> filter) {
    this.filter = filter;
    rebuild();
  }

  /** Orders the rows by {@code order} (null: found order) with one permutation. */
  void order(Comparator<? super StuckMessage> order) {
    this.order = order;
    if (order != null) {
      rows.sort(order);
    } else {
      Map<StuckMessage, Integer> found = new IdentityHashMap<>();
      for (int i = 0; i < all.size(); i++) {
        found.put(all.get(i), i);
      }
      rows.sort(Comparator.comparingInt(found::get));
    }
  }

  private void changed(ListChangeListener.Change<? extends StuckMessage> c) {
    List<StuckMessage> appended = new ArrayList<>();
    boolean onlyAppends = true;
    while (c.next()) {
      if (c.wasAdded() && !c.wasRemoved() && !c.wasPermutated() && !c.wasUpdated()) {
        appended.addAll(c.getAddedSubList());
      } else {
        onlyAppends = false;
      }
    }
    if (onlyAppends) {
      add(appended);
    } else {
      rebuild();
    }
  }

  private void add(List<StuckMessage> batch) {
    List<StuckMessage> kept = new ArrayList<>(batch.size());
    for (StuckMessage m : batch) {
      if (filter == null || filter.test(m)) {
        kept.add(m);
      }
    }
    if (kept.isEmpty()) {
      return;
    }
    if (order == null) {
      rows.addAll(kept);
      return;
    }
    kept.sort(order);
    int i = 0;
    while (i < kept.size()) {
      int at = after(kept.get(i));
      int j = i + 1;
      while (j < kept.size()
          && (at == rows.size() || order.compare(kept.get(j), rows.get(at)) < 0)) {
        j++;
      }
      rows.addAll(at, kept.subList(i, j));
      i = j;
    }
  }

  /** Index after the last row that sorts at or before {@code m} (equal rows keep found order). */
  private int after(StuckMessage m) {
    int lo = 0;
    int hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (order.compare(rows.get(mid), m) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void rebuild() {
    List<StuckMessage> kept = new ArrayList<>(all.size());
    for (StuckMessage m : all) {
      if (filter == null || filter.test(m)) {
        kept.add(m);
      }
    }
    if (order != null) {
      kept.sort(order);
    }
    rows.setAll(kept);
  }
}
