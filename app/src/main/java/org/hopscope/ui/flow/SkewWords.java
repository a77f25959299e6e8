package org.hopscope.ui.flow;

import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.Notice;

/**
 * How the flow views say clock skew: on the edge between two hops, on a hop card and its tooltip,
 * and in the banner. A correction ({@link HopFlow#skewMs()}, added to a hop's stored times) is
 * "corrected"; skew the engine only reported ({@link Notice.ClockSkew} without a correction) is
 * "shown as 0". Pure, no FX.
 */
public final class SkewWords {

  private SkewWords() {}

  /** An amount of skew: "~4.0 s", "~350 ms". */
  public static String amount(long ms) {
    return "~" + FlowFormat.latency(Math.abs(ms));
  }

  /** A correction with its sign: "+4.0 s", "-350 ms". */
  public static String signed(long ms) {
    return (ms < 0 ? "-" : "+") + FlowFormat.latency(Math.abs(ms));
  }

  /**
   * The edge label between hop {@code i} and hop {@code i + 1}: "clock skew ~4.0 s corrected" when
   * their corrections differ, "clock skew ~5 ms: shown as 0" when the engine reported skew there
   * without correcting it, else null.
   */
  public static String edge(Flow f, int i) {
    HopFlow from = f.hops().get(i);
    HopFlow to = f.hops().get(i + 1);
    long relative = to.skewMs() - from.skewMs();
    if (relative != 0 && present(from) && present(to)) {
      return "clock skew " + amount(relative) + " corrected";
    }
    Notice.ClockSkew n = notice(f.notices(), from.hop(), to.hop());
    return n == null ? null : "clock skew " + amount(n.millis()) + ": shown as 0";
  }

  /** An edge label in lines for a narrow edge: "clock skew\n~4.0 s\ncorrected". */
  public static String lines(String edge) {
    return edge.replace("skew ", "skew\n")
        .replace(" corrected", "\ncorrected")
        .replace(": shown as 0", "\nshown as 0");
  }

  /**
   * The edge's tooltip: which clock runs behind which (the corrected hop named first) and what the
   * view did about it; or null.
   */
  public static String edgeTip(Flow f, int i) {
    HopFlow from = f.hops().get(i);
    HopFlow to = f.hops().get(i + 1);
    if (to.skewMs() != from.skewMs() && present(from) && present(to)) {
      HopFlow subject = to.skewMs() == 0 ? from : to; // the corrected hop (the later one if both)
      HopFlow ref = subject == to ? from : to;
      long relative = subject.skewMs() - ref.skewMs();
      List<String> corrections = new java.util.ArrayList<>();
      for (HopFlow h : List.of(subject, ref)) {
        if (h.skewMs() != 0) {
          corrections.add(h.hop() + " " + signed(h.skewMs()));
        }
      }
      return "Stored times of %s run %s %s %s. Times and the latency are shown corrected (%s)."
          .formatted(
              subject.hop(),
              FlowFormat.latency(Math.abs(relative)),
              direction(relative),
              ref.hop(),
              String.join(", ", corrections));
    }
    Notice.ClockSkew n = notice(f.notices(), from.hop(), to.hop());
    return n == null ? null : uncorrected(n);
  }

  /** The hop card's line for a corrected hop: "clock +4.0 s corrected", or null. */
  public static String hopLine(HopFlow h) {
    return h.skewMs() == 0 ? null : "clock " + signed(h.skewMs()) + " corrected";
  }

  /**
   * The hop card's tooltip about skew: "Stored times of X run 4.0 s behind Y; times shown corrected
   * by +4.0 s." (Y: the nearest hop with evidence and no correction, earlier hops first), the
   * uncorrected skew reported at it, or null.
   */
  public static String hopTip(Flow f, HopFlow h) {
    if (h.skewMs() != 0) {
      HopFlow ref = reference(f.hops(), f.hops().indexOf(h));
      String corrected = "times shown corrected by " + signed(h.skewMs()) + ".";
      if (ref == null) {
        return "Stored times of " + h.hop() + " are shown corrected by " + signed(h.skewMs()) + ".";
      }
      return "Stored times of %s run %s %s %s; %s"
          .formatted(
              h.hop(),
              FlowFormat.latency(Math.abs(h.skewMs())),
              direction(h.skewMs()),
              ref.hop(),
              corrected);
    }
    for (Notice n : f.notices()) {
      if (n instanceof Notice.ClockSkew s && s.laterHop().equals(h.hop())) {
        return uncorrected(s);
      }
    }
    return null;
  }

  /**
   * A clock-skew notice in words for the banner, or null when the later hop's times are corrected
   * (the hop's own line says so then).
   */
  static String notice(Flow f, Notice.ClockSkew n) {
    for (HopFlow h : f.hops()) {
      if (h.hop().equals(n.laterHop()) && h.skewMs() != 0) {
        return null;
      }
    }
    return "Clock skew: " + uncorrected(n);
  }

  private static String uncorrected(Notice.ClockSkew n) {
    return ("%s was first seen %s before %s: their clocks disagree. The latency %s → %s is shown as"
            + " 0; times are as stored.")
        .formatted(
            n.laterHop(),
            FlowFormat.latency(n.millis()),
            n.earlierHop(),
            n.earlierHop(),
            n.laterHop());
  }

  private static String direction(long correction) {
    return correction > 0 ? "behind" : "ahead of";
  }

  private static HopFlow reference(List<HopFlow> hops, int at) {
    for (int d = 1; d < hops.size(); d++) {
      for (int k : new int[] {at - d, at + d}) {
        if (k >= 0 && k < hops.size() && hops.get(k).skewMs() == 0 && present(hops.get(k))) {
          return hops.get(k);
        }
      }
    }
    return null;
  }

  private static Notice.ClockSkew notice(List<Notice> notices, String from, String to) {
    for (Notice n : notices) {
      if (n instanceof Notice.ClockSkew s
          && s.earlierHop().equals(from)
          && s.laterHop().equals(to)) {
        return s;
      }
    }
    return null;
  }

  static boolean present(HopFlow h) {
    return !h.events().isEmpty() || h.firstSeen() != null;
  }
}
