package org.hopscope.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.oncall.ConnectionReport.SourceCheck;
import org.hopscope.oncall.ConnectionReport.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesViewModelTest {

  @TempDir Path dir;

  private final List<ConnectionProfile> checked = new ArrayList<>();

  private ProfileStore store() {
    return new ProfileStore(new ConfigDirs(dir));
  }

  private ConnectionReport reportFor(ConnectionProfile p) {
    checked.add(p);
    return new ConnectionReport(
        p.name(),
        new SourceCheck(
            "Elasticsearch",
            State.REACHABLE,
            p.elasticsearch().url().toString(),
            "8.19.21",
            "c",
            "green",
            null,
            null,
            List.of()),
        SourceCheck.notConfigured("Prometheus"),
        List.of());
  }

  private ProfilesViewModel vm() {
    return new ProfilesViewModel(store(), (p, c) -> reportFor(p), new SynchronousTaskRunner());
  }

  private static void fillBasic(ProfileForm f, String name, String password) {
    f.nameProperty().set(name);
    f.elasticsearch().urlProperty().set("https://es.example:9200");
    f.elasticsearch().authKindProperty().set(AuthKind.BASIC);
    f.elasticsearch().userProperty().set("hop");
    f.elasticsearch().secretProperty().set(password);
  }

  @Test
  void addsAProfileAndListsIt() {
    ProfilesViewModel vm = vm();
    fillBasic(vm.form(), "prod-eu", "s3cret");
    vm.form().prometheus().urlProperty().set("http://prom.example:9090");
    vm.form().prometheus().authKindProperty().set(AuthKind.BEARER);
    vm.form().prometheus().secretProperty().set("tok");

    assertThat(vm.save()).isTrue();

    assertThat(vm.names()).containsExactly("prod-eu");
    assertThat(vm.editingProperty().get()).isEqualTo("prod-eu");
    assertThat(vm.noticeProperty().get())
        .isEqualTo("Saved profile prod-eu (" + store().file("prod-eu") + ")");
    ConnectionProfile saved = store().load("prod-eu");
    assertThat(saved.elasticsearch().auth()).isEqualTo(new Auth.Basic("hop", "s3cret"));
    assertThat(saved.prometheus().url()).isEqualTo(URI.create("http://prom.example:9090"));
    assertThat(saved.prometheus().auth()).isEqualTo(new Auth.Bearer("tok"));
    assertThat(saved.pathsDir()).isNull();
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void savedSecretsAreNotShownAndEmptyFieldsKeepThem() {
    ProfilesViewModel vm = vm();
    fillBasic(vm.form(), "prod-eu", "s3cret");
    assertThat(vm.save()).isTrue();
    // the form after saving shows no secret either
    assertThat(vm.form().elasticsearch().secretProperty().get()).isEmpty();

    ProfilesViewModel again = vm();
    again.select("prod-eu");
    EndpointForm es = again.form().elasticsearch();
    assertThat(es.secretProperty().get()).isEmpty();
    assertThat(es.secretPromptProperty().get()).isEqualTo("saved — leave empty to keep");
    assertThat(es.userProperty().get()).isEqualTo("hop");
    es.urlProperty().set("https://es2.example:9200");

    assertThat(again.save()).isTrue();
    ConnectionProfile kept = store().load("prod-eu");
    assertThat(kept.elasticsearch().url()).isEqualTo(URI.create("https://es2.example:9200"));
    assertThat(kept.elasticsearch().auth()).isEqualTo(new Auth.Basic("hop", "s3cret"));

    again.select("prod-eu");
    again.form().elasticsearch().secretProperty().set("n3w");
    assertThat(again.save()).isTrue();
    assertThat(store().load("prod-eu").elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hop", "n3w"));
  }

  @Test
  void switchingTheAuthKindNeedsTheNewSecret() {
    ProfilesViewModel vm = vm();
    fillBasic(vm.form(), "prod-eu", "s3cret");
    vm.save();
    vm.select("prod-eu");
    vm.form().elasticsearch().authKindProperty().set(AuthKind.API_KEY);

    assertThat(vm.form().elasticsearch().secretPromptProperty().get()).isEqualTo("API key");
    assertThat(vm.save()).isFalse();
    assertThat(vm.form().elasticsearch().secretErrorProperty().get())
        .isEqualTo("Enter the API key");
    assertThat(store().load("prod-eu").elasticsearch().auth())
        .isEqualTo(new Auth.Basic("hop", "s3cret"));
  }

  @Test
  void badFieldsGetAMessageNextToThemAndNothingIsSaved() {
    ProfilesViewModel vm = vm();
    ProfileForm f = vm.form();
    f.nameProperty().set("prod eu!");
    f.elasticsearch().urlProperty().set("es.example:9200");
    f.elasticsearch().caFileProperty().set(dir.resolve("missing-ca.pem").toString());
    f.prometheus().urlProperty().set("ftp://prom");
    f.prometheus().authKindProperty().set(AuthKind.BASIC);
    f.pathsDirProperty().set(dir.resolve("nope").toString());

    assertThat(vm.save()).isFalse();

    assertThat(f.nameErrorProperty().get())
        .isEqualTo(
            "'prod eu!' is not a profile name; use letters, digits, '.', '_' and '-' (e.g."
                + " prod-eu)");
    assertThat(f.elasticsearch().urlErrorProperty().get())
        .isEqualTo("Expected http:// or https:// and a host, e.g. https://es.example:9200");
    assertThat(f.elasticsearch().caErrorProperty().get())
        .isEqualTo(
            "No file " + dir.resolve("missing-ca.pem") + "; choose the CA certificate (PEM)");
    assertThat(f.prometheus().urlErrorProperty().get())
        .isEqualTo("Expected http:// or https:// and a host, e.g. http://prometheus.example:9090");
    assertThat(f.prometheus().userErrorProperty().get()).isEqualTo("Enter the user name");
    assertThat(f.prometheus().secretErrorProperty().get()).isEqualTo("Enter the password");
    assertThat(f.pathsDirErrorProperty().get())
        .isEqualTo("No folder " + dir.resolve("nope") + "; leave empty for queries/");
    assertThat(vm.problemProperty().get())
        .isEqualTo("Fix the fields marked in red, then save again");
    assertThat(store().list()).isEmpty();

    f.nameProperty().set("");
    f.elasticsearch().urlProperty().set("");
    vm.save();
    assertThat(f.nameErrorProperty().get()).isEqualTo("Enter a name, e.g. prod-eu");
    assertThat(f.elasticsearch().urlErrorProperty().get())
        .isEqualTo("Enter the Elasticsearch URL, e.g. https://es.example:9200");
  }

  @Test
  void aNewProfileMayNotTakeAnExistingName() {
    ProfilesViewModel vm = vm();
    fillBasic(vm.form(), "prod-eu", "a");
    vm.save();
    vm.newProfile();
    fillBasic(vm.form(), "prod-eu", "b");

    assertThat(vm.save()).isFalse();
    assertThat(vm.form().nameErrorProperty().get())
        .isEqualTo("A profile named prod-eu exists; choose another name or edit that one");
  }

  @Test
  void renamingMovesTheProfileWithItsSecretAndDeleteRemovesIt() throws Exception {
    ProfilesViewModel vm = vm();
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    fillBasic(vm.form(), "old", "s3cret");
    vm.form().elasticsearch().caFileProperty().set(ca.toString());
    vm.form().elasticsearch().insecureProperty().set(true);
    vm.save();
    vm.select("old");
    vm.form().nameProperty().set("new");

    assertThat(vm.save()).isTrue();
    assertThat(vm.names()).containsExactly("new");
    ConnectionProfile moved = store().load("new");
    assertThat(moved.elasticsearch().auth()).isEqualTo(new Auth.Basic("hop", "s3cret"));
    assertThat(moved.elasticsearch().tls()).isEqualTo(new Tls(ca, true, null, null));

    assertThat(vm.deleteEditing()).isTrue();
    assertThat(vm.names()).isEmpty();
    assertThat(store().list()).isEmpty();
    assertThat(vm.editingProperty().get()).isNull();
    assertThat(vm.noticeProperty().get()).isEqualTo("Deleted profile new");
  }

  @Test
  void testConnectionChecksTheFormAsTypedWithTheKeptSecret() {
    ProfilesViewModel vm = vm();
    fillBasic(vm.form(), "prod-eu", "s3cret");
    vm.save();
    vm.select("prod-eu");
    vm.form().elasticsearch().urlProperty().set("http://127.0.0.1:9200");

    vm.test();

    assertThat(checked).hasSize(1);
    assertThat(checked.get(0).elasticsearch().url()).isEqualTo(URI.create("http://127.0.0.1:9200"));
    assertThat(checked.get(0).elasticsearch().auth()).isEqualTo(new Auth.Basic("hop", "s3cret"));
    assertThat(vm.reportProperty().get().elasticsearch().summary()).isEqualTo("green 8.19.21");
    assertThat(vm.testingProperty().get()).isFalse();
    // testing did not save
    assertThat(store().load("prod-eu").elasticsearch().url())
        .isEqualTo(URI.create("https://es.example:9200"));
  }

  @Test
  void testRunsThroughTheRunnerAndCancelDropsItsResult() {
    ManualTaskRunner runner = new ManualTaskRunner();
    ProfilesViewModel vm = new ProfilesViewModel(store(), (p, c) -> reportFor(p), runner);
    fillBasic(vm.form(), "prod-eu", "s3cret");

    vm.test();
    assertThat(vm.testingProperty().get()).isTrue();
    assertThat(checked).isEmpty();
    vm.cancelTest();
    assertThat(vm.testingProperty().get()).isFalse();
    assertThat(vm.noticeProperty().get()).isEqualTo("Test cancelled");
    runner.started.get(0).complete();
    assertThat(vm.reportProperty().get()).isNull();

    vm.test();
    vm.test();
    assertThat(runner.started).hasSize(3);
    assertThat(runner.started.get(1).cancel.isCancelled()).isTrue();
    runner.started.get(2).complete();
    assertThat(vm.reportProperty().get().profile()).isEqualTo("prod-eu");
    assertThat(vm.testingProperty().get()).isFalse();
  }

  @Test
  void aFailingCheckerSaysSo() {
    ProfilesViewModel vm =
        new ProfilesViewModel(
            store(),
            (p, c) -> {
              throw new IllegalStateException("boom");
            },
            new SynchronousTaskRunner());
    fillBasic(vm.form(), "x", "y");
    vm.test();
    assertThat(vm.testFailureProperty().get()).isEqualTo("The test failed: boom");
    assertThat(vm.testingProperty().get()).isFalse();
    assertThat(vm.reportProperty().get()).isNull();
  }

  @Test
  void anUnsavedInvalidFormIsNotTested() {
    ProfilesViewModel vm = vm();
    vm.test();
    assertThat(checked).isEmpty();
    assertThat(vm.problemProperty().get())
        .isEqualTo("Fix the fields marked in red to test the connection");
  }

  @Test
  void selectingKeepsStoredTimeouts() {
    Endpoint es =
        new Endpoint(
            URI.create("http://a:1"),
            new Auth.None(),
            Tls.SYSTEM,
            java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(7));
    store().save(new ConnectionProfile("t", es, null, null));
    ProfilesViewModel vm = vm();
    assertThat(vm.names()).containsExactly("t");
    vm.select("t");
    assertThat(vm.save()).isTrue();
    assertThat(store().load("t").elasticsearch()).isEqualTo(es);
  }
}
