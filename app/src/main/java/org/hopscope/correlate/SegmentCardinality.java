package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;

/**
 * What the values of each followed link show while the hash join runs (exact: every key and value
 * of the window is seen): a key carrying several values is a split, a value carried by several keys
 * a batch. For the links that declare no cardinality, a notice says what the data show.
 */
final class SegmentCardinality {

  private final List<IdLink> links;
  private final String[] splitKey;
  private final int[] splitValues;
  private final String[] sharedValue;

  /**
   * @param links the links followed, in chain order
   */
  SegmentCardinality(List<IdLink> links) {
    this.links = List.copyOf(links);
    this.splitKey = new String[links.size()];
    this.splitValues = new int[links.size()];
    this.sharedValue = new String[links.size()];
  }

  /** Key {@code key} carries {@code count} values of link {@code i}. */
  void values(int i, String key, int count) {
    if (count > 1 && count > splitValues[i]) {
      splitKey[i] = key;
      splitValues[i] = count;
    }
  }

  /** Value {@code value} of link {@code i} was carried by an earlier key too. */
  void shared(int i, String value) {
    if (sharedValue[i] == null) {
      sharedValue[i] = value;
    }
  }

  /** One notice per link without a declared cardinality. */
  List<Notice> detected() {
    List<Notice> out = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      IdLink link = links.get(i);
      if (link.cardinality() != null) {
        continue;
      }
      String split =
          splitKey[i] == null
              ? null
              : "%s carries %d values at %s".formatted(splitKey[i], splitValues[i], link.fromHop());
      String shared =
          sharedValue[i] == null
              ? null
              : "%s is carried by several keys at %s".formatted(sharedValue[i], link.fromHop());
      String detected;
      String evidence;
      if (split != null && shared != null) {
        detected = "many-to-many";
        evidence = split + "; " + shared;
      } else if (split != null) {
        detected = IdLink.Cardinality.ONE_TO_MANY.text();
        evidence = split;
      } else if (shared != null) {
        detected = IdLink.Cardinality.MANY_TO_ONE.text();
        evidence = shared;
      } else {
        detected = IdLink.Cardinality.ONE_TO_ONE.text();
        evidence =
            "no key carries several values and no value with later evidence is shared;"
                + " declare 'cardinality: one-to-one' for the flat-memory analysis";
      }
      out.add(new Notice.CardinalityDetected(link.fromHop(), link.toHop(), detected, evidence));
    }
    return out;
  }
}
