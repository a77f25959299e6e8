package org.hopscope.ui.look;

import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/**
 * A table cell showing its text as a link that does {@code open} with it when clicked (e.g. search
 * a batch member's ID); empty cells and null values show nothing.
 *
 * @param <S> the row type
 */
public final class LinkCell<S> extends TableCell<S, String> {

  private final Hyperlink link = new Hyperlink();
  private final Consumer<String> open;

  /** A cell whose link calls {@code open} with its text. */
  public LinkCell(Consumer<String> open) {
    this.open = open;
    link.setOnAction(e -> this.open.accept(link.getText()));
    link.setMnemonicParsing(false);
  }

  /** A cell factory making {@link LinkCell}s. */
  public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> of(
      Consumer<String> open) {
    return column -> new LinkCell<>(open);
  }

  @Override
  protected void updateItem(String text, boolean empty) {
    super.updateItem(text, empty);
    setText(null);
    if (empty || text == null) {
      setGraphic(null);
    } else {
      link.setText(text);
      link.setVisited(false);
      setGraphic(link);
    }
  }
}
