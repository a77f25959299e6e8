package org.hopscope.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant ({@code sla_ms} -> {@code sla}). */
public final class ClosestName {

  private ClosestName() {}

  /** The closest of {@code known} to {@code typed}, or empty when none is plausibly meant. */
  public static Optional<String> of(String typed, Collection<String> known) {
    String t = normalize(typed);
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String candidate : known) {
      String c = normalize(candidate);
      int distance = distance(t, c);
      int shorter = Math.min(t.length(), c.length());
      int allowed = shorter < 3 ? 0 : Math.max(1, shorter / 3);
      boolean plausible =
          distance <= allowed
              || (c.length() >= 3 && (t.startsWith(c) || c.startsWith(t)) && t.length() >= 3);
      if (plausible && distance < bestScore) {
        best = candidate;
        bestScore = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Case, '_' and '-' do not matter: {@code message_id} is meant as {@code messageId}. */
  private static String normalize(String s) {
    return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Edit distance where swapping two neighbours counts one ("titel" -> "title"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int substitution = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        d[i][j] = Math.min(substitution, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
