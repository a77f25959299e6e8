package org.hopscope.ui.flow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.hopscope.model.EventWords;
import org.hopscope.model.FlowEvent;
import org.hopscope.ui.look.TextCell;

/**
 * The columns, each sortable by its natural order; times in UTC. Time is the time shown (corrected
 * for clock skew, {@link EventTimes}; titled "Corrected" while a hop's times are); the Stored
 * column (id {@code flow-col-stored}, shown only then) has the time as stored for the events of
 * corrected hops.
 */
final class EventColumns {

  /** The time column's title, and while a hop's times are corrected. */
  static final String TIME = "Time (UTC)";

  static final String TIME_CORRECTED = "Corrected";

  /** The stored time's title. */
  static final String STORED = "Stored";

  private EventColumns() {}

  /** The time column, then the stored time, then the rest; {@code times} is the shown flow's. */
  static List<TableColumn<FlowEvent, ?>> all(Supplier<EventTimes> times) {
    TableColumn<FlowEvent, Instant> time =
        column(TIME, "flow-col-time", e -> times.get().shown(e), FlowFormat::time, 120);
    TableColumn<FlowEvent, Instant> stored =
        column(STORED, "flow-col-stored", e -> stored(times.get(), e), FlowFormat::time, 116);
    stored.setVisible(false);
    time.setMinWidth(116);
    stored.setMinWidth(116);
    TableColumn<FlowEvent, String> level =
        column("Level", "flow-col-level", EventWords::level, s -> s, 96);
    level.setMinWidth(88);
    TableColumn<FlowEvent, String> hop = column("Hop", "flow-col-hop", FlowEvent::hop, s -> s, 140);
    hop.setMinWidth(128);
    level.setCellFactory(c -> new LevelCell());
    TableColumn<FlowEvent, Integer> attempt =
        column("Try", "flow-col-attempt", FlowEvent::attempt, a -> a == null ? "" : "#" + a, 52);
    attempt.setMinWidth(46); // "Try" and "#12" never elide
    TableColumn<FlowEvent, String> service =
        column("Service", "flow-col-service", FlowEvent::service, s -> s, 130);
    service.setVisible(false);
    return List.of(
        time,
        stored,
        hop,
        level,
        attempt,
        service,
        column("Trace", "flow-col-trace", FlowEvent::traceId, s -> s, 96),
        column("Message", "flow-col-message", EventWords::message, s -> s, 360));
  }

  /** The stored time of an event whose hop's times are corrected, else null (an empty cell). */
  static Instant stored(EventTimes times, FlowEvent e) {
    return times.skewMs(e.hop()) == 0 ? null : e.timestamp();
  }

  /**
   * The style of a level cell's pill: {@code span-ok}, {@code span-error} or {@code span} for a
   * span (an outlined badge, distinct from the filled log levels), else {@link #levelClass}.
   */
  static String pillClass(String text) {
    if (text != null && (text.equals(EventWords.SPAN) || text.startsWith(EventWords.SPAN + " "))) {
      String outcome = text.substring(EventWords.SPAN.length()).strip();
      return outcome.equals("error") ? "span-error" : outcome.equals("ok") ? "span-ok" : "span";
    }
    return levelClass(text);
  }

  static String levelClass(String level) {
    String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
    if (LaneIndex.isErrorLevel(level)) {
      return "level-error";
    }
    if (l.startsWith("warn")) {
      return "level-warn";
    }
    return l.equals("debug") || l.equals("trace") ? "level-debug" : "level-info";
  }

  private static <T extends Comparable<? super T>> TableColumn<FlowEvent, T> column(
      String title, String id, Function<FlowEvent, T> value, Function<T, String> text, double w) {
    TableColumn<FlowEvent, T> c = new TableColumn<>(title);
    c.setId(id);
    c.setPrefWidth(w);
    c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
    c.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
    c.setCellFactory(TextCell.of(text));
    return c;
  }

  /** A level as a coloured pill; a span's outcome as an outlined "SPAN ok" badge. */
  private static final class LevelCell extends TableCell<FlowEvent, String> {
    private final Label pill = new Label();

    LevelCell() {
      pill.getStyleClass().add("level-pill");
    }

    @Override
    protected void updateItem(String level, boolean empty) {
      super.updateItem(level, empty);
      setText(null);
      if (empty || level == null) {
        setGraphic(null);
        return;
      }
      String style = EventColumns.pillClass(level);
      boolean span = style.startsWith("span");
      pill.setText(span ? level : level.toUpperCase(Locale.ROOT));
      pill.getStyleClass()
          .removeAll(
              "level-error",
              "level-warn",
              "level-info",
              "level-debug",
              "span",
              "span-ok",
              "span-error",
              "span-pill");
      pill.getStyleClass().add(style);
      if (span) {
        pill.getStyleClass().add("span-pill");
      }
      setGraphic(pill);
    }
  }
}
