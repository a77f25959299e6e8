package org.hopscope.ui.profiles;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.oncall.PathsCheck;
import org.hopscope.ui.status.SourceHealth;
import org.hopscope.ui.status.SourceHealthText;

/**
 * What "test connection" found: one line per source with the status bar's coloured dot, the version
 * and health, or the exact error; then the index patterns of the profile's paths (a warning dot and
 * every problem, scrollable, when one is missing, unreadable or lacks a field); then what weakens
 * the connection (e.g. TLS verification off).
 */
final class TestResultView extends VBox {

  private final Line elasticsearch = new Line("profiles-test-es");
  private final Line prometheus = new Line("profiles-test-prometheus");
  private final PathsLine paths = new PathsLine();
  private final Label notices = new Label();

  TestResultView(ProfilesViewModel vm) {
    setId("profiles-test-result");
    getStyleClass().add("test-result");
    setSpacing(6);
    notices.setId("profiles-test-notices");
    notices.setWrapText(true);
    notices.getStyleClass().addAll("health-text", SourceHealth.Level.DEGRADED.styleClass());
    getChildren().addAll(elasticsearch, prometheus, paths, notices);
    vm.reportProperty().addListener((o, was, now) -> show(now));
    show(vm.reportProperty().get());
  }

  private void show(ConnectionReport report) {
    setVisible(report != null);
    setManaged(report != null);
    if (report != null) {
      elasticsearch.show(report.elasticsearch());
      prometheus.show(report.prometheus());
      paths.show(report.paths());
      notices.setText(
          String.join("\n", report.notices().stream().map(n -> "⚠ " + n.text()).toList()));
      notices.setVisible(!report.notices().isEmpty());
      notices.setManaged(!report.notices().isEmpty());
    }
  }

  /** The paths' index patterns and fields: dot, summary and problems (scrolling when many). */
  private static final class PathsLine extends HBox {
    private final Circle dot = new Circle(5);
    private final Label text = new Label();

    PathsLine() {
      super(8);
      Label name = new Label("Paths");
      name.getStyleClass().add("test-source");
      name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      name.setPrefWidth(112);
      text.setId("profiles-test-paths");
      text.setWrapText(true);
      dot.setId("profiles-test-paths-dot");
      dot.getStyleClass().add("health-dot");
      dot.setTranslateY(5);
      ScrollPane scroll = new ScrollPane(text);
      scroll.setFitToWidth(true);
      scroll.setMaxHeight(160);
      scroll.getStyleClass().add("edge-to-edge");
      HBox.setHgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
      setAlignment(Pos.TOP_LEFT);
      getChildren().addAll(dot, name, scroll);
    }

    void show(PathsCheck check) {
      boolean shown = PathsCheckText.shown(check);
      setVisible(shown);
      setManaged(shown);
      SourceHealth.Level level = PathsCheckText.level(check);
      for (SourceHealth.Level l : SourceHealth.Level.values()) {
        dot.getStyleClass().remove(l.styleClass());
      }
      dot.getStyleClass().add(level.styleClass());
      text.getStyleClass().setAll("label", "health-text", level.styleClass());
      text.setText(PathsCheckText.text(check));
    }
  }

  /** One source: dot, name, what it said. */
  private static final class Line extends HBox {
    private final Circle dot = new Circle(5);
    private final Label name = new Label();
    private final Label text = new Label();

    Line(String id) {
      super(8);
      text.setId(id);
      text.setWrapText(true);
      dot.getStyleClass().add("health-dot");
      name.getStyleClass().add("test-source");
      name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      name.setPrefWidth(112);
      setAlignment(Pos.TOP_LEFT);
      dot.setTranslateY(5);
      getChildren().addAll(dot, name, text);
    }

    void show(SourceCheck check) {
      SourceHealth health = SourceHealthText.of(check);
      for (SourceHealth.Level l : SourceHealth.Level.values()) {
        dot.getStyleClass().remove(l.styleClass());
      }
      dot.getStyleClass().add(health.level().styleClass());
      text.getStyleClass().setAll("label", "health-text", health.level().styleClass());
      name.setText(check.source());
      text.setText(describe(check));
    }

    private static String describe(SourceCheck check) {
      if (check.state() == State.NOT_CONFIGURED) {
        return "not configured (flows come without metrics)";
      }
      if (check.state() == State.FAILED) {
        return check.error();
      }
      StringBuilder s = new StringBuilder();
      if (check.version() != null) {
        s.append(check.version());
      }
      if (check.health() != null) {
        s.append(s.length() == 0 ? "" : " · ").append("cluster health ").append(check.health());
      } else if (check.clusterName() == null) {
        s.append(s.length() == 0 ? "" : " · ").append("up");
      }
      if (check.clusterName() != null) {
        s.append(" · ").append(check.clusterName());
      }
      check.notes().forEach(n -> s.append('\n').append(n));
      return s.toString();
    }
  }
}
