package org.hopscope.ui.look;

import java.util.function.Function;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;

/**
 * A table cell showing its value as text through a formatter; empty cells and null values show
 * nothing. The formatter runs on every update, so time-relative text ("4 min ago") stays fresh.
 *
 * @param <S> the row type
 * @param <T> the cell value type
 */
public final class TextCell<S, T> extends TableCell<S, T> {

  private final Function<? super T, String> format;

  /** A cell showing {@code format.apply(value)} for non-null values. */
  public TextCell(Function<? super T, String> format) {
    this.format = format;
  }

  /** A cell factory for {@link TableColumn#setCellFactory} making {@link TextCell}s. */
  public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> of(
      Function<? super T, String> format) {
    return column -> new TextCell<>(format);
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    setText(empty || item == null ? null : format.apply(item));
  }
}
