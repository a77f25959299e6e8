package org.hopscope.report;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One text masking rule: every match of {@code pattern} is replaced by what {@code replacement}
 * makes of it (which may be the match itself, to leave a look-alike such as a non-Luhn digit run
 * alone).
 *
 * @param name shown in errors and docs, e.g. "email" or a configured pattern's name
 * @param pattern what to look for
 * @param replacement the masked form of one match, keeping a hint where that is safe
 * @param mayMatch a quick test that is false only for text the pattern cannot match (e.g. no
 *     {@code @} for an e-mail address), so that most rules skip a huge text at once
 */
public record MaskRule(
    String name,
    Pattern pattern,
    Function<MatchResult, String> replacement,
    Predicate<String> mayMatch) {

  public MaskRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(mayMatch, "mayMatch");
  }

  /** A rule that scans every text. */
  public MaskRule(String name, Pattern pattern, Function<MatchResult, String> replacement) {
    this(name, pattern, replacement, text -> true);
  }

  /** A rule replacing every match by the fixed text {@code replace} (no group references). */
  public static MaskRule literal(String name, Pattern pattern, String replace) {
    return new MaskRule(name, pattern, match -> replace);
  }

  /** {@code text} with every match of this rule replaced. */
  String apply(String text) {
    if (!mayMatch.test(text)) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    do {
      if (matcher.end() == matcher.start()) {
        continue; // an empty match masks nothing
      }
      out.append(text, last, matcher.start()).append(replacement.apply(matcher.toMatchResult()));
      last = matcher.end();
    } while (matcher.find());
    return out.append(text, last, text.length()).toString();
  }
}
