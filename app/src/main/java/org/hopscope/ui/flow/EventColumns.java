package org.hopscope.ui.flow;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.hopscope.model.FlowEvent;
import org.hopscope.ui.look.TextCell;

/** The columns, each sortable by its natural order. */
final class EventColumns {
  private EventColumns() {}

  static List<TableColumn<FlowEvent, ?>> all() {
    TableColumn<FlowEvent, java.time.Instant> time =
        column("Time (UTC)", "flow-col-time", FlowEvent::timestamp, FlowFormat::time, 112);
    time.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
    TableColumn<FlowEvent, String> level =
        column("Level", "flow-col-level", FlowEvent::level, s -> s, 78);
    level.setCellFactory(c -> new LevelCell());
    TableColumn<FlowEvent, String> service =
        column("Service", "flow-col-service", FlowEvent::service, s -> s, 130);
    service.setVisible(false);
    return List.of(
        time,
        column("Hop", "flow-col-hop", FlowEvent::hop, s -> s, 140),
        level,
        column("Try", "flow-col-attempt", FlowEvent::attempt, a -> a == null ? "" : "#" + a, 52),
        service,
        column("Trace", "flow-col-trace", FlowEvent::traceId, s -> s, 96),
        column("Message", "flow-col-message", FlowEvent::message, s -> s, 360));
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

  /** A level as a coloured pill. */
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
      pill.setText(level.toUpperCase(Locale.ROOT));
      pill.getStyleClass().removeAll("level-error", "level-warn", "level-info", "level-debug");
      pill.getStyleClass().add(EventColumns.levelClass(level));
      setGraphic(pill);
    }
  }
}
