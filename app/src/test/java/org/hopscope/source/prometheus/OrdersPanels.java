package org.hopscope.source.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The panels of {@code queries/orders.yaml}, read with a tiny test-only YAML read (the config
 * loader owns the real format).
 */
record OrdersPanels(List<Panel> panels) {

  record Panel(String hop, String title, String promql) {}

  static OrdersPanels read() throws IOException {
    Path file = Path.of("..", "queries", "orders.yaml");
    try (InputStream in = Files.newInputStream(file)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> root =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      List<Panel> panels = new ArrayList<>();
      for (Object h : (List<?>) root.get("hops")) {
        Map<?, ?> hop = (Map<?, ?>) h;
        for (Object p : (List<?>) hop.get("panels")) {
          Map<?, ?> panel = (Map<?, ?>) p;
          panels.add(
              new Panel(
                  (String) hop.get("name"),
                  (String) panel.get("title"),
                  (String) panel.get("promql")));
        }
      }
      return new OrdersPanels(panels);
    }
  }

  Panel panel(String hop, String title) {
    return panels.stream()
        .filter(p -> p.hop().equals(hop) && p.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no panel '" + title + "' at hop " + hop));
  }
}
