package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
class FlowViewSandboxTest {
  @Test
  void sandboxIsThere(TestSandbox sandbox) {
    assertThat(sandbox.manifest()).exists();
  }
}
