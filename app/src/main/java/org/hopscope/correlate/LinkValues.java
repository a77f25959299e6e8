package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;

/**
 * Reads the link values an event carries, split by what they mean for the message: values that make
 * the event the message's when known, and upstream values of links that may be many-to-one (a batch
 * ID other messages carry too). Thread-safe.
 */
final class LinkValues {

  /**
   * An upstream value of a link that may be many-to-one.
   *
   * @param value the value (a batch ID)
   * @param manyToOne whether the path declares the link many-to-one (else it is undeclared and
   *     detected from how many messages carry the value)
   */
  record Shared(String value, boolean manyToOne) {}

  private final PathDef path;
  private final List<FieldReader[]> readers;

  LinkValues(PathDef path) {
    this.path = path;
    this.readers =
        path.links().stream()
            .map(
                l -> new FieldReader[] {FieldReader.of(l.fromField()), FieldReader.of(l.toField())})
            .toList();
  }

  /** Values that make {@code e} the message's when one is known. */
  List<String> linked(FlowEvent e, Map<String, Object> doc) {
    List<String> out = List.of();
    List<IdLink> links = path.links();
    for (int i = 0; i < links.size(); i++) {
      IdLink link = links.get(i);
      if (link.fromHop().equals(e.hop()) && !mayBeShared(link)) {
        out = addAll(out, readers.get(i)[0].read(doc));
      }
      if (link.toHop().equals(e.hop())) {
        out = addAll(out, readers.get(i)[1].read(doc));
      }
    }
    return out;
  }

  /** Upstream values of links that may be many-to-one. */
  List<Shared> shared(FlowEvent e, Map<String, Object> doc) {
    List<Shared> out = List.of();
    List<IdLink> links = path.links();
    for (int i = 0; i < links.size(); i++) {
      IdLink link = links.get(i);
      if (link.fromHop().equals(e.hop()) && mayBeShared(link)) {
        List<Object> values = readers.get(i)[0].read(doc);
        if (!values.isEmpty()) {
          out = out.isEmpty() ? new ArrayList<>() : out;
          for (Object v : values) {
            out.add(new Shared(String.valueOf(v), link.cardinality() != null));
          }
        }
      }
    }
    return out;
  }

  /** Per link (path order): the upstream field's values {@code e} carries. */
  List<List<String>> from(FlowEvent e, Map<String, Object> doc) {
    List<IdLink> links = path.links();
    List<List<String>> out = new ArrayList<>(links.size());
    for (int i = 0; i < links.size(); i++) {
      out.add(
          links.get(i).fromHop().equals(e.hop())
              ? addAll(List.of(), readers.get(i)[0].read(doc))
              : List.of());
    }
    return out;
  }

  /** Whether a link's upstream value may be shared by several messages. */
  static boolean mayBeShared(IdLink link) {
    return link.cardinality() == null || link.cardinality() == IdLink.Cardinality.MANY_TO_ONE;
  }

  private static List<String> addAll(List<String> out, List<Object> values) {
    if (values.isEmpty()) {
      return out;
    }
    List<String> grown = out.isEmpty() ? new ArrayList<>() : out;
    values.forEach(v -> grown.add(String.valueOf(v)));
    return grown;
  }
}
