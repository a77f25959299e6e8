package org.hopscope.report;

import java.io.IOException;

/** Where the export puts chart images that the Markdown links to. */
@FunctionalInterface
public interface ChartImages {

  /**
   * Stores one PNG.
   *
   * @param relativePath where the Markdown links it, relative to the Markdown file, e.g. {@code
   *     images/3-fulfilment-service-outcomes.png}
   * @param png the image bytes, as saved in the evidence
   */
  void write(String relativePath, byte[] png) throws IOException;
}
