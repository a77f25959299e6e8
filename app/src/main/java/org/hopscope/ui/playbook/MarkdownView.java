package org.hopscope.ui.playbook;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Renders a step's Markdown ({@link Markdown}) as text nodes: no WebView, nothing loaded, links
 * shown as text with their address. Styles: {@code md-h1..md-h6}, {@code md-p}, {@code md-code},
 * {@code md-codeblock}, {@code md-bold}, {@code md-link} (see playbook.css).
 */
public final class MarkdownView extends VBox {

  public MarkdownView() {
    getStyleClass().add("markdown-view");
    setSpacing(8);
  }

  /** Shows {@code markdown} (null: nothing). */
  public void setMarkdown(String markdown) {
    getChildren().clear();
    for (Markdown.Block b : Markdown.parse(markdown)) {
      getChildren().add(render(b));
    }
  }

  private static Node render(Markdown.Block b) {
    if (b instanceof Markdown.Heading h) {
      TextFlow f = flow(h.spans());
      f.getStyleClass().add("md-h" + h.level());
      return f;
    }
    if (b instanceof Markdown.Paragraph p) {
      TextFlow f = flow(p.spans());
      f.getStyleClass().add("md-p");
      return f;
    }
    if (b instanceof Markdown.CodeBlock c) {
      Label code = new Label(c.text());
      code.getStyleClass().add("md-codeblock");
      code.setMaxWidth(Double.MAX_VALUE);
      code.setWrapText(true);
      return code;
    }
    Markdown.ListBlock l = (Markdown.ListBlock) b;
    VBox list = new VBox(3);
    list.getStyleClass().add("md-list");
    int n = 1;
    for (List<Markdown.Span> item : l.items()) {
      Label marker = new Label(l.ordered() ? (n++) + "." : "•");
      marker.getStyleClass().add("md-marker");
      marker.setMinWidth(18);
      TextFlow f = flow(item);
      HBox.setHgrow(f, Priority.ALWAYS);
      HBox row = new HBox(4, marker, f);
      row.setPadding(new Insets(0, 0, 0, 6));
      list.getChildren().add(row);
    }
    return list;
  }

  private static TextFlow flow(List<Markdown.Span> spans) {
    TextFlow f = new TextFlow();
    for (Markdown.Span s : spans) {
      switch (s.kind()) {
        case BOLD -> f.getChildren().add(text(s.text(), "md-bold"));
        case CODE -> f.getChildren().add(text(s.text(), "md-code"));
        case LINK -> {
          f.getChildren().add(text(s.text(), "md-link"));
          if (!s.href().isBlank() && !s.href().equals(s.text())) {
            f.getChildren().add(text(" (" + s.href() + ")", "md-href"));
          }
        }
        default -> f.getChildren().add(text(s.text(), "md-text"));
      }
    }
    return f;
  }

  private static Text text(String s, String style) {
    Text t = new Text(s);
    t.getStyleClass().addAll("md-span", style);
    return t;
  }
}
