package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.hopscope.model.Flow;

/**
 * The tabs under the timeline (id {@code flow-details}): the events table always (tab {@code
 * flow-tab-events}); the parts of a split message ({@code flow-tab-parts}) and each batch the
 * message travelled in ({@code flow-tab-batch-<n>}) when there are any. With the events alone the
 * tab headers are hidden (pseudo-class {@code :single}).
 */
final class FlowDetails extends TabPane {

  private static final PseudoClass SINGLE = PseudoClass.getPseudoClass("single");

  private final Tab events;
  private final Tab parts;
  private final PartsTable partsTable;
  private final Consumer<String> open;

  /**
   * @param events the events table
   * @param open searches an ID (a batch member, a batch)
   */
  FlowDetails(EventsTable events, Consumer<String> open) {
    this.open = open;
    setId("flow-details");
    getStyleClass().add("flow-details");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    this.events = new Tab("Events", events);
    this.events.setId("flow-tab-events");
    partsTable = new PartsTable(open);
    parts = new Tab("Parts", partsTable);
    parts.setId("flow-tab-parts");
    getTabs().add(this.events);
    pseudoClassStateChanged(SINGLE, true);
  }

  /**
   * Shows the tabs for {@code f} (null: the events alone); the events tab is selected, or the
   * batch's when the search was for the batch.
   */
  void setFlow(Flow f) {
    List<Tab> tabs = new ArrayList<>(List.of(events));
    partsTable.setFlow(f);
    if (f != null && !f.parts().isEmpty()) {
      parts.setText(PartBatchWords.partsTitle(f.parts()));
      tabs.add(parts);
    }
    List<Flow.Batch> batches = f == null ? List.of() : f.batches();
    Tab selected = events;
    for (int i = 0; i < batches.size(); i++) {
      Flow.Batch b = batches.get(i);
      Tab t = new Tab(PartBatchWords.title(b), new BatchPane(f, b, i, open));
      t.setId("flow-tab-batch-" + i);
      tabs.add(t);
      if (b.id().equals(f.query())) {
        selected = t; // the batch itself was searched: its members first
      }
    }
    getTabs().setAll(tabs);
    getSelectionModel().select(selected);
    pseudoClassStateChanged(SINGLE, getTabs().size() == 1);
  }
}
