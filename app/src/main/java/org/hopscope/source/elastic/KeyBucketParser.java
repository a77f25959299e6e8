package org.hopscope.source.elastic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one bucket of a key scan ({@link KeyScanCursor}) straight off the parser, into plain
 * fields: building a tree per bucket was most of a page's decoding. It reads what the tree way read
 * ({@code key.key}, {@code doc_count}, per figure its {@code value} or {@code doc_count}, under
 * {@code docs} for a keyed key) with the same meaning for odd values: a figure's value that is no
 * number is no time; a {@code doc_count} that is no whole number is read as the tree's {@code
 * asLong(0)} reads it. A bucket of the wrong shape throws {@link CompositePages.Misshapen}.
 */
final class KeyBucketParser {

  /** What one bucket said; {@code NaN} / -1 / null: absent. */
  static final class Read {
    String key;
    long documents = -1;
    double first = Double.NaN;
    double last = Double.NaN;
    double lastFailure = Double.NaN;
    long failures;
    long terminal;
    long deadLetters;
    long marked;
    int figuresSeen; // bit per FIGURES entry that came as an object
  }

  /** The per-key aggregations a bucket may carry, in the bit order of {@link Read#figuresSeen}. */
  static final List<String> FIGURES =
      List.of("first", "last", "failures", "terminal", "deadLetters", "marked");

  private final boolean keyed;
  private final boolean terms;
  private final Function<JsonNode, RuntimeException> noKey;

  /**
   * A composite page's buckets ({@code key: {key: value}}).
   *
   * @param keyed whether the figures are under {@code docs} (a keyed key's reverse_nested)
   * @param noKey the failure for a bucket without its key or document count, from the bucket
   */
  KeyBucketParser(boolean keyed, Function<JsonNode, RuntimeException> noKey) {
    this(keyed, false, noKey);
  }

  private KeyBucketParser(
      boolean keyed, boolean terms, Function<JsonNode, RuntimeException> noKey) {
    this.keyed = keyed;
    this.terms = terms;
    this.noKey = noKey;
  }

  /** A {@code terms} aggregation's buckets ({@code key: value}), e.g. a key sample's. */
  static KeyBucketParser terms(boolean keyed, Function<JsonNode, RuntimeException> noKey) {
    return new KeyBucketParser(keyed, true, noKey);
  }

  /** Reads the bucket whose START_OBJECT {@code p} is at, leaving it at the bucket's END_OBJECT. */
  Read read(JsonParser p) throws IOException {
    Read r = new Read();
    boolean keyValue = false;
    boolean documents = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if ("key".equals(name)) {
        keyValue = terms ? scalar(p, t, r) : key(p, t, r);
      } else if (keyed) {
        if ("docs".equals(name) && t == JsonToken.START_OBJECT) {
          documents = figures(p, r);
        } else {
          documents &= !"docs".equals(name);
          p.skipChildren();
        }
      } else if ("doc_count".equals(name)) {
        documents = count(p, t, r);
      } else if (!figure(p, t, name, r)) {
        p.skipChildren();
      }
    }
    if (!keyValue || !documents) {
      throw new CompositePages.Misshapen(noKey);
    }
    return r;
  }

  /** Reads a terms bucket's {@code value}; true when it is a scalar (as the tree's isValueNode). */
  private static boolean scalar(JsonParser p, JsonToken t, Read r) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      r.key = p.getText();
      return true;
    }
    if (t.isScalarValue()) {
      r.key = CompositePages.text(p.readValueAsTree());
      return true;
    }
    p.skipChildren();
    return false;
  }

  /** Reads {@code {key: value}}; true when the value is a scalar (as the tree's isValueNode). */
  private static boolean key(JsonParser p, JsonToken t, Read r) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean found = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (!"key".equals(name)) {
        p.skipChildren();
        continue;
      }
      if (v == JsonToken.VALUE_STRING) {
        r.key = p.getText();
        found = true;
      } else if (v.isScalarValue()) {
        r.key = CompositePages.text(p.readValueAsTree());
        found = true;
      } else {
        p.skipChildren();
        found = false;
      }
    }
    return found;
  }

  /** Reads a figures object (a keyed key's {@code docs}); true when it held a document count. */
  private static boolean figures(JsonParser p, Read r) throws IOException {
    boolean documents = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      if ("doc_count".equals(name)) {
        documents = count(p, t, r);
      } else if (!figure(p, t, name, r)) {
        p.skipChildren();
      }
    }
    return documents;
  }

  /** The bucket's own document count; true when it is a whole number (the tree's test). */
  private static boolean count(JsonParser p, JsonToken t, Read r) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      r.documents =
          p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? p.getBigIntegerValue().longValue()
              : p.getLongValue();
      return true;
    }
    p.skipChildren();
    return false;
  }

  /** Reads figure {@code name} if it is one; false (nothing consumed) when it is not. */
  private static boolean figure(JsonParser p, JsonToken t, String name, Read r) throws IOException {
    int bit = bit(name);
    if (bit < 0) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      r.figuresSeen &= ~(1 << bit); // the last of duplicate names counts, as in a tree
      return true;
    }
    r.figuresSeen |= 1 << bit;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      // no "name.field" text per figure: the parser's names are canonical, their hashes cached
      switch (bit) {
        case 0, 1 -> { // first, last
          if ("value".equals(field)) {
            double value = number(p, v);
            if (bit == 0) {
              r.first = value;
            } else {
              r.last = value;
            }
          } else {
            p.skipChildren();
          }
        }
        case 2 -> { // failures
          if ("doc_count".equals(field)) {
            r.failures = asLong(p, v);
          } else if ("lastFailure".equals(field)) {
            r.lastFailure = nestedValue(p, v);
          } else {
            p.skipChildren();
          }
        }
        default -> {
          if ("doc_count".equals(field)) {
            long count = asLong(p, v);
            switch (name) {
              case "terminal" -> r.terminal = count;
              case "deadLetters" -> r.deadLetters = count;
              default -> r.marked = count;
            }
          } else {
            p.skipChildren();
          }
        }
      }
    }
    return true;
  }

  /** The {@link #FIGURES} index of {@code name}, or -1 (a switch: no list search per field). */
  static int bit(String name) {
    return switch (name) {
      case "first" -> 0;
      case "last" -> 1;
      case "failures" -> 2;
      case "terminal" -> 3;
      case "deadLetters" -> 4;
      case "marked" -> 5;
      default -> -1;
    };
  }

  /** {@code {value: n}}: n, or NaN when absent or no number. */
  private static double nestedValue(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return Double.NaN;
    }
    double value = Double.NaN;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if ("value".equals(field)) {
        value = number(p, v);
      } else {
        p.skipChildren();
      }
    }
    return value;
  }

  private static double number(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      long whole =
          ScanInstant.wholeNumber(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      return whole >= 0 ? whole : p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    p.skipChildren();
    return Double.NaN;
  }

  /** As the tree's {@code asLong(0)}: whole numbers as they are, anything else through a node. */
  private static long asLong(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return p.getLongValue();
    }
    if (t.isScalarValue()) {
      JsonNode node = p.readValueAsTree();
      return node.asLong(0);
    }
    p.skipChildren();
    return 0;
  }
}
