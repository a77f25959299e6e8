package org.hopscope.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.hopscope.model.Flow;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.oncall.FlowJson;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartPng;
import org.hopscope.ui.chart.ChartSeriesJson;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.incident.EvidenceDraft;
import org.hopscope.ui.incident.EvidenceSaver;
import org.hopscope.ui.look.DisabledTip;
import org.hopscope.ui.metrics.ChartEvidenceTarget;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Save as evidence" in the flow view (the shown flow as {@code FLOW_JSON}, the contract of {@code
 * flow --json}) and on each hop-metrics chart ({@code CHART_PNG} 1600x900 plus {@code
 * METRIC_SERIES}), saved on the open incident through {@link EvidenceSaver}. The JSON and the PNG
 * are produced off the FX thread (charts are drawn with Java2D, not JavaFX).
 */
final class EvidenceActions implements ChartEvidenceTarget {

  private final EvidenceSaver saver;

  /**
   * @param saver the open incident's saver
   */
  EvidenceActions(EvidenceSaver saver) {
    this.saver = saver;
  }

  /** The flow view's button ({@code flow-save-evidence}): enabled with an incident and a flow. */
  Node flowButton(FlowViewModel flow) {
    Button save = new Button("Save as evidence", new FontIcon(Feather.ARCHIVE));
    save.setId("flow-save-evidence");
    save.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    save.setMnemonicParsing(false);
    save.setOnAction(e -> saveFlow(flow.flowProperty().get(), flow.windowProperty().get()));
    ObservableBooleanValue enabled =
        Bindings.and(saver.availableProperty(), flow.flowProperty().isNotNull());
    javafx.scene.control.Label done = new javafx.scene.control.Label();
    done.setId("flow-evidence-status");
    done.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    done.textProperty().bind(saver.confirmationProperty());
    javafx.scene.layout.HBox box =
        new javafx.scene.layout.HBox(
            6,
            done,
            DisabledTip.wrap(
                save,
                enabled,
                "Keep this flow (JSON, as flow --json writes it) on the open incident",
                EvidenceSaver.NO_INCIDENT));
    box.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
    return box;
  }

  /** Saves {@code shown} (null: nothing) searched in {@code window} (null: up to now). */
  void saveFlow(Flow shown, TimeWindow window) {
    if (shown == null) {
      return;
    }
    String title = "flow " + shown.query();
    String query = flowQuery(shown, window);
    saver.save(
        title,
        () ->
            List.of(
                new EvidenceDraft(
                    Evidence.Kind.FLOW_JSON,
                    title,
                    query,
                    EvidenceDraft.JSON,
                    FlowJson.withDocuments().bytes(shown))));
  }

  /** E.g. "message ord-1 on path orders, 2026-11-26T02:00:00Z..2026-11-26T05:00:00Z". */
  static String flowQuery(Flow flow, TimeWindow window) {
    return "message "
        + flow.query()
        + " on path "
        + flow.path()
        + ", "
        + (window == null ? "no time bound" : window.from() + ".." + window.to());
  }

  @Override
  public ObservableBooleanValue available() {
    return saver.availableProperty();
  }

  @Override
  public javafx.beans.value.ObservableStringValue confirmation() {
    return saver.confirmationProperty();
  }

  @Override
  public String unavailableReason() {
    return EvidenceSaver.NO_INCIDENT;
  }

  @Override
  public void save(String hop, ChartModel model, ChartTheme theme) {
    String title = (hop == null ? "" : hop + ": ") + model.title();
    saver.save(
        "chart " + title,
        () ->
            List.of(
                new EvidenceDraft(
                    Evidence.Kind.CHART_PNG,
                    title + " (chart)",
                    model.query(),
                    EvidenceDraft.PNG,
                    ChartPng.bytes(model, theme, ChartPng.WIDTH, ChartPng.HEIGHT)),
                new EvidenceDraft(
                    Evidence.Kind.METRIC_SERIES,
                    title + " (series)",
                    model.query(),
                    EvidenceDraft.JSON,
                    ChartSeriesJson.bytes(hop, model))));
  }
}
