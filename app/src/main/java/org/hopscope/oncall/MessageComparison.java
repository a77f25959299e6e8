package org.hopscope.oncall;

import java.util.List;
import org.hopscope.correlate.FlowComparer;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.Basis;
import org.hopscope.model.Comparison.Choice;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * "Compare with a healthy one": the subject's flow, the other message's (named, or the nearest OK
 * one {@link HealthyMatch} finds) and the hop-by-hop comparison ({@link FlowComparer}). Never
 * compares with a message that is not OK without saying so in the basis.
 */
final class MessageComparison {

  private final EventSource events;
  private final HealthyMatch.FlowFinder flows;

  MessageComparison(EventSource events, HealthyMatch.FlowFinder flows) {
    this.events = events;
    this.flows = flows;
  }

  Comparison compare(PathDef path, String subjectId, String otherId, Cancellation cancel) {
    Flow subject = flows.find(subjectId, cancel);
    if (subject.verdict() == HopVerdict.NO_EVIDENCE || !hasEvidence(subject)) {
      return none(
          path,
          subject,
          "Nothing was found for "
              + subjectId
              + " in the window searched, so there is nothing to compare; widen the window.");
    }
    if (otherId != null) {
      Flow other = flows.find(otherId, cancel);
      if (other.verdict() == HopVerdict.NO_EVIDENCE || !hasEvidence(other)) {
        return none(
            path,
            subject,
            "Nothing was found for "
                + otherId
                + " (the message to compare with) in the window searched; check the ID or widen"
                + " the window.");
      }
      return new Comparison(
          path.name(),
          subject,
          other,
          new Basis(Choice.NAMED, otherId, namedText(otherId, other), List.of()),
          new FlowComparer(path).compare(subject, other));
    }
    HealthyMatch.Pick pick = new HealthyMatch(events, flows).pick(path, subject, cancel);
    if (pick.flow() == null) {
      return new Comparison(path.name(), subject, null, pick.basis(), List.of());
    }
    return new Comparison(
        path.name(),
        subject,
        pick.flow(),
        pick.basis(),
        new FlowComparer(path).compare(subject, pick.flow()));
  }

  private static String namedText(String id, Flow other) {
    if (other.verdict() == HopVerdict.OK) {
      return id + ": named by you; its verdict is OK.";
    }
    return id
        + ": named by you; its verdict is "
        + other.verdict().name()
        + (other.stuckAt() != null ? " at " + other.stuckAt() : "")
        + ", not OK, so differences need not point at the problem.";
  }

  private static Comparison none(PathDef path, Flow subject, String text) {
    return new Comparison(
        path.name(), subject, null, new Basis(Choice.NONE, null, text, List.of()), List.of());
  }

  private static boolean hasEvidence(Flow f) {
    return f.hops().stream().anyMatch(h -> h.firstSeen() != null);
  }
}
