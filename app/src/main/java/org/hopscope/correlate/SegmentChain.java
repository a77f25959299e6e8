package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hopscope.model.FieldPath;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * The ID links a stuck analysis follows, as a chain of key spaces along the path: segment 0 is the
 * hops before the first link's target, keyed by message ID; segment {@code i} starts at link {@code
 * i}'s target hop, keyed by that link's values (ERP numbers, parts, batches), and ends before the
 * next link's target. Link {@code i + 1}'s from hop lies in segment {@code i}. A link that would
 * not continue the chain (it leads backwards, or starts before the previous link's target) is not
 * followed, with a notice.
 *
 * @param links the links followed, in path order of their target hops
 * @param starts per segment its first hop; segment {@code i} ends where segment {@code i + 1}
 *     starts, the last one at the path's end
 */
record SegmentChain(List<IdLink> links, List<Integer> starts) {

  /** The chain of {@code path}'s links; notices for the ones not followed go to {@code notices}. */
  static SegmentChain of(PathDef path, List<Notice> notices) {
    List<IdLink> sorted = new ArrayList<>(path.links());
    sorted.sort(Comparator.comparingInt(l -> path.indexOf(l.toHop())));
    List<IdLink> links = new ArrayList<>();
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (IdLink link : sorted) {
      int from = path.indexOf(link.fromHop());
      int to = path.indexOf(link.toHop());
      int start = starts.get(starts.size() - 1);
      if (from < 0 || to <= from) {
        notices.add(new Notice.BackwardLinkIgnored(link.fromHop(), link.toHop()));
      } else if (from < start || to == start) {
        notices.add(
            new Notice.LinkNotFollowed(
                link.fromHop(),
                link.toHop(),
                "its from hop must lie at or after the previous link's target hop, "
                    + path.hops().get(start).name()
                    + ", and its target after it (the stuck analysis follows links as a chain)"));
      } else {
        links.add(link);
        starts.add(to);
      }
    }
    return new SegmentChain(List.copyOf(links), List.copyOf(starts));
  }

  int segments() {
    return starts.size();
  }

  int start(int segment) {
    return starts.get(segment);
  }

  int end(int segment, PathDef path) {
    return segment + 1 < starts.size() ? starts.get(segment + 1) : path.hops().size();
  }

  /** The link leading into segment {@code segment} (at least 1). */
  IdLink into(int segment) {
    return links.get(segment - 1);
  }

  /**
   * The field hop {@code hop} of segment {@code segment} is keyed by: the incoming link's field at
   * the segment's first hop, else null (the hop's message-ID fields).
   */
  FieldPath keyField(int segment, int hop) {
    return segment > 0 && hop == start(segment) ? into(segment).toField() : null;
  }

  /** Whether the flat (merge-only) analysis applies: one link, declared one-to-one. */
  boolean flat() {
    return links.size() == 1 && links.get(0).cardinality() == IdLink.Cardinality.ONE_TO_ONE;
  }
}
