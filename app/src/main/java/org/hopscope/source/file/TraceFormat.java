package org.hopscope.source.file;

/** The formats a trace or log file is read in, detected from its content. */
public enum TraceFormat {
  /** OTLP JSON ({@code {"resourceSpans": ...}} or {@code {"resourceLogs": ...}}). */
  OTLP("OTLP JSON"),
  /** The Jaeger UI's and query API's JSON ({@code {"data":[{"traceID","spans","processes"}]}}). */
  JAEGER("Jaeger JSON"),
  /** A Zipkin v2 JSON array of spans. */
  ZIPKIN("Zipkin v2 JSON"),
  /** One stored document per line (an Elasticsearch or Kibana export, ECS log lines). */
  NDJSON("NDJSON documents");

  private final String words;

  TraceFormat(String words) {
    this.words = words;
  }

  /** The format's name for people, e.g. {@code OTLP JSON}. */
  public String words() {
    return words;
  }
}
