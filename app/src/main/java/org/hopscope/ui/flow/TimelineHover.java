package org.hopscope.ui.flow;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.hopscope.model.EventWords;
import org.hopscope.model.FlowEvent;

/**
 * The card that follows the pointer over a timeline mark: time (corrected for clock skew, the
 * stored time beside it), level, attempt and message.
 */
final class TimelineHover extends VBox {

  private final Label title = new Label();
  private final Label message = new Label();

  TimelineHover() {
    setId("flow-timeline-hover");
    getStyleClass().add("timeline-hover");
    title.getStyleClass().add("hover-title");
    message.getStyleClass().add("hover-message");
    getChildren().addAll(title, message);
    setManaged(false);
    setVisible(false);
    setMouseTransparent(true);
  }

  /** Shows {@code e} (null hides the card), its hop's times corrected by {@code skewMs}. */
  void show(FlowEvent e, long skewMs) {
    setVisible(e != null);
    if (e == null) {
      return;
    }
    String attempt = e.attempt() == null ? "" : "  ·  attempt " + e.attempt();
    String words = EventWords.level(e);
    String level = words == null ? "" : "  ·  " + words;
    title.setText(FlowFormat.dateTime(e.timestamp().plusMillis(skewMs)) + level + attempt);
    String kind = e.deadLetter() ? "[dead letter] " : e.failure() ? "[failure] " : "";
    String stored =
        skewMs == 0
            ? ""
            : "stored "
                + FlowFormat.time(e.timestamp())
                + " (clock "
                + SkewWords.signed(skewMs)
                + " corrected)\n";
    String text = EventWords.message(e);
    String lasted =
        e.duration() == null
            ? ""
            : "\nlasted " + FlowFormat.latency(Math.round(LaneIndex.durationMs(e)));
    message.setText(stored + kind + (text == null ? "(no message)" : text) + lasted);
    applyCss();
    autosize();
  }

  /** Shows a card of a title and a message (a compressed break's real gap). */
  void showText(String titleText, String messageText) {
    setVisible(true);
    title.setText(titleText);
    message.setText(messageText);
    applyCss();
    autosize();
  }

  /** The card's title and message, one line each. */
  String text() {
    return title.getText() + "\n" + message.getText();
  }

  /** Places the card beside pointer (x, y), flipped to stay inside a w x h parent. */
  void place(double x, double y, double parentW, double parentH) {
    double w = prefWidth(-1);
    double h = prefHeight(w);
    double px = x + 14 + w > parentW ? x - 14 - w : x + 14;
    double py = y + 14 + h > parentH ? y - 14 - h : y + 14;
    relocate(Math.max(0, px), Math.max(0, py));
  }
}
