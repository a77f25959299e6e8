package org.hopscope.ui.look;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.util.Callback;
import org.hopscope.model.HopVerdict;

/**
 * A table cell showing a verdict as its badge ({@link VerdictLook#showIn}); empty cells and null
 * verdicts show {@code none} as muted text (e.g. "not known yet").
 *
 * @param <S> the row type
 */
public final class VerdictCell<S> extends TableCell<S, HopVerdict> {

  private final Label badge = new Label();
  private final String none;

  /** A cell showing the verdict's badge, or {@code none} for a null verdict. */
  public VerdictCell(String none) {
    this.none = none;
  }

  /** A cell factory making {@link VerdictCell}s. */
  public static <S> Callback<TableColumn<S, HopVerdict>, TableCell<S, HopVerdict>> of(String none) {
    return column -> new VerdictCell<>(none);
  }

  @Override
  protected void updateItem(HopVerdict v, boolean empty) {
    super.updateItem(v, empty);
    getStyleClass().remove("verdict-none");
    if (empty) {
      setText(null);
      setGraphic(null);
    } else if (v == null) {
      setText(none);
      setGraphic(null);
      getStyleClass().add("verdict-none");
    } else {
      VerdictLook.showIn(badge, v);
      setText(null);
      setGraphic(badge);
    }
  }
}
