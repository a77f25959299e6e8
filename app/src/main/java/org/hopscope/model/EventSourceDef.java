package org.hopscope.model;

/**
 * One place a hop's events are stored: an index pattern and how its documents name things.
 *
 * @param index Elasticsearch index pattern or alias, e.g. {@code logs-fulfilment-*}
 * @param kind whether the documents are log lines or spans
 * @param fields the field map
 */
public record EventSourceDef(String index, Kind kind, FieldMap fields) {

  /** What the documents are. */
  public enum Kind {
    LOG,
    SPAN
  }
}
