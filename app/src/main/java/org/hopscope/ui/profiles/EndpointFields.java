package org.hopscope.ui.profiles;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The fields of one endpoint: URL, authentication, CA file and the insecure switch. */
final class EndpointFields extends VBox {

  /**
   * @param prefix id prefix, {@code es} or {@code prom}: ids {@code es-url}, {@code es-auth},
   *     {@code es-user}, {@code es-secret}, {@code es-ca}, {@code es-insecure}, {@code
   *     es-insecure-warning}, and {@code -error} after a field's id for its message
   */
  EndpointFields(
      EndpointForm form,
      String prefix,
      String urlPrompt,
      List<AuthKind> kinds,
      ObservableBooleanValue keychainAvailable,
      ReadOnlyStringProperty keychainStatus) {
    setSpacing(8);

    TextField url = new TextField();
    url.setId(prefix + "-url");
    url.setPromptText(urlPrompt);
    url.textProperty().bindBidirectional(form.urlProperty());

    ComboBox<AuthKind> auth = new ComboBox<>(FXCollections.observableArrayList(kinds));
    auth.setId(prefix + "-auth");
    auth.valueProperty().bindBidirectional(form.authKindProperty());
    auth.setPrefWidth(220);

    TextField user = new TextField();
    user.setId(prefix + "-user");
    user.textProperty().bindBidirectional(form.userProperty());

    PasswordField secret = new PasswordField();
    secret.setId(prefix + "-secret");
    secret.textProperty().bindBidirectional(form.secretProperty());
    secret.promptTextProperty().bind(form.secretPromptProperty());

    TextField ca = new TextField();
    ca.setId(prefix + "-ca");
    ca.setPromptText("system trust store");
    ca.textProperty().bindBidirectional(form.caFileProperty());
    Button browse = new Button(null, new FontIcon(Feather.FOLDER));
    browse.getStyleClass().add(Styles.BUTTON_ICON);
    browse.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("CA certificate (PEM)");
          chooser
              .getExtensionFilters()
              .addAll(
                  new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                  new FileChooser.ExtensionFilter("All files", "*"));
          File file = chooser.showOpenDialog(getScene().getWindow());
          if (file != null) {
            form.caFileProperty().set(file.getAbsolutePath());
          }
        });
    HBox.setHgrow(ca, Priority.ALWAYS);
    HBox caRow = new HBox(6, ca, browse);

    CheckBox insecure = new CheckBox("Skip certificate verification (insecure)");
    insecure.setId(prefix + "-insecure");
    insecure.selectedProperty().bindBidirectional(form.insecureProperty());
    Label warning =
        new Label(
            "Verification off: anyone on the network path can read and change the traffic,"
                + " credentials included. Prefer the CA file above.",
            new FontIcon(Feather.ALERT_TRIANGLE));
    warning.setId(prefix + "-insecure-warning");
    warning.getStyleClass().add("insecure-warning");
    warning.setWrapText(true);
    warning.visibleProperty().bind(form.insecureProperty());
    warning.managedProperty().bind(warning.visibleProperty());

    CheckBox keychain = new CheckBox("Keep in the OS keychain");
    keychain.setId(prefix + "-keychain");
    keychain.selectedProperty().bindBidirectional(form.keepInKeychainProperty());
    keychain
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> !keychainAvailable.get() && !form.keepInKeychainProperty().get(),
                keychainAvailable,
                form.keepInKeychainProperty()));
    Label status = new Label();
    status.setId(prefix + "-keychain-status");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    status.textProperty().bind(keychainStatus);
    status.setWrapText(true);
    status.visibleProperty().bind(keychainStatus.isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    Label place = new Label();
    place.setId(prefix + "-secret-place");
    place.getStyleClass().add(Styles.TEXT_MUTED);
    place.textProperty().bind(form.secretPlaceProperty());
    place.setWrapText(true);
    HBox keychainRow = new HBox(10, keychain, status);
    keychainRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
    VBox secretBox = new VBox(6, secret, keychainRow, place);

    FieldBlock secretBlock =
        new FieldBlock("", secretBox, form.secretErrorProperty(), prefix + "-secret-error")
            .shownWhen(form.authKindProperty().isNotEqualTo(AuthKind.NONE));
    secretBlock
        .label()
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  AuthKind k = form.authKindProperty().get();
                  return k == null || k.secretLabel() == null ? "" : k.secretLabel();
                },
                form.authKindProperty()));

    getChildren()
        .addAll(
            new FieldBlock("URL", url, form.urlErrorProperty(), prefix + "-url-error"),
            new FieldBlock("Authentication", auth, null, prefix + "-auth-error"),
            new FieldBlock("User", user, form.userErrorProperty(), prefix + "-user-error")
                .shownWhen(form.authKindProperty().isEqualTo(AuthKind.BASIC)),
            secretBlock,
            new FieldBlock("CA file", caRow, form.caErrorProperty(), prefix + "-ca-error"),
            new FieldBlock("", new VBox(6, insecure, warning), null, prefix + "-insecure-error"));
  }
}
