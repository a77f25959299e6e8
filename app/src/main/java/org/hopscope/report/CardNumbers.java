package org.hopscope.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers for {@link BuiltInMasks#CARD}: 13 to 19 digits, written in one run or in
 * groups (the first of four digits) separated by one or two spaces, a dot or a dash; masked only
 * when they start like a card (2200-2204, 2221-2720, 3, 4, 5 or 6) and pass the Luhn check, so that
 * order numbers, epoch milliseconds and compact timestamps stay.
 */
final class CardNumbers {

  private static final String SEPARATOR = "(?:[ \\t]{1,2}|[ \\t]?[.-][ \\t]?)";

  /** A candidate: bounded length, so every start position costs constant time. */
  static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![A-Za-z0-9_.-])(?:\\d{13,19}|\\d{4}(?:"
              + SEPARATOR
              + "\\d{2,6}){2,5})(?![A-Za-z0-9_]|[.-]\\d)");

  private static final Pattern DIGITS = Pattern.compile("\\d++");

  private CardNumbers() {}

  /**
   * The candidate with every card number in it masked, keeping the grouping and the last four
   * digits; when the whole run is no card (too long, say), the longest runs of whole groups that
   * are cards are masked.
   */
  static String mask(MatchResult m) {
    String text = m.group();
    List<int[]> groups = new ArrayList<>();
    Matcher digits = DIGITS.matcher(text);
    while (digits.find()) {
      groups.add(new int[] {digits.start(), digits.end()});
    }
    char[] out = text.toCharArray();
    int a = 0;
    while (a < groups.size()) {
      int found = -1;
      for (int b = groups.size() - 1; b >= a && found < 0; b--) {
        if (isCard(digitsOf(text, groups, a, b))) {
          found = b;
        }
      }
      if (found < 0) {
        a++;
        continue;
      }
      maskDigits(out, groups.get(a)[0], groups.get(found)[1]);
      a = found + 1;
    }
    return new String(out);
  }

  private static String digitsOf(String text, List<int[]> groups, int a, int b) {
    StringBuilder s = new StringBuilder(19);
    for (int i = a; i <= b && s.length() <= 19; i++) {
      s.append(text, groups.get(i)[0], groups.get(i)[1]);
    }
    return s.toString();
  }

  /** Replaces the digits in {@code [from, to)} by '*', but the last four. */
  private static void maskDigits(char[] out, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      count += Character.isDigit(out[i]) ? 1 : 0;
    }
    int seen = 0;
    for (int i = from; i < to; i++) {
      if (Character.isDigit(out[i]) && seen++ < count - 4) {
        out[i] = '*';
      }
    }
  }

  /** 13 to 19 ASCII digits with a card's leading digits and a valid Luhn check digit. */
  static boolean isCard(String digits) {
    if (digits.length() < 13 || digits.length() > 19) {
      return false;
    }
    char first = digits.charAt(0);
    if (first == '2') {
      int prefix = Integer.parseInt(digits.substring(0, 4));
      if (!(prefix >= 2200 && prefix <= 2204) && !(prefix >= 2221 && prefix <= 2720)) {
        return false;
      }
    } else if (first < '3' || first > '6') {
      return false;
    }
    return luhnValid(digits);
  }

  /** The Luhn (mod 10) check over ASCII digits. */
  static boolean luhnValid(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
