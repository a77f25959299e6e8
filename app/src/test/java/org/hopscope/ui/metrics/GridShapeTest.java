package org.hopscope.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GridShapeTest {

  @Test
  void cardsFillTheAreaInAReadableShape() {
    // the grid's area at 1280x800 and 1920x1080 with the path diagram above it
    assertThat(GridShape.columns(1, 1244, 450, 14)).isEqualTo(1);
    assertThat(GridShape.columns(2, 1244, 450, 14)).isEqualTo(2);
    assertThat(GridShape.columns(3, 1244, 450, 14)).isEqualTo(3);
    assertThat(GridShape.columns(4, 1244, 450, 14)).isEqualTo(2);
    assertThat(GridShape.columns(2, 1884, 730, 14)).isEqualTo(2);
    assertThat(GridShape.columns(3, 1884, 730, 14)).isEqualTo(3);
    assertThat(GridShape.columns(4, 1884, 730, 14)).isEqualTo(2);
    assertThat(GridShape.columns(6, 1884, 730, 14)).isEqualTo(3);
  }

  @Test
  void narrowOrTallAreasStackTheCards() {
    assertThat(GridShape.columns(3, 700, 900, 14)).isEqualTo(1);
    assertThat(GridShape.columns(2, 760, 1400, 14)).isEqualTo(1);
    assertThat(GridShape.columns(3, 0, 0, 14)).isEqualTo(1);
  }
}
