package org.hopscope.ui.stuck;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckEstimate.HopEstimate;
import org.hopscope.ui.look.BlindLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The funnel's rows while it shows estimates: every figure "≈ value" with "± bound" under it, the
 * bar hatched and faded, no hop marked most affected; a figure that could not be estimated reads
 * "unknown" (its tooltip says why), never 0; slow has no estimate ("—"). Number ids are those of
 * the exact funnel ({@code funnel-<hop index>-<count>}), with the style class {@code
 * funnel-estimate} (ADR 0039).
 */
final class FunnelEstimate {

  private FunnelEstimate() {}

  /** One hop's row. */
  static HBox row(int index, HopEstimate h, long max, double hopWidth, double numberWidth) {
    HBox row = new HBox();
    row.setId("funnel-row-" + index);
    row.getStyleClass().addAll("funnel-row", "funnel-row-estimate");
    row.setAlignment(Pos.CENTER_LEFT);
    Label step = new Label(Integer.toString(index + 1));
    step.getStyleClass().add("funnel-step");
    Label name = new Label(h.hop());
    name.getStyleClass().add("funnel-hop");
    HBox hop = new HBox(8, step, name);
    hop.setAlignment(Pos.CENTER_LEFT);
    hop.setPrefWidth(hopWidth);
    hop.setMinWidth(hopWidth);
    hop.setMaxWidth(hopWidth);
    if (!h.blind().isEmpty()) {
      row.getStyleClass().add("funnel-row-unknown");
      Label unknown = BlindLook.funnelUnknown(index, h.hop(), "figures", h.blind());
      row.getChildren().addAll(hop, unknown);
      return row;
    }
    row.getChildren().addAll(hop, bar(index, h, max));
    List<Figure> figures = h.figures();
    for (int k = 0; k < figures.size(); k++) {
      row.getChildren().add(cell(index, StuckFunnel.COUNTS[k], figures.get(k), numberWidth));
    }
    Label slow = new Label("\u2014");
    slow.setId("funnel-" + index + "-slow");
    slow.getStyleClass().addAll("funnel-number", "funnel-estimate", "funnel-zero");
    slow.setPrefWidth(numberWidth);
    slow.setMinWidth(numberWidth);
    slow.setAlignment(Pos.CENTER_RIGHT);
    Tooltip.install(
        slow, new Tooltip("Slow hand-overs are counted by the exact analysis only; it follows."));
    row.getChildren().add(slow);
    return row;
  }

  /** The hatched bar of the known figures; an entered figure that is unknown has none. */
  private static javafx.scene.layout.Region bar(int index, HopEstimate h, long max) {
    if (!h.entered().known()) {
      Label none =
          new Label("entered unknown - " + h.entered().why(), new FontIcon(Feather.HELP_CIRCLE));
      none.setId("funnel-" + index + "-bar-unknown");
      none.getStyleClass().add("funnel-unknown");
      none.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(none, Priority.ALWAYS);
      Tooltip.install(none, new Tooltip(h.entered().why()));
      return none;
    }
    HopCounts drawn =
        new HopCounts(
            h.hop(),
            h.entered().value(),
            orNone(h.left()),
            orNone(h.stuck()),
            orNone(h.failed()),
            orNone(h.deadLettered()),
            0,
            List.of());
    FunnelBar bar = new FunnelBar(drawn, max);
    bar.getStyleClass().add("funnel-bar-estimate");
    HBox.setHgrow(bar, Priority.ALWAYS);
    bar.setMaxWidth(Double.MAX_VALUE);
    Tooltip.install(bar, new Tooltip(tip(h)));
    return bar;
  }

  /** An unknown part is not drawn (the hatched rest stands for "not known yet"), never as 0. */
  private static long orNone(Figure f) {
    return f.known() ? f.value() : 0;
  }

  private static VBox cell(int index, String count, Figure f, double width) {
    Label n = new Label(f.known() ? "\u2248 " + StuckWords.count(f.value()) : "unknown");
    n.setId("funnel-" + index + "-" + count);
    n.getStyleClass().addAll("funnel-number", "funnel-estimate", "funnel-count-" + count);
    Label bound = new Label(f.known() ? "\u00b1 " + StuckWords.count(f.bound()) : "");
    bound.setId("funnel-" + index + "-" + count + "-bound");
    bound.getStyleClass().addAll("funnel-delta", "funnel-estimate-bound");
    if (!f.known()) {
      n.getStyleClass().add("funnel-estimate-unknown");
      bound.setVisible(false); // "unknown" alone, centred in the row
      bound.setManaged(false);
    }
    String why = f.why();
    if (why != null) {
      Tooltip.install(n, new Tooltip(why));
    }
    VBox cell = new VBox(1, n, bound);
    cell.setAlignment(Pos.CENTER_RIGHT);
    cell.setMinWidth(width);
    cell.setPrefWidth(width);
    n.setMaxWidth(Double.MAX_VALUE);
    n.setAlignment(Pos.CENTER_RIGHT);
    bound.setMaxWidth(Double.MAX_VALUE);
    bound.setAlignment(Pos.CENTER_RIGHT);
    return cell;
  }

  private static String tip(HopEstimate h) {
    StringBuilder b = new StringBuilder(h.hop()).append(" (estimates)");
    String[] names = {"entered", "left", "stuck", "failed", "dead-lettered"};
    List<Figure> figures = h.figures();
    for (int k = 0; k < names.length; k++) {
      Figure f = figures.get(k);
      b.append('\n').append(names[k]).append(": ");
      b.append(
          f.known()
              ? "\u2248 " + StuckWords.count(f.value()) + " \u00b1 " + StuckWords.count(f.bound())
              : "unknown (" + f.why() + ")");
    }
    return b.toString();
  }
}
