package org.hopscope.ui.incident;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.incident.Incident;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left side of the incidents view: search field ({@code incident-search}), "New incident"
 * ({@code incident-new}) and the list ({@code incident-list}), newest first. Selecting an entry
 * makes it the current incident.
 */
final class IncidentList extends VBox {

  private final ListView<Incident> list = new ListView<>();
  private final Button newIncident = new Button("New incident", new FontIcon(Feather.PLUS));

  IncidentList(IncidentViewModel vm) {
    getStyleClass().add("incident-list-pane");
    setSpacing(10);
    Label heading = new Label("Incidents");
    heading.getStyleClass().add(Styles.TITLE_4);
    newIncident.setId("incident-new");
    newIncident.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox top = new HBox(8, heading, gap, newIncident);
    top.setAlignment(Pos.CENTER_LEFT);

    TextField search = new TextField();
    search.setId("incident-search");
    search.setPromptText("Search title or path");
    search.textProperty().bindBidirectional(vm.searchProperty());

    list.setId("incident-list");
    list.setItems(vm.incidents());
    list.setCellFactory(v -> new IncidentCell());
    list.setPlaceholder(new Label("No incidents yet"));
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              Incident cur = vm.currentProperty().get();
              if (now != null && (cur == null || cur.id() != now.id())) {
                vm.select(now.id());
              }
            });
    vm.currentProperty().addListener((o, was, now) -> selectCurrent(now));
    vm.incidents()
        .addListener((ListChangeListener<Incident>) c -> selectCurrent(vm.currentProperty().get()));
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(top, search, list);
  }

  Button newButton() {
    return newIncident;
  }

  private void selectCurrent(Incident current) {
    if (current == null) {
      list.getSelectionModel().clearSelection();
      return;
    }
    for (int i = 0; i < list.getItems().size(); i++) {
      if (list.getItems().get(i).id() == current.id()) {
        if (list.getSelectionModel().getSelectedIndex() != i) {
          list.getSelectionModel().select(i);
        }
        return;
      }
    }
  }

  /** One incident: "#id SEV2 title" over "status · opened · path". */
  private static final class IncidentCell extends ListCell<Incident> {
    @Override
    protected void updateItem(Incident inc, boolean empty) {
      super.updateItem(inc, empty);
      if (empty || inc == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label id = new Label("#" + inc.id());
      id.getStyleClass().add(Styles.TEXT_MUTED);
      Label title = new Label(inc.title());
      title.getStyleClass().add("incident-cell-title");
      title.setMinWidth(0);
      HBox.setHgrow(title, Priority.ALWAYS);
      Label severity = IncidentLook.severityChip(inc.severity());
      Label status = IncidentLook.statusChip(inc.status());
      for (Label fixed : new Label[] {id, severity, status}) {
        fixed.setMinWidth(Region.USE_PREF_SIZE);
      }
      HBox first = new HBox(6, id, severity, title);
      first.setAlignment(Pos.CENTER_LEFT);
      Label meta =
          new Label(
              "opened "
                  + IncidentLook.dayTime(inc.openedAt())
                  + (inc.path() == null ? "" : " · " + inc.path()));
      meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      meta.setMinWidth(0);
      HBox second = new HBox(6, status, meta);
      second.setAlignment(Pos.CENTER_LEFT);
      VBox box = new VBox(4, first, second);
      box.getStyleClass().add("incident-cell");
      setText(null);
      setGraphic(box);
      setPrefWidth(0); // fit the list's width (titles are cut with "..."), no horizontal scroll
    }
  }
}
