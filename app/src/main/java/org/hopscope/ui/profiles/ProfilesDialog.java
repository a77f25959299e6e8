package org.hopscope.ui.profiles;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The connection-profiles window (root id {@code profiles-dialog}): the stored profiles on the left
 * (add, delete with confirmation), the selected one's form on the right, and "Test connection"
 * ({@code profiles-test}), Save ({@code profiles-save}) and "Use this profile" ({@code
 * profiles-use}, which saves, hands the name to {@code onUse} and closes) at the bottom.
 */
public final class ProfilesDialog {

  private final ProfilesViewModel vm;
  private final Consumer<String> onUse;
  private final Stage stage = new Stage();
  private final BorderPane root = new BorderPane();
  private final ListView<String> list = new ListView<>();
  private boolean syncing;

  /**
   * @param owner the window it belongs to (modal over it); null for none
   * @param onUse receives the chosen profile's name (the application then reconnects)
   */
  public ProfilesDialog(ProfilesViewModel vm, Window owner, Consumer<String> onUse) {
    this.vm = vm;
    this.onUse = onUse;
    root.setId("profiles-dialog");
    root.getStyleClass().add("profiles-dialog");
    root.getStylesheets()
        .addAll(
            ProfilesDialog.class.getResource("profiles.css").toExternalForm(),
            org.hopscope.ui.status.StatusBar.class.getResource("status.css").toExternalForm());
    root.setLeft(profileList());
    root.setCenter(form());
    root.setBottom(actions());
    stage.setTitle("Connection profiles");
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setScene(new Scene(root, 900, 680));
    stage.setOnHidden(e -> vm.cancelTest());
    String editing = vm.editingProperty().get();
    if (!vm.names().isEmpty() && (editing == null || !vm.names().contains(editing))) {
      vm.select(vm.names().get(0)); // nothing chosen before (the app selects the current one)
    }
    syncSelection();
  }

  /** Opens the window (does not wait for it to close). */
  public void show() {
    stage.show();
    stage.toFront();
  }

  /** The window, for the application and tests. */
  public Stage stage() {
    return stage;
  }

  private Node profileList() {
    Label title = new Label("Profiles");
    title.getStyleClass().add(Styles.TITLE_4);
    list.setId("profiles-list");
    list.setItems(vm.names());
    list.setPlaceholder(new Label("No profiles yet"));
    VBox.setVgrow(list, Priority.ALWAYS);
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (!syncing && now != null && !now.equals(vm.editingProperty().get())) {
                vm.select(now);
              }
            });
    vm.editingProperty().addListener((o, was, now) -> syncSelection());
    vm.names().addListener((javafx.collections.ListChangeListener<String>) c -> syncSelection());

    Button add = new Button("Add", new FontIcon(Feather.PLUS));
    add.setId("profiles-add");
    add.setOnAction(
        e -> {
          vm.newProfile();
          list.getSelectionModel().clearSelection();
        });
    Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
    delete.setId("profiles-delete");
    delete.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
    delete.disableProperty().bind(vm.editingProperty().isNull());
    delete.setOnAction(e -> confirmDelete());
    HBox buttons = new HBox(6, add, delete);

    VBox left = new VBox(10, title, list, buttons);
    left.getStyleClass().add("profiles-side");
    left.setPrefWidth(220);
    return left;
  }

  private void syncSelection() {
    syncing = true;
    try {
      String name = vm.editingProperty().get();
      if (name == null || !list.getItems().contains(name)) {
        list.getSelectionModel().clearSelection();
      } else {
        list.getSelectionModel().select(name);
      }
    } finally {
      syncing = false;
    }
  }

  private void confirmDelete() {
    String name = vm.editingProperty().get();
    Alert alert =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Its file is removed, saved secrets included. This cannot be undone.",
            ButtonType.CANCEL,
            ButtonType.OK);
    alert.initOwner(stage);
    alert.setHeaderText("Delete profile " + name + "?");
    alert.getDialogPane().setId("profiles-delete-confirm");
    alert.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.deleteEditing());
  }

  private Node form() {
    ProfileForm form = vm.form();
    Label heading = new Label();
    heading.getStyleClass().add(Styles.TITLE_3);
    heading
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.when(vm.editingProperty().isNull())
                .then("New profile")
                .otherwise(javafx.beans.binding.Bindings.concat("Edit ", vm.editingProperty())));

    TextField name = new TextField();
    name.setId("profile-name");
    name.setPromptText("e.g. prod-eu");
    name.textProperty().bindBidirectional(form.nameProperty());
    TextField paths = new TextField();
    paths.setId("paths-dir");
    paths.setPromptText("queries/ (default)");
    paths.textProperty().bindBidirectional(form.pathsDirProperty());

    VBox body =
        new VBox(
            10,
            heading,
            new FieldBlock("Name", name, form.nameErrorProperty(), "profile-name-error"),
            section("Elasticsearch", "where the logs and spans are", Feather.DATABASE),
            new EndpointFields(
                form.elasticsearch(),
                "es",
                "https://es.example:9200",
                AuthKind.forElasticsearch(),
                vm.keychainAvailableProperty(),
                vm.keychainStatusProperty()),
            section(
                "Prometheus", "optional: without it flows come without metrics", Feather.ACTIVITY),
            new EndpointFields(
                form.prometheus(),
                "prom",
                "http://prometheus.example:9090 (optional)",
                AuthKind.forPrometheus(),
                vm.keychainAvailableProperty(),
                vm.keychainStatusProperty()),
            section("Path definitions", "folder of path YAML files", Feather.FOLDER),
            new FieldBlock("Paths folder", paths, form.pathsDirErrorProperty(), "paths-dir-error"));
    body.setPadding(new Insets(16, 20, 16, 20));
    body.getStyleClass().add("profiles-form");
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    return scroll;
  }

  private static Node section(String title, String hint, Feather icon) {
    Label t = new Label(title, new FontIcon(icon));
    t.getStyleClass().addAll(Styles.TITLE_4, "section-title");
    Label h = new Label(hint);
    h.getStyleClass().add(Styles.TEXT_MUTED);
    HBox box = new HBox(10, t, h);
    box.setAlignment(Pos.BASELINE_LEFT);
    box.getStyleClass().add("section");
    return box;
  }

  private Node actions() {
    Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
    test.setId("profiles-test");
    test.setOnAction(e -> vm.test());
    test.disableProperty().bind(vm.testingProperty());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("profiles-test-progress");
    progress.setPrefSize(20, 20);
    progress.visibleProperty().bind(vm.testingProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Button cancel = new Button("Cancel test", new FontIcon(Feather.X));
    cancel.setId("profiles-test-cancel");
    cancel.getStyleClass().add(Styles.FLAT);
    cancel.setOnAction(e -> vm.cancelTest());
    cancel.visibleProperty().bind(vm.testingProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());

    Label message = new Label();
    message.setId("profiles-message");
    message.setWrapText(true);
    message
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    first(
                        vm.problemProperty().get(),
                        vm.testFailureProperty().get(),
                        vm.noticeProperty().get()),
                vm.problemProperty(),
                vm.testFailureProperty(),
                vm.noticeProperty()));
    message.textProperty().addListener((o, was, now) -> styleMessage(message));
    styleMessage(message);

    Button save = new Button("Save", new FontIcon(Feather.SAVE));
    save.setId("profiles-save");
    save.setOnAction(e -> vm.save());
    Button use = new Button("Use this profile", new FontIcon(Feather.CHECK));
    use.setId("profiles-use");
    use.getStyleClass().add(Styles.ACCENT);
    use.setDefaultButton(true);
    use.setOnAction(
        e ->
            vm.saveForUse(
                n -> {
                  onUse.accept(n);
                  stage.close();
                }));
    Button close = new Button("Close");
    close.setId("profiles-close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox buttons = new HBox(8, test, progress, cancel, spacer, close, save, use);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(10, new TestResultView(vm), message, buttons);
    bottom.getStyleClass().add("profiles-actions");
    return bottom;
  }

  private void styleMessage(Label message) {
    boolean bad =
        !vm.problemProperty().get().isEmpty() || !vm.testFailureProperty().get().isEmpty();
    message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, "message-bad", "message-ok");
    message.getStyleClass().add(bad ? "message-bad" : "message-ok");
    message.setVisible(!message.getText().isEmpty());
    message.setManaged(message.isVisible());
  }

  private static String first(String... texts) {
    return Stream.of(texts).filter(t -> t != null && !t.isEmpty()).findFirst().orElse("");
  }
}
