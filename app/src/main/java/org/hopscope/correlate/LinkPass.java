package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;
import org.hopscope.source.RawDocument;

/**
 * The stuck analysis after a re-keying (see {@link StuckAnalyzer}): the link's source hop keyed by
 * the link field, merged with the hops from the link's target on. A key's bucket at the source hop
 * starts at the first event carrying the linked ID ({@code s}); the message's first event there
 * ({@code f}) lies in {@code [s - delta, s]}, delta being the largest spread the message pass saw.
 * When both ends of that range give the same outcome, {@code s} stands for {@code f}; otherwise,
 * and for every message streamed out as stuck, failed or dead-lettered (to name it by its message
 * ID, wherever it stopped), the message is looked up.
 */
final class LinkPass {

  /** Documents one lookup query may return (a batch of keys, a few documents each). */
  static final int LOOKUP_LIMIT = 200_000;

  private final EventSource events;
  private final StuckOptions options;
  private final PathDef path;
  private final IdLink link;
  private final StuckBlind blind;
  private final int source;
  private final int target;
  private final TimeWindow scanned;
  private final Instant asOf;
  private final StuckTally tally;
  private final List<Notice> notices;
  private final EventReader reader = new EventReader();
  private final List<Pending> batch = new ArrayList<>();

  LinkPass(
      EventSource events,
      StuckOptions options,
      PathDef path,
      IdLink link,
      StuckBlind blind,
      TimeWindow scanned,
      Instant asOf,
      StuckTally tally,
      List<Notice> notices) {
    this.events = events;
    this.options = options;
    this.path = path;
    this.link = link;
    this.blind = blind;
    this.source = path.indexOf(link.fromHop());
    this.target = path.indexOf(link.toHop());
    this.scanned = scanned;
    this.asOf = asOf;
    this.tally = tally;
    this.notices = notices;
  }

  private record Pending(String key, List<HopEvidence> evidence, Instant[] last) {}

  /** What a lookup found for one linked key: the message and its first/last event at the hop. */
  private record Message(String id, Instant first, Instant last) {}

  void run(Duration delta, Cancellation cancel) {
    List<Hop> hops = path.hops();
    ScanPlan plan = ScanPlan.of(scanned, options, tally, blind.patterns().keySet());
    plan.add(source, hops.get(source), link.fromField(), false);
    if (!blind.hops()[target]) {
      plan.add(target, hops.get(target), link.toField(), true);
    }
    for (int k = target + 1; k < hops.size(); k++) {
      if (!blind.hops()[k]) {
        plan.add(k, hops.get(k), null, true);
      }
    }
    List<ScanPlan.Stream> streams = plan.streams();
    try (KeyMerge merge = plan.open(events, options, cancel)) {
      for (KeyMerge.Group g = merge.next(); g != null; g = merge.next()) {
        cancel.check();
        StuckAnalyzer.MergedKey m = StuckAnalyzer.MergedKey.of(g, streams, path, blind.hops());
        HopEvidence at = m.evidence().get(source);
        if (!at.present()) {
          finish(g.key(), m.evidence(), m.last(), null);
          continue;
        }
        Outcome late = outcome(m.evidence(), at.first());
        Outcome early = outcome(m.evidence(), at.first().minus(delta));
        if (late.equals(early) && !late.named) {
          finish(g.key(), m.evidence(), m.last(), null);
        } else {
          batch.add(new Pending(g.key(), m.evidence(), m.last()));
          if (batch.size() >= options.lookupBatch()) {
            flush(cancel);
          }
        }
      }
    }
    flush(cancel);
  }

  /**
   * @param named whether it is streamed out as trouble (stuck, failed, dead-lettered in the
   *     window), so it must be named by its message ID
   */
  private record Outcome(boolean inWindow, HopVerdict verdict, int hop, boolean named) {}

  private Outcome outcome(List<HopEvidence> evidence, Instant first) {
    List<HopEvidence> ev = withFirst(evidence, first);
    VerdictRules.Judgement j = VerdictRules.judge(ev, asOf);
    HopVerdict v = j.verdict();
    boolean named =
        (v == HopVerdict.STUCK || v == HopVerdict.ERROR || v == HopVerdict.DEAD_LETTERED)
            && j.hop() >= 0
            && tally.inWindow(ev.get(j.hop()).first());
    return new Outcome(tally.inWindow(first), v, j.hop(), named);
  }

  private List<HopEvidence> withFirst(List<HopEvidence> evidence, Instant first) {
    List<HopEvidence> ev = new ArrayList<>(evidence);
    ev.set(source, ev.get(source).withFirst(first));
    return ev;
  }

  private void finish(String key, List<HopEvidence> evidence, Instant[] last, Message message) {
    List<HopEvidence> ev = evidence;
    Instant[] lastSeen = last.clone();
    String id = key;
    if (message != null) {
      ev = withFirst(evidence, message.first());
      lastSeen[source] = message.last();
      id = message.id();
    }
    VerdictRules.Judgement j = VerdictRules.judge(ev, asOf);
    HopEvidence at = ev.get(source);
    if (at.present() && tally.inWindow(at.first()) && ev.get(source + 1).present()) {
      tally.left(source);
    }
    for (int k = target; k < ev.size(); k++) {
      if (ev.get(k).present() && tally.inWindow(ev.get(k).first())) {
        tally.entered(k);
        if (k == ev.size() - 1 || ev.get(k + 1).present()) {
          tally.left(k);
        }
      }
    }
    int h = j.hop();
    if (j.verdict() == HopVerdict.UNKNOWN) {
      if (ev.stream().anyMatch(e -> tally.inWindow(e.first()))) {
        tally.unknown(h);
      }
    } else if (h >= 0 && ev.get(h).present() && tally.inWindow(ev.get(h).first())) {
      tally.judged(h, j.verdict(), id, lastSeen[h]);
    }
  }

  /** Looks the batch's keys up (two round trips) and finishes them. */
  private void flush(Cancellation cancel) {
    if (batch.isEmpty()) {
      return;
    }
    Hop hop = path.hops().get(source);
    Set<String> keys = new LinkedHashSet<>();
    batch.forEach(p -> keys.add(p.key()));
    List<IdQuery> byLink = new ArrayList<>();
    hop.sources().forEach(s -> byLink.add(new IdQuery(hop.name(), s, link.fromField(), keys)));
    Map<String, String> messageOf = new HashMap<>();
    for (FlowEvent e : read(events.find(byLink, scanned, LOOKUP_LIMIT, cancel))) {
      if (!e.ids().isEmpty()) {
        for (Object v : link.fromField().read(RawDocument.parsed(e.document()))) {
          messageOf.putIfAbsent(String.valueOf(v), e.ids().get(0));
        }
      }
    }
    Set<String> ids = new LinkedHashSet<>(messageOf.values());
    Map<String, Instant[]> span = new HashMap<>();
    if (!ids.isEmpty()) {
      List<IdQuery> byId = new ArrayList<>();
      for (EventSourceDef s : hop.sources()) {
        for (FieldPath f : s.fields().messageIds()) {
          byId.add(new IdQuery(hop.name(), s, f, ids));
        }
      }
      for (FlowEvent e : read(events.find(byId, scanned, LOOKUP_LIMIT, cancel))) {
        for (String id : e.ids()) {
          Instant[] fl =
              span.computeIfAbsent(id, x -> new Instant[] {e.timestamp(), e.timestamp()});
          fl[0] = e.timestamp().isBefore(fl[0]) ? e.timestamp() : fl[0];
          fl[1] = e.timestamp().isAfter(fl[1]) ? e.timestamp() : fl[1];
        }
      }
    }
    for (Pending p : batch) {
      String id = messageOf.get(p.key());
      Instant[] fl = id == null ? null : span.get(id);
      if (fl == null) {
        notices.add(new Notice.LinkedIdNotFound(p.key(), hop.name()));
        finish(p.key(), p.evidence(), p.last(), null);
      } else {
        finish(p.key(), p.evidence(), p.last(), new Message(id, fl[0], fl[1]));
      }
    }
    batch.clear();
  }

  private List<FlowEvent> read(FindResult result) {
    notices.addAll(result.truncated());
    EventReader.Read read = reader.read(result.events());
    notices.addAll(read.notices());
    return read.events();
  }
}
