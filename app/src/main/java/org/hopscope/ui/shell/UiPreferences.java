package org.hopscope.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.hopscope.config.AtomicFiles;

/**
 * What the desktop client remembers between runs, in {@code <config dir>/ui.properties}: the theme,
 * the recent searches and the last profile. A missing or unreadable file gives the defaults (and
 * {@link #problem()} says why); writes are atomic so a crash never leaves half a file.
 */
public final class UiPreferences {

  private static final String THEME = "theme";
  private static final String PROFILE = "profile";
  private static final String HISTORY = "history.";
  private static final String EXPORT_FOLDER = "export.folder";

  private final Path file;
  private final Properties values = new Properties();
  private String problem = "";

  private UiPreferences(Path file) {
    this.file = file;
  }

  /** Loads {@code file}; never throws. */
  public static UiPreferences load(Path file) {
    UiPreferences p = new UiPreferences(file);
    if (Files.isRegularFile(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.values.load(r);
      } catch (IOException | IllegalArgumentException e) {
        p.values.clear();
        p.problem = "cannot read " + file + " (" + e.getMessage() + "); using defaults";
      }
    }
    return p;
  }

  public Path file() {
    return file;
  }

  /** Why the file could not be read or written, or empty. */
  public String problem() {
    return problem;
  }

  public Theme theme() {
    return Theme.parse(values.getProperty(THEME));
  }

  /** Remembers {@code theme} and saves. */
  public void theme(Theme theme) {
    values.setProperty(THEME, theme.name().toLowerCase(java.util.Locale.ROOT));
    save();
  }

  /** The profile used last, or null. */
  public String profile() {
    return values.getProperty(PROFILE);
  }

  /** Remembers {@code profile} and saves. */
  public void profile(String profile) {
    values.setProperty(PROFILE, profile);
    save();
  }

  /** The folder of the last export (post-mortem), or null when none was remembered. */
  public java.nio.file.Path exportFolder() {
    String v = values.getProperty(EXPORT_FOLDER);
    try {
      return v == null || v.isBlank() ? null : java.nio.file.Path.of(v);
    } catch (java.nio.file.InvalidPathException e) {
      return null; // a file edited by hand: start in the default folder instead
    }
  }

  /** Remembers {@code folder} as the last export's and saves. */
  public void exportFolder(java.nio.file.Path folder) {
    values.setProperty(EXPORT_FOLDER, folder.toAbsolutePath().toString());
    save();
  }

  public SearchHistory history() {
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < SearchHistory.LIMIT; i++) {
      String e = values.getProperty(HISTORY + i);
      if (e != null && !e.isBlank()) {
        entries.add(e);
      }
    }
    return new SearchHistory(entries);
  }

  /** Remembers {@code history} and saves. */
  public void history(SearchHistory history) {
    values.stringPropertyNames().stream()
        .filter(k -> k.startsWith(HISTORY))
        .forEach(values::remove);
    for (int i = 0; i < history.entries().size(); i++) {
      values.setProperty(HISTORY + i, history.entries().get(i));
    }
    save();
  }

  private void save() {
    try {
      StringWriter text = new StringWriter();
      values.store(text, "Hopscope desktop client preferences");
      AtomicFiles.write(file, text.toString(), false);
      problem = "";
    } catch (IOException e) {
      problem = "cannot save preferences to " + file + ": " + e.getMessage();
    }
  }
}
