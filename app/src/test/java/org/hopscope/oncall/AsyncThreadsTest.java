package org.hopscope.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AsyncThreadsTest {

  @Test
  void smallMachinesGetTwoReusedThreads() {
    assertEquals("2", AsyncThreads.size(1, null));
    assertEquals("2", AsyncThreads.size(2, null));
  }

  @Test
  void largerMachinesKeepTheJdksChoice() {
    assertNull(AsyncThreads.size(3, null));
    assertNull(AsyncThreads.size(16, null));
  }

  @Test
  void theUsersSettingIsKept() {
    assertNull(AsyncThreads.size(2, "1"));
    assertNull(AsyncThreads.size(2, "8"));
  }
}
