package org.hopscope.report;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The rules of {@link Masking#defaults()}, in the order they run. Every pattern is anchored by a
 * look-behind or a word boundary and uses possessive quantifiers where it can, so that a huge
 * hostile string is scanned in linear time.
 */
final class BuiltInMasks {

  private BuiltInMasks() {}

  /** {@code Authorization: Bearer xxx} style credentials. */
  static final MaskRule AUTH_SCHEME =
      new MaskRule(
          "authorization",
          Pattern.compile("\\b(Bearer|ApiKey|Basic)[ \\t]++[A-Za-z0-9._~+/=-]++"),
          m -> m.group(1) + " ***");

  /** {@code key=..}, {@code token=..}, {@code password=..} and similar pairs. */
  static final MaskRule SECRET_PAIR =
      new MaskRule(
          "secret-pair",
          Pattern.compile(
              "(?i)(?<![A-Za-z0-9_])((?:api[_-]?)?key|(?:access[_-]?|refresh[_-]?)?token"
                  + "|password|passwd|pwd|secret|client[_-]?secret)"
                  + "([ \\t]*+=[ \\t]*+)(?:(\"|')[^\"'\\r\\n]*+\\3|([\"']?)[^\\s\"'`&,;]++)"),
          m ->
              m.group(1)
                  + m.group(2)
                  + (m.group(3) != null ? m.group(3) + "***" + m.group(3) : m.group(4) + "***"));

  /** Three base64url parts, the first a JSON header: {@code eyJ...}. */
  static final MaskRule JWT =
      new MaskRule(
          "jwt",
          Pattern.compile(
              "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+"),
          m -> "eyJ***");

  /** {@code jane.doe@example.com} becomes {@code j***@example.com}. */
  static final MaskRule EMAIL =
      new MaskRule(
          "email",
          Pattern.compile(
              "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@([A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++)"),
          BuiltInMasks::maskEmail);

  /**
   * 13 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer word or
   * ID; masked only when the Luhn check passes, keeping the grouping and the last four digits.
   */
  static final MaskRule CARD =
      new MaskRule(
          "card-number",
          Pattern.compile("(?<![A-Za-z0-9_-])\\d(?:[ -]?\\d){12,18}(?![A-Za-z0-9_]|-\\d)"),
          BuiltInMasks::maskCard);

  static final List<MaskRule> ALL = List.of(AUTH_SCHEME, SECRET_PAIR, JWT, EMAIL, CARD);

  private static String maskEmail(MatchResult m) {
    String domain = m.group(1);
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    if (tld.length() < 2 || !tld.chars().allMatch(Character::isLetter)) {
      return m.group(); // not an e-mail address: a version string, a host:port...
    }
    return m.group().charAt(0) + "***@" + domain;
  }

  private static String maskCard(MatchResult m) {
    String text = m.group();
    String digits = text.replaceAll("[ -]", "");
    if (!luhnValid(digits)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int digitsSeen = 0;
    int keepFrom = digits.length() - 4;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        out.append(digitsSeen++ < keepFrom ? '*' : c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
