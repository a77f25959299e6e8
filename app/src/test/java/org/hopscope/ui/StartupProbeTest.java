package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the start probe reads about its own process (Linux /proc; this build runs on Linux). */
class StartupProbeTest {

  @Test
  void residentMemoryIsThisJvmsVmRss() {
    long kb = StartupProbe.residentKb();
    // a running JVM with JUnit loaded: more than 20 MB, less than the machine
    assertThat(kb).isBetween(20_000L, 24L * 1024 * 1024);
  }

  @Test
  void theJdksDefaultArchiveIsReportedWhenSharingIsOn() { // classes.jsa or classes_nocoops.jsa
    boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
    String archives = StartupProbe.mappedArchives();
    if (sharing) {
      assertThat(archives).contains("classes");
    } else {
      assertThat(archives).isEqualTo("none");
    }
  }
}
