package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.VerdictWords;
import org.hopscope.ui.look.BlindLook;

/**
 * What the banner says about a flow, in words, one line each: hops that could not be read (and that
 * the verdict is UNKNOWN because of them), clock corrections, evidence found beyond the window, a
 * split's parts, a batch, and every other notice of the answer. Metrics that could not be fetched
 * are not here: they make the result partial ({@link FlowViewModel#partialProperty()}). The answer
 * itself (verdict, hop, for how long, last error, other IDs) is not here either: {@link
 * FlowHeadlineBar} shows it above the path, in the words of {@link
 * org.hopscope.oncall.FlowHeadline}. Pure, no FX.
 */
public final class FlowSummary {

  /** How a line reads: a warning (the answer is less than complete) or information. */
  public enum Kind {
    WARNING,
    INFO
  }

  /** One line of the banner. */
  public record Line(Kind kind, String text) {}

  private FlowSummary() {}

  /** The banner's lines for {@code f}, warnings first. */
  public static List<Line> of(Flow f) {
    List<Line> out = new ArrayList<>();
    blind(f, out);
    for (HopFlow h : f.hops()) {
      String tip = SkewWords.hopTip(f, h);
      if (h.skewMs() != 0 && tip != null) {
        out.add(new Line(Kind.WARNING, "Clock skew: " + lower(tip)));
      }
    }
    for (Notice n : f.notices()) {
      String text = words(f, n);
      if (text != null) {
        out.add(new Line(n.informational() ? Kind.INFO : Kind.WARNING, text));
      }
    }
    basis(f, out);
    parts(f, out);
    batches(f, out);
    return List.copyOf(out);
  }

  private static void blind(Flow f, List<Line> out) {
    for (HopFlow h : f.hops()) {
      if (h.blind().isEmpty()) {
        continue;
      }
      String sources = BlindLook.sources(h.blind());
      if (h.verdict() != HopVerdict.UNKNOWN) {
        out.add(
            new Line(
                Kind.WARNING,
                h.hop() + ": " + sources + " could not be read; its other sources were."));
      } else if (f.verdict() == HopVerdict.UNKNOWN) {
        out.add(
            new Line(
                Kind.WARNING,
                h.hop()
                    + " could not be read: "
                    + sources
                    + ". The verdict is UNKNOWN because of"
                    + " it: the message may have passed "
                    + h.hop()
                    + "."));
      } else {
        out.add(
            new Line(
                Kind.WARNING,
                h.hop() + " could not be read: " + sources + "; its verdict is UNKNOWN."));
      }
    }
  }

  /** A notice in words, or null when another line already says it (or it is not for the banner). */
  static String words(Flow f, Notice n) {
    if (n instanceof Notice.MetricsUnavailable) {
      return null;
    }
    if (n instanceof Notice.ClockSkew s) {
      return SkewWords.notice(f, s);
    }
    return capitalised(n.text());
  }

  private static void basis(Flow f, List<Line> out) {
    Flow.Basis b = f.basis();
    if (b == null || (b.before() == 0 && b.after() == 0)) {
      return;
    }
    String found =
        b.before() > 0 && b.after() > 0
            ? "Found %s before the window and %s after it"
                .formatted(FlowFormat.events(b.before()), FlowFormat.events(b.after()))
            : b.before() > 0
                ? "Found " + FlowFormat.events(b.before()) + " before the window"
                : "Found " + FlowFormat.events(b.after()) + " after the window";
    String searched =
        b.searched() == null
            ? ""
            : ": searched "
                + FlowFormat.window(b.searched().from(), b.searched().to())
                + " to show the whole journey";
    out.add(new Line(Kind.INFO, found + searched + "."));
  }

  private static void parts(Flow f, List<Line> out) {
    if (f.parts().isEmpty()) {
      return;
    }
    String counts = counts(f.parts(), Flow.Part::verdict);
    Flow.Part worst =
        f.parts().stream()
            .filter(p -> p.verdict() == f.verdict() && p.verdict() != HopVerdict.OK)
            .findFirst()
            .orElse(null);
    String worstText =
        worst == null
            ? ""
            : " (worst: "
                + worst.id()
                + ", "
                + VerdictWords.inSentence(worst.verdict())
                + (worst.hop() == null ? "" : " at " + worst.hop())
                + ")";
    out.add(
        new Line(
            Kind.INFO,
            "Split into %d parts: %s%s; the message's verdict is the worst part's. See Parts."
                .formatted(f.parts().size(), counts, worstText)));
  }

  private static void batches(Flow f, List<Line> out) {
    for (Flow.Batch b : f.batches()) {
      if (!b.verdicts().isEmpty()) {
        out.add(
            new Line(
                Kind.INFO,
                "Batch %s of %s (batched at %s): %s. See Batch."
                    .formatted(
                        b.id(),
                        HopWords.messages(b.members()),
                        b.hop(),
                        counts(b.verdicts(), Flow.Member::verdict))));
      } else {
        out.add(
            new Line(
                Kind.INFO,
                "Travelled in batch %s with %s (batched at %s): the hops after it show the"
                        .formatted(
                            b.id(),
                            HopWords.messages(b.members() - 1).replace("message", "other message"),
                            b.hop())
                    + " batch's evidence, shared with them."));
      }
    }
  }

  /** "2 OK, 1 stuck" in verdict order. */
  static <T> String counts(List<T> items, Function<T, HopVerdict> verdict) {
    Map<HopVerdict, Integer> n = new EnumMap<>(HopVerdict.class);
    for (T t : items) {
      n.merge(verdict.apply(t), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    n.forEach((v, c) -> parts.add(c + " " + word(v)));
    return String.join(", ", parts);
  }

  private static String word(HopVerdict v) {
    return VerdictWords.inSentence(v);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
