package org.hopscope.ui.incident;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right side of the incidents view: the current incident's header with Mitigate / Resolve /
 * Export post-mortem, its timeline ({@code incident-timeline}; double-click an evidence entry to
 * view it) and evidence ({@code incident-evidence}) as tabs, and its note ({@code incident-note},
 * autosaved, prefilled with the post-mortem section headings). Without a current incident it says
 * the app works without one.
 */
final class IncidentDetail extends StackPane {

  private ExportFolder exportFolder = ExportFolder.notRemembered();

  private final IncidentViewModel vm;
  private final ScheduledExecutorService scheduler;
  private final Label title = new Label();
  private final HBox chips = new HBox(6);
  private final Label meta = new Label();
  private final Label times = new Label();
  private final VBox noteSlot = new VBox();
  private final VBox content;
  private NoteModel note;
  private TabPane tabs;
  private EvidencePane evidencePane;

  IncidentDetail(
      IncidentViewModel vm, EvidenceViewModel evidence, ScheduledExecutorService scheduler) {
    this.vm = vm;
    this.scheduler = scheduler;
    getStyleClass().add("incident-detail");
    title.setId("incident-title");
    title.getStyleClass().add(Styles.TITLE_3);
    title.setWrapText(true);
    meta.getStyleClass().add(Styles.TEXT_MUTED);
    times.getStyleClass().add(Styles.TEXT_MUTED);
    times.visibleProperty().bind(times.textProperty().isNotEmpty());
    times.managedProperty().bind(times.visibleProperty());
    chips.setAlignment(Pos.CENTER_LEFT);

    Button mitigate = button("Mitigate", "incident-mitigate", Feather.SHIELD);
    mitigate.setOnAction(e -> vm.mitigate());
    Button resolve = button("Resolve", "incident-resolve", Feather.CHECK_CIRCLE);
    resolve.getStyleClass().add(Styles.SUCCESS);
    resolve.setOnAction(e -> vm.resolve());
    Button export = button("Export post-mortem", "incident-export", Feather.DOWNLOAD);
    export.setOnAction(e -> chooseExportFile());
    vm.currentProperty()
        .addListener(
            (o, was, now) -> {
              mitigate.setDisable(now == null || now.status() != Incident.Status.OPEN);
              resolve.setDisable(now == null || now.status() == Incident.Status.RESOLVED);
              export.setDisable(now == null);
            });
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox actions = new HBox(8, chips, gap, mitigate, resolve, export);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label status = new Label();
    status.setId("incident-status-line");
    status.setWrapText(true);
    status
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> {
                  if (!vm.problemProperty().get().isEmpty()) {
                    return vm.problemProperty().get();
                  }
                  return vm.exportedProperty().get() == null
                      ? ""
                      : "Post-mortem written to " + vm.exportedProperty().get();
                },
                vm.problemProperty(),
                vm.exportedProperty()));
    status.visibleProperty().bind(status.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());
    vm.problemProperty()
        .addListener((o, was, now) -> status.pseudoClassStateChanged(PROBLEM, !now.isEmpty()));
    status.getStyleClass().add("incident-status-line");

    VBox header = new VBox(6, title, actions, meta, times, status);
    header.getStyleClass().add("incident-header");

    EvidencePane evidencePane = new EvidencePane(evidence);
    Tab timelineTab = new Tab("Timeline", timelineTable());
    timelineTab.setId("incident-timeline-tab");
    Tab evidenceTab = new Tab("Evidence", evidencePane);
    evidenceTab.setId("incident-evidence-tab");
    evidenceTab
        .textProperty()
        .bind(javafx.beans.binding.Bindings.size(evidence.items()).asString("Evidence (%d)"));
    TabPane tabs = new TabPane(timelineTab, evidenceTab);
    tabs.setId("incident-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getStyleClass().add(Styles.TABS_CLASSIC);
    this.tabs = tabs;
    this.evidencePane = evidencePane;
    VBox timelineBox = new VBox(tabs);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    Label noteTitle = new Label("Incident note — the post-mortem's narrative");
    noteTitle.getStyleClass().add(Styles.TITLE_4);
    VBox noteBox = new VBox(6, noteTitle, noteSlot);
    VBox.setVgrow(noteSlot, Priority.ALWAYS);
    SplitPane split = new SplitPane(timelineBox, noteBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.5);
    VBox.setVgrow(split, Priority.ALWAYS);
    content = new VBox(12, header, split);
    content.getStyleClass().add("incident-content");

    FontIcon icon = new FontIcon(Feather.INBOX);
    icon.getStyleClass().add("incident-empty-icon");
    Label none = new Label("No incident selected");
    none.getStyleClass().add(Styles.TITLE_4);
    Label hint =
        new Label(
            "Hopscope works without one too. Open an incident to record searches, window analyses,"
                + " checks and notes on its timeline.");
    hint.setWrapText(true);
    hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    VBox empty = new VBox(10, icon, none, hint);
    empty.setId("incident-empty");
    empty.setAlignment(Pos.CENTER);
    empty.setMaxWidth(420);
    getChildren().addAll(empty, content);
    vm.currentProperty().addListener((o, was, now) -> show(was, now));
    show(null, vm.currentProperty().get());
    empty.visibleProperty().bind(content.visibleProperty().not());
  }

  private static final javafx.css.PseudoClass PROBLEM =
      javafx.css.PseudoClass.getPseudoClass("problem");

  private void show(Incident was, Incident now) {
    content.setVisible(now != null);
    if (now == null) {
      closeNote();
      return;
    }
    title.setText(now.title());
    chips
        .getChildren()
        .setAll(
            new Label("#" + now.id()),
            IncidentLook.severityChip(now.severity()),
            IncidentLook.statusChip(now.status()));
    meta.setText(
        (now.path() == null ? "no path" : now.path())
            + " · window "
            + IncidentLook.window(now.window())
            + " · opened "
            + IncidentLook.dayTime(now.openedAt())
            + (now.openedBy() == null ? "" : " by " + now.openedBy()));
    List<String> done = new ArrayList<>();
    if (now.mitigatedAt() != null) {
      done.add("mitigated " + IncidentLook.dayTime(now.mitigatedAt()));
    }
    if (now.resolvedAt() != null) {
      done.add("resolved " + IncidentLook.dayTime(now.resolvedAt()));
    }
    times.setText(String.join(" · ", done));
    if (was == null || was.id() != now.id() || note == null) {
      closeNote();
      note =
          new NoteModel(
              vm.desk(),
              now.id(),
              Note.Scope.INCIDENT,
              "",
              PostMortemTemplate.TEXT,
              vm.runner(),
              scheduler);
      NoteEditor editor =
          new NoteEditor(note, "incident-note", "Summary, detection, root cause, action items…");
      VBox.setVgrow(editor, Priority.ALWAYS);
      noteSlot.getChildren().setAll(editor);
    }
  }

  private void closeNote() {
    if (note != null) {
      note.close();
      note = null;
      noteSlot.getChildren().clear();
    }
  }

  /** Shows the Evidence tab with snapshot {@code evidenceId} selected. */
  void showEvidence(long evidenceId) {
    tabs.getSelectionModel().select(1);
    evidencePane.select(evidenceId);
  }

  /** Where the post-mortem export's chooser opens (default: Documents or home). */
  void exportFolder(ExportFolder folder) {
    exportFolder = folder;
  }

  private void chooseExportFile() {
    Incident inc = vm.currentProperty().get();
    if (inc == null) {
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export post-mortem of incident #" + inc.id());
    chooser.setInitialFileName("incident-" + inc.id() + "-post-mortem.md");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
    chooser.setInitialDirectory(exportFolder.initial().toFile());
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file != null) {
      exportFolder.exported(file.toPath());
      vm.exportPostMortem(file.toPath());
    }
  }

  private TableView<TimelineEntry> timelineTable() {
    TableView<TimelineEntry> table = new TableView<>(vm.timeline());
    table.setId("incident-timeline");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .setAll(
            column("UTC", 80, e -> IncidentLook.time(e.at())),
            column("Kind", 115, e -> IncidentLook.kind(e.kind())),
            column("Summary", 420, TimelineEntry::summary),
            column("Actor", 80, TimelineEntry::actor));
    table.setPlaceholder(new Label("Nothing recorded yet"));
    table.setRowFactory(
        t ->
            new javafx.scene.control.TableRow<>() {
              @Override
              protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                setTooltip(
                    empty || e == null ? null : new javafx.scene.control.Tooltip(e.summary()));
              }

              {
                setOnMouseClicked(
                    click -> {
                      long id = EvidenceViewModel.evidenceId(getItem());
                      if (click.getClickCount() == 2 && id != 0) {
                        showEvidence(id);
                      }
                    });
              }
            });
    table.getStyleClass().add(Styles.DENSE);
    VBox.setVgrow(table, Priority.ALWAYS);
    return table;
  }

  private static TableColumn<TimelineEntry, String> column(
      String name, double width, Function<TimelineEntry, String> value) {
    TableColumn<TimelineEntry, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setSortable(false);
    return c;
  }

  private static Button button(String text, String id, Feather icon) {
    Button b = new Button(text, new FontIcon(icon));
    b.setId(id);
    b.getStyleClass().add(Styles.SMALL);
    b.setDisable(true);
    return b;
  }
}
