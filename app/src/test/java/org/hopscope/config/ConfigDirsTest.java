package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigDirsTest {

  private static Properties system(String os, String... more) {
    Properties p = new Properties();
    p.setProperty("os.name", os);
    p.setProperty("user.home", "/home/ann");
    for (int i = 0; i < more.length; i += 2) {
      p.setProperty(more[i], more[i + 1]);
    }
    return p;
  }

  @Test
  void linuxUsesXdgConfigHomeOrDotConfig() {
    assertThat(ConfigDirs.detect(Map.of("XDG_CONFIG_HOME", "/xdg"), system("Linux")).configDir())
        .isEqualTo(Path.of("/xdg/hopscope"));
    assertThat(ConfigDirs.detect(Map.of(), system("Linux")).profilesDir())
        .isEqualTo(Path.of("/home/ann/.config/hopscope/profiles"));
    // the XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored
    assertThat(ConfigDirs.detect(Map.of("XDG_CONFIG_HOME", "rel"), system("Linux")).configDir())
        .isEqualTo(Path.of("/home/ann/.config/hopscope"));
  }

  @Test
  void macAndWindowsUseTheirOwnFolders() {
    assertThat(ConfigDirs.detect(Map.of(), system("Mac OS X")).configDir())
        .isEqualTo(Path.of("/home/ann/Library/Application Support/Hopscope"));
    assertThat(ConfigDirs.detect(Map.of("APPDATA", "/appdata"), system("Windows 11")).configDir())
        .isEqualTo(Path.of("/appdata/Hopscope"));
  }

  @Test
  void propertyBeatsEnvironmentBeatsOsRule() {
    Map<String, String> env = Map.of("HOPSCOPE_CONFIG_DIR", "/env", "XDG_CONFIG_HOME", "/xdg");
    assertThat(ConfigDirs.detect(env, system("Linux")).configDir()).isEqualTo(Path.of("/env"));
    assertThat(ConfigDirs.detect(env, system("Linux", "hopscope.config.dir", "/prop")).configDir())
        .isEqualTo(Path.of("/prop"));
  }
}
