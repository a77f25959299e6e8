package org.hopscope.ui.file;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.FileFlows;
import org.hopscope.oncall.FollowedId;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The "Open traces..." dialog's state: the files (each placed by service name or at a hop), the
 * path, the message ID; opening reads the files and assembles the flow off the FX thread ({@link
 * FileFlows}, the tier the CLI's {@code flow --file} uses), cancellable. A failure is shown as the
 * tier words it (file:line and what was expected). FX thread only.
 */
public final class OpenTracesModel {

  /** A file to read and the hop its events belong to (null: by service name). */
  public record TraceFileEntry(Path file, String hop) {
    /** {@code name} or {@code name -> hop}, for the list. */
    public String words() {
      return file.getFileName() + (hop == null ? "  (hop by service name)" : "  -> " + hop);
    }
  }

  private final List<PathDef> paths;
  private final FileFlows flows;
  private final TaskRunner tasks;
  private final ObservableList<TraceFileEntry> files = FXCollections.observableArrayList();
  private final ObjectProperty<PathDef> path = new SimpleObjectProperty<>();
  private final StringProperty id = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty();
  private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>();
  private Cancellation current;

  /**
   * @param paths the paths to choose from (the first is chosen)
   * @param flows reads files into flows
   * @param tasks runs the reading off the FX thread
   */
  public OpenTracesModel(List<PathDef> paths, FileFlows flows, TaskRunner tasks) {
    this.paths = List.copyOf(paths);
    this.flows = flows;
    this.tasks = tasks;
    path.set(this.paths.isEmpty() ? null : this.paths.get(0));
  }

  public List<PathDef> paths() {
    return paths;
  }

  public ObservableList<TraceFileEntry> files() {
    return files;
  }

  public ObjectProperty<PathDef> pathProperty() {
    return path;
  }

  public StringProperty idProperty() {
    return id;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  /** What went wrong with the last open, or null. */
  public StringProperty errorProperty() {
    return error;
  }

  /** The flow last opened, or null. */
  public ObjectProperty<Flow> flowProperty() {
    return flow;
  }

  /** Adds files (placed by service name); one already listed is not added twice. */
  public void add(List<Path> chosen) {
    for (Path f : chosen) {
      if (files.stream().noneMatch(e -> e.file().equals(f))) {
        files.add(new TraceFileEntry(f, null));
      }
    }
  }

  public void remove(TraceFileEntry entry) {
    files.remove(entry);
  }

  /** Places all events of {@code entry}'s file at {@code hop} (null: by service name). */
  public void place(TraceFileEntry entry, String hop) {
    int at = files.indexOf(entry);
    if (at >= 0) {
      files.set(at, new TraceFileEntry(entry.file(), hop));
    }
  }

  /** What keeps Open disabled, or null when it can run. */
  public String missing() {
    if (files.isEmpty()) {
      return "choose one or more trace or log files";
    }
    if (path.get() == null) {
      return "choose the path";
    }
    String problem = FollowedId.problem(id.get());
    return problem == null ? null : "the message ID " + problem;
  }

  /** Whether Open can run now. */
  public BooleanBinding canOpen() {
    return Bindings.createBooleanBinding(
        () -> !running.get() && missing() == null, files, path, id, running);
  }

  /**
   * Reads the files and assembles the flow; {@code onFlow} receives it on the FX thread. A newer
   * open cancels one still running.
   */
  public void open(Consumer<Flow> onFlow) {
    String missing = missing();
    if (missing != null) {
      error.set(missing);
      return;
    }
    cancel();
    PathDef chosen = path.get();
    String message = id.get().trim();
    List<FileFlows.Input> inputs =
        files.stream()
            .map(e -> new FileFlows.Input(e.file(), e.file().toString(), e.hop()))
            .toList();
    error.set(null);
    running.set(true);
    current =
        tasks.run(
            "open traces " + message,
            c -> flows.flow(chosen, message, inputs, c),
            f -> {
              running.set(false);
              flow.set(f);
              onFlow.accept(f);
            },
            failure -> {
              running.set(false);
              error.set(words(failure));
            });
  }

  /** Cancels an open still running; nothing of it is shown. */
  public void cancel() {
    if (current != null) {
      current.cancel();
      current = null;
    }
    running.set(false);
  }

  /** The tier's words for a failure: file:line and what was expected, or the file not read. */
  static String words(Throwable failure) {
    if (failure instanceof IllegalArgumentException || failure instanceof UncheckedIOException) {
      return failure.getMessage();
    }
    return "could not open the files: " + failure;
  }
}
