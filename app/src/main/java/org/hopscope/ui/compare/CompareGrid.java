package org.hopscope.ui.compare;

import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.EventKind;
import org.hopscope.model.Comparison.FieldDifference;
import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.Comparison.Side;
import org.hopscope.oncall.ComparisonWords;
import org.hopscope.ui.flow.FlowFormat;
import org.hopscope.ui.look.VerdictLook;

/**
 * The hop-by-hop part of the compare view: a header and one block per hop, each with both sides'
 * verdicts and times, hand-over latencies, the delta and attempts side by side, and below them the
 * events the subject is missing, the ones only it has and the fields that differ. Cells have fixed
 * widths and wrap: nothing is elided.
 */
final class CompareGrid extends VBox {

  private static final double HOP = 180;
  private static final double SIDE = 236;
  private static final double LATENCY = 140;
  private static final double DELTA = 100;
  private static final double ATTEMPTS = 104;

  CompareGrid() {
    getStyleClass().addAll("compare-grid", org.hopscope.ui.look.ElisionCheck.ESSENTIAL);
    setId("compare-grid");
  }

  /** Shows {@code c} (with both sides); empty for null or a comparison without another side. */
  void show(Comparison c) {
    getChildren().clear();
    if (c == null || c.other() == null) {
      return;
    }
    String a = c.subject().ids().isEmpty() ? c.subject().query() : c.subject().ids().get(0);
    String b = c.basis().otherId();
    HBox header =
        new HBox(
            cell("HOP", HOP),
            cell("A  " + a, SIDE),
            cell("B  " + b, SIDE),
            cell("HAND-OVER A", LATENCY),
            cell("HAND-OVER B", LATENCY),
            cell("DELTA A − B", DELTA),
            cell("ATTEMPTS A/B", ATTEMPTS));
    header.getStyleClass().add("compare-header");
    getChildren().add(header);
    List<HopComparison> hops = c.hops();
    for (int i = 0; i < hops.size(); i++) {
      getChildren().add(hop(hops.get(i), i == hops.size() - 1));
    }
  }

  private Node hop(HopComparison h, boolean last) {
    Label name = cell(h.hop(), HOP);
    name.getStyleClass().add("compare-hop-name");
    String deltaText = ComparisonWords.hopDelta(h);
    Label delta = cell(deltaText.isEmpty() ? "—" : deltaText, DELTA);
    if (h.latencyDeltaMs() != null && h.latencyDeltaMs() != 0) {
      delta.getStyleClass().add(h.latencyDeltaMs() > 0 ? "compare-slower" : "compare-faster");
    }
    HBox row =
        new HBox(
            name,
            side(h.subject()),
            side(h.other()),
            latency(h.subject(), last),
            latency(h.other(), last),
            delta,
            cell(h.subject().attempts() + " / " + h.other().attempts(), ATTEMPTS));
    row.getStyleClass().add("compare-hop-row");
    VBox details = new VBox();
    details.getStyleClass().add("compare-details");
    for (EventKind k : h.missing()) {
      details.getChildren().add(detail("Missing in A (B has it): " + kind(k), "compare-missing"));
    }
    for (EventKind k : h.extra()) {
      details.getChildren().add(detail("Only in A: " + kind(k), "compare-extra"));
    }
    for (FieldDifference d : h.fields()) {
      details
          .getChildren()
          .add(
              detail(
                  "Differs (A vs B): "
                      + d.field()
                      + " = "
                      + ComparisonWords.value(d.subject())
                      + " vs "
                      + ComparisonWords.value(d.other())
                      + "  (in \""
                      + d.event()
                      + "\")",
                  "compare-field"));
    }
    if (h.moreFields() > 0) {
      details
          .getChildren()
          .add(detail("and " + h.moreFields() + " more differing fields", "compare-field"));
    }
    VBox block = new VBox(row);
    if (!details.getChildren().isEmpty()) {
      block.getChildren().add(details);
    }
    block.getStyleClass().add("compare-hop");
    block.setId("compare-hop-" + h.hop());
    return block;
  }

  private static String kind(EventKind k) {
    return k.key() + ComparisonWords.times(k.count());
  }

  private static Node side(Side s) {
    VBox box = new VBox(3);
    box.setMinWidth(SIDE);
    box.setPrefWidth(SIDE);
    box.setMaxWidth(SIDE);
    if (!s.reached() && s.verdict() == org.hopscope.model.HopVerdict.NO_EVIDENCE) {
      Label not = new Label(ComparisonWords.verdict(s));
      not.getStyleClass().add("compare-not-reached");
      box.getChildren().add(not);
      return box;
    }
    Label badge = new Label();
    badge.setMinWidth(Region.USE_PREF_SIZE);
    VerdictLook.showIn(badge, s.verdict());
    box.getChildren().add(badge);
    if (s.first() != null) {
      Label times =
          new Label(
              times(s.first(), s.last())
                  + "  ·  "
                  + s.events()
                  + (s.events() == 1 ? " event" : " events"));
      times.getStyleClass().add("compare-times");
      times.setWrapText(true);
      box.getChildren().add(times);
    }
    return box;
  }

  private static String times(Instant first, Instant last) {
    String f = FlowFormat.time(first);
    return last == null || last.equals(first) ? f : f + " – " + FlowFormat.time(last);
  }

  private static Label latency(Side s, boolean last) {
    Label l = cell(ComparisonWords.latency(s, last), LATENCY);
    if (!s.reached()) {
      l.getStyleClass().add("compare-not-reached");
    }
    return l;
  }

  private static Label detail(String text, String style) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMaxWidth(Double.MAX_VALUE);
    l.setMinHeight(Region.USE_PREF_SIZE);
    l.getStyleClass().add(style);
    return l;
  }

  private static Label cell(String text, double width) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinWidth(width);
    l.setPrefWidth(width);
    l.setMaxWidth(width);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }
}
