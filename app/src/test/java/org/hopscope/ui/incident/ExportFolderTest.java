package org.hopscope.ui.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.ui.shell.UiPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export chooser opens in the last export's folder, else Documents, else home. */
class ExportFolderTest {

  @TempDir Path dir;

  @Test
  void theLastExportFolderIsRememberedAcrossStartsAndFallsBackWhenGone() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path prefsFile = dir.resolve("ui.properties");
    UiPreferences prefs = UiPreferences.load(prefsFile);
    ExportFolder folder = new ExportFolder(prefs::exportFolder, prefs::exportFolder, home);
    assertThat(folder.initial()).isEqualTo(home);
    Path documents = Files.createDirectories(home.resolve("Documents"));
    assertThat(folder.initial()).isEqualTo(documents);

    Path reports = Files.createDirectories(dir.resolve("reports"));
    folder.exported(reports.resolve("incident-7-post-mortem.md"));
    UiPreferences again = UiPreferences.load(prefsFile);
    assertThat(new ExportFolder(again::exportFolder, again::exportFolder, home).initial())
        .isEqualTo(reports);

    Files.delete(reports);
    assertThat(new ExportFolder(again::exportFolder, again::exportFolder, home).initial())
        .isEqualTo(documents);
  }
}
