package org.hopscope.ui.stuck;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.HopChange;
import org.hopscope.model.StuckReport;
import org.hopscope.ui.look.BlindLook;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The per-hop funnel of a window report: one row per hop in path order with its bar and its
 * entered, left, stuck, failed, dead-lettered and slow counts; the most affected hop (most stuck +
 * failed + dead-lettered) is marked. Number labels have ids {@code funnel-<hop index>-<count>}. A
 * hop whose sources could not be read has no bar and no numbers, only "unknown - unreadable: ..."
 * in grey (id {@code funnel-<hop index>-unknown}): its counts are unknown, never zero.
 */
final class StuckFunnel extends VBox {

  static final String[] COUNTS = {"entered", "left", "stuck", "failed", "dead-lettered", "slow"};

  /** The verdict each count stands for (entered and left: none). */
  private static final HopVerdict[] VERDICTS = {
    null, null, HopVerdict.STUCK, HopVerdict.ERROR, HopVerdict.DEAD_LETTERED, HopVerdict.SLOW
  };

  private static final String[] HEADERS = {"Entered", "Left", "Stuck", "Failed", "DLQ", "Slow"};
  private static final double NUMBER_WIDTH = 84;
  private static final double HOP_WIDTH = 300;

  private final VBox rows = new VBox();
  private final Label note = new Label();
  private final HBox header = header();
  private final HBox legend = legend();
  private final Label estimateNote = new Label();

  StuckFunnel() {
    setId("stuck-funnel");
    getStyleClass().add("stuck-funnel");
    rows.getStyleClass().add("funnel-rows");
    note.getStyleClass().addAll("funnel-note", Styles.TEXT_MUTED);
    note.setGraphic(new FontIcon(Feather.BAR_CHART_2));
    note.setGraphicTextGap(10);
    estimateNote.setId("funnel-estimate-note");
    estimateNote.getStyleClass().add("funnel-estimate-note");
    estimateNote.setGraphic(new Label("\u2248 ESTIMATE"));
    estimateNote.getGraphic().getStyleClass().add("funnel-estimate-chip");
    ((Label) estimateNote.getGraphic()).setMinWidth(Region.USE_PREF_SIZE); // never "≈ EST…"

    estimateNote.setWrapText(true);
    estimateNote.setMinHeight(Region.USE_PREF_SIZE);
    getChildren().addAll(estimateNote, header, rows, legend, note);
    visible(estimateNote, false);
    showNote("The funnel appears when an analysis completes.");
  }

  /** Shows {@code report}'s hops; null shows {@code why} instead. */
  void show(StuckReport report, String why) {
    show(report, null, why);
  }

  /**
   * Shows {@code report}'s hops with, when {@code changes} is given (of this report), each count's
   * change and the hop that moved most ({@link FunnelChanges}); null shows {@code why} instead.
   */
  void show(StuckReport report, StuckComparison changes, String why) {
    rows.getChildren().clear();
    visible(estimateNote, false);
    boolean shown = report != null;
    for (javafx.scene.Node n : List.of(header, legend)) {
      n.setVisible(shown);
      n.setManaged(shown);
    }
    if (!shown) {
      showNote(why);
      return;
    }
    note.setVisible(false);
    note.setManaged(false);
    List<HopCounts> hops = report.hops();
    long max =
        hops.stream().filter(StuckFunnel::read).mapToLong(HopCounts::entered).max().orElse(1);
    int worst = worst(hops);
    for (int i = 0; i < hops.size(); i++) {
      HopChange change =
          changes == null || changes.hops().size() != hops.size() ? null : changes.hops().get(i);
      rows.getChildren().add(row(i, hops.get(i), max, i == worst, change, changes));
    }
  }

  /**
   * Shows {@code estimate}'s hops as estimates ({@link FunnelEstimate}) under {@code words}, which
   * say what they are and what follows.
   */
  void showEstimate(org.hopscope.model.StuckEstimate estimate, String words) {
    rows.getChildren().clear();
    visible(header, true);
    visible(legend, false);
    visible(note, false);
    estimateNote.setText(words);
    visible(estimateNote, true);
    long max =
        estimate.hops().stream()
            .filter(h -> h.blind().isEmpty() && h.entered().known())
            .mapToLong(h -> h.entered().value())
            .max()
            .orElse(1);
    for (int i = 0; i < estimate.hops().size(); i++) {
      rows.getChildren()
          .add(FunnelEstimate.row(i, estimate.hops().get(i), max, HOP_WIDTH, NUMBER_WIDTH));
    }
  }

  private static void visible(javafx.scene.Node n, boolean shown) {
    n.setVisible(shown);
    n.setManaged(shown);
  }

  private void showNote(String why) {
    note.setText(why);
    note.setVisible(true);
    note.setManaged(true);
  }

  /** Whether the hop's sources could be read (its counts are known). */
  static boolean read(HopCounts c) {
    return c.blind().isEmpty();
  }

  /** What an unreadable hop's row says instead of counts, or null for a hop that was read. */
  static String unknown(HopCounts c) {
    return read(c) ? null : "unknown - unreadable: " + BlindLook.sources(c.blind());
  }

  /** Index of the hop with the most trouble among those read, or -1 when no hop has any. */
  static int worst(List<HopCounts> hops) {
    int worst = -1;
    long most = 0;
    for (int i = 0; i < hops.size(); i++) {
      HopCounts c = hops.get(i);
      if (!read(c)) {
        continue;
      }
      long trouble = c.stuck() + c.failed() + c.deadLettered();
      if (trouble > most) {
        most = trouble;
        worst = i;
      }
    }
    return worst;
  }

  private static HBox header() {
    HBox h = new HBox();
    h.getStyleClass().add("funnel-header");
    Label hop = new Label("HOP");
    hop.setPrefWidth(HOP_WIDTH);
    hop.setMinWidth(HOP_WIDTH);
    Label bar = new Label("ENTERED THE HOP IN THE WINDOW");
    HBox.setHgrow(bar, Priority.ALWAYS);
    bar.setMaxWidth(Double.MAX_VALUE);
    h.getChildren().addAll(hop, bar);
    for (String name : HEADERS) {
      h.getChildren().add(number(name.toUpperCase(java.util.Locale.ROOT)));
    }
    return h;
  }

  private static HBox row(
      int index, HopCounts c, long max, boolean worst, HopChange change, StuckComparison changes) {
    HBox row = new HBox();
    row.setId("funnel-row-" + index);
    row.getStyleClass().add("funnel-row");
    row.setAlignment(Pos.CENTER_LEFT);
    Label step = new Label(Integer.toString(index + 1));
    step.getStyleClass().add("funnel-step");
    Label name = new Label(c.hop());
    name.getStyleClass().add("funnel-hop");
    HBox hop = new HBox(8, step, name);
    hop.setAlignment(Pos.CENTER_LEFT);
    if (worst) {
      row.getStyleClass().add("funnel-row-worst");
      step.getStyleClass().add(VerdictLook.styleClass(HopVerdict.STUCK));
      Label badge = new Label("most affected", new FontIcon(Feather.ALERT_TRIANGLE));
      badge
          .getStyleClass()
          .addAll("funnel-worst-badge", VerdictLook.styleClass(HopVerdict.STUCK), VerdictLook.TEXT);
      badge.setId("funnel-worst");
      hop.getChildren().add(badge);
    }
    javafx.scene.Node line = change == null ? null : FunnelChanges.hopLine(index, change, changes);
    javafx.scene.layout.Region hopCell = hop;
    if (line != null) {
      VBox both = new VBox(4, hop, line);
      both.setAlignment(Pos.CENTER_LEFT);
      hopCell = both;
    }
    hopCell.setPrefWidth(HOP_WIDTH);
    hopCell.setMinWidth(HOP_WIDTH);
    hopCell.setMaxWidth(HOP_WIDTH);
    if (!read(c)) {
      row.getStyleClass().add("funnel-row-unknown");
      name.getStyleClass().add(Styles.TEXT_MUTED);
      Label unknown = BlindLook.funnelUnknown(index, c.hop(), "counts", c.blind());
      row.getChildren().addAll(hopCell, unknown);
      return row;
    }
    FunnelBar bar = new FunnelBar(c, max);
    HBox.setHgrow(bar, Priority.ALWAYS);
    bar.setMaxWidth(Double.MAX_VALUE);
    Tooltip.install(bar, new Tooltip(tip(c)));
    row.getChildren().addAll(hopCell, bar);
    long[] values = {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered(), c.slow()};
    for (int k = 0; k < values.length; k++) {
      Label n = number(StuckWords.count(values[k]));
      n.setId("funnel-" + index + "-" + COUNTS[k]);
      n.getStyleClass().add("funnel-count-" + COUNTS[k]);
      if (values[k] == 0) {
        n.getStyleClass().add("funnel-zero");
      } else if (VERDICTS[k] != null) {
        n.getStyleClass()
            .addAll("funnel-hot", VerdictLook.styleClass(VERDICTS[k]), VerdictLook.TEXT);
      }
      if (change == null || !change.compared()) {
        row.getChildren().add(n);
      } else {
        Label delta = FunnelChanges.delta(index, COUNTS[k], change.figures().get(k), changes);
        VBox cell = new VBox(1, n, delta);
        cell.setAlignment(Pos.CENTER_RIGHT);
        cell.setMinWidth(NUMBER_WIDTH);
        cell.setPrefWidth(NUMBER_WIDTH);
        delta.setMaxWidth(Double.MAX_VALUE);
        delta.setAlignment(Pos.CENTER_RIGHT);
        row.getChildren().add(cell);
      }
    }
    return row;
  }

  private static Label number(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("funnel-number");
    l.setPrefWidth(NUMBER_WIDTH);
    l.setMinWidth(NUMBER_WIDTH);
    l.setAlignment(Pos.CENTER_RIGHT);
    return l;
  }

  private static String tip(HopCounts c) {
    return String.format(
        "%s\n%s entered, %s left\n%s stuck, %s failed, %s dead-lettered, %s slow",
        c.hop(),
        StuckWords.count(c.entered()),
        StuckWords.count(c.left()),
        StuckWords.count(c.stuck()),
        StuckWords.count(c.failed()),
        StuckWords.count(c.deadLettered()),
        StuckWords.count(c.slow()));
  }

  private static HBox legend() {
    HBox l = new HBox(16);
    l.getStyleClass().add("funnel-legend");
    l.setAlignment(Pos.CENTER_LEFT);
    l.getChildren()
        .addAll(
            swatch("left", "funnel-left"),
            swatch("stuck", VerdictLook.styleClass(HopVerdict.STUCK), VerdictLook.AREA),
            swatch("failed", VerdictLook.styleClass(HopVerdict.ERROR), VerdictLook.AREA),
            swatch(
                "dead-lettered",
                VerdictLook.styleClass(HopVerdict.DEAD_LETTERED),
                VerdictLook.AREA),
            swatch("in flight / not yet left", "funnel-rest"));
    return l;
  }

  private static HBox swatch(String text, String... styleClasses) {
    Region box = new Region();
    box.getStyleClass().add("funnel-swatch");
    box.getStyleClass().addAll(styleClasses);
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TEXT_MUTED);
    HBox h = new HBox(6, box, l);
    h.setAlignment(Pos.CENTER_LEFT);
    return h;
  }
}
