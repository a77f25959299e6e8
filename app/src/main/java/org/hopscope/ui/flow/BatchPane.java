package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.LinkCell;
import org.hopscope.ui.look.VerdictCell;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One batch the message travelled in (id {@code flow-batch-<n>}): what it is (heading), and its
 * members, each ID a link that searches it. When the search was for the batch, every member has its
 * verdict; otherwise the sample of other members is listed without verdicts and a button searches
 * the batch itself.
 */
final class BatchPane extends VBox {

  BatchPane(Flow f, Flow.Batch b, int index, Consumer<String> open) {
    setId("flow-batch-" + index);
    getStyleClass().add("flow-batch");
    Label heading = new Label(PartBatchWords.heading(f, b));
    heading.setId("flow-batch-" + index + "-heading");
    heading.getStyleClass().add("batch-heading");
    heading.setWrapText(true);
    heading.setMinWidth(0);
    heading.setMinHeight(Label.USE_PREF_SIZE);
    heading.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(heading, Priority.ALWAYS);
    HBox top = new HBox(10, new FontIcon(Feather.PACKAGE), heading);
    top.setAlignment(Pos.CENTER_LEFT);
    top.getStyleClass().add("batch-toolbar");
    if (b.verdicts().isEmpty() && !b.id().equals(f.query())) {
      Button search = new Button("Search batch " + b.id(), new FontIcon(Feather.SEARCH));
      search.setId("flow-batch-" + index + "-search");
      search.getStyleClass().add(Styles.SMALL);
      search.setMinWidth(Button.USE_PREF_SIZE);
      search.setOnAction(e -> open.accept(b.id()));
      top.getChildren().add(search);
    }
    TableView<PartBatchWords.Member> table =
        new TableView<>(FXCollections.observableList(PartBatchWords.rows(b)));
    table.setId("flow-batch-" + index + "-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<PartBatchWords.Member, String> id =
        PartsTable.text("Member", "flow-batch-member", PartBatchWords.Member::id, 220);
    id.setCellFactory(LinkCell.of(open));
    TableColumn<PartBatchWords.Member, HopVerdict> verdict = new TableColumn<>("Verdict");
    verdict.setPrefWidth(140);
    verdict.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().verdict()));
    verdict.setCellFactory(VerdictCell.of("search it to see"));
    table
        .getColumns()
        .addAll(
            id,
            verdict,
            PartsTable.text("At hop", "flow-batch-hop", PartBatchWords.Member::hop, 200));
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(top, table);
  }
}
