package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.LinkCell;
import org.hopscope.ui.look.TextCell;
import org.hopscope.ui.look.VerdictCell;

/**
 * The parts of a split message (id {@code flow-parts-table}): each part's ID, its own verdict, the
 * hop that decides it, the furthest hop with evidence of it and the batch it travelled in (a link
 * that searches the batch).
 */
final class PartsTable extends TableView<Flow.Part> {

  PartsTable(Consumer<String> open) {
    setId("flow-parts-table");
    getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    setPlaceholder(new Label("Not a split message"));
    TableColumn<Flow.Part, HopVerdict> verdict = new TableColumn<>("Verdict");
    verdict.setId("flow-parts-verdict");
    verdict.setPrefWidth(130);
    verdict.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().verdict()));
    verdict.setCellFactory(VerdictCell.of(""));
    TableColumn<Flow.Part, String> batch = text("Batch", "flow-parts-batch", Flow.Part::batch, 160);
    batch.setCellFactory(LinkCell.of(open));
    getColumns()
        .addAll(
            text("Part", "flow-parts-id", Flow.Part::id, 180),
            verdict,
            text("Decided at", "flow-parts-hop", Flow.Part::hop, 170),
            text("Furthest hop", "flow-parts-reached", Flow.Part::reached, 170),
            batch);
  }

  /** Shows {@code f}'s parts (none for null). */
  void setFlow(Flow f) {
    setItems(FXCollections.observableList(f == null ? java.util.List.of() : f.parts()));
  }

  static <S> TableColumn<S, String> text(
      String title, String id, Function<S, String> value, double width) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setId(id);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setCellFactory(TextCell.of(s -> s));
    return c;
  }
}
