package org.hopscope.report;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The rules of {@link Masking#defaults()}, in the order they run. Every pattern starts only at the
 * beginning of a run of the characters it consumes (a look-behind), is bounded or possessive where
 * it can be, and repeats single characters rather than groups, so that a huge hostile string is
 * scanned in linear time without deep recursion. A value that is already masked ({@code ***}, also
 * Markdown-escaped as {@code \*\*\*}) is left as it is, so masking twice changes nothing.
 */
final class BuiltInMasks {

  private BuiltInMasks() {}

  private static final String KEY_WORDS =
      "(?:apikey|key|token|password|passwd|pwd|secret|passphrase|credentials?|signature)";
  private static final String CAMEL_WORDS =
      "(?-i:[A-Za-z0-9]*?[a-z0-9]"
          + "(?:Key|Token|Password|Passwd|Pwd|Secret|Passphrase|Credentials?|Signature))";

  /**
   * A secret-named key: words joined by {@code _ . -} ending in a secret word ({@code api_key},
   * {@code DB_PASSWORD}, {@code aws_secret_access_key}, {@code X-Auth-Token}) or a camelCase name
   * ending in one ({@code secretAccessKey}); not {@code monkey}, {@code tokens} or {@code
   * keyboard}.
   */
  static final String SECRET_KEY =
      "(?:[A-Za-z0-9]++[_.-])*+(?:" + KEY_WORDS + "|" + CAMEL_WORDS + ")";

  private static final Pattern SECRET_KEY_NAME =
      Pattern.compile("(?i)" + SECRET_KEY + "|(?:proxy-)?authorization");

  /** {@code -----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----}, also unended. */
  static final MaskRule PRIVATE_KEY =
      new MaskRule(
          "private-key",
          Pattern.compile(
              "-----BEGIN ([A-Z0-9 ]{0,40})PRIVATE KEY( BLOCK)?-----(?!\\\\?\\*)"
                  + "[A-Za-z0-9+/=\\s:,\\\\-]*?"
                  + "(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                  + "|(?=[^A-Za-z0-9+/=\\s:,\\\\-])|\\z)"),
          m -> {
            String type = m.group(1) + "PRIVATE KEY" + (m.group(2) == null ? "" : m.group(2));
            return "-----BEGIN " + type + "-----***-----END " + type + "-----";
          },
          t -> t.contains("-----BEGIN "));

  /** {@code scheme://user:password@host}: the password. */
  static final MaskRule URL_CREDENTIALS =
      new MaskRule(
          "url-credentials",
          Pattern.compile(
              "(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*+://)([^\\s:/?#@\"'`<>]*+)"
                  + ":([^\\s/?#\"'`<>]*)@"),
          m -> alreadyMasked(m.group(3)) ? m.group() : m.group(1) + m.group(2) + ":***@",
          t -> t.contains("://"));

  /** An {@code Authorization} header or field in any case: the credential after the scheme. */
  static final MaskRule AUTH_HEADER =
      new MaskRule(
          "authorization-header",
          Pattern.compile(
              "(?i)(?<![A-Za-z0-9_.-])(\\\\?[\"']?)((?:proxy-)?authorization)\\1"
                  + "([ \\t]*+[:=][ \\t]*+)(\\\\?[\"']?)"
                  + "(?:(bearer|apikey|basic|token|negotiate|ntlm)[ \\t]++)?"
                  + "([^\\s\"'`,;]++)"),
          m ->
              alreadyMasked(m.group(6))
                  ? m.group()
                  : m.group(1)
                      + m.group(2)
                      + m.group(1)
                      + m.group(3)
                      + m.group(4)
                      + (m.group(5) == null ? "" : m.group(5) + " ")
                      + "***",
          t -> containsIgnoreCase(t, "authorization"));

  /** {@code Bearer xxx} style credentials anywhere (scheme written as in the HTTP header). */
  static final MaskRule AUTH_SCHEME =
      new MaskRule(
          "authorization",
          Pattern.compile("\\b(Bearer|ApiKey|Basic)[ \\t]++[A-Za-z0-9._~+/=-]++"),
          m -> m.group(1) + " ***",
          t -> t.contains("Bearer") || t.contains("ApiKey") || t.contains("Basic"));

  /**
   * A secret-named key and its value, with {@code =}, {@code :} or {@code =>}, the key bare or
   * quoted (JSON, YAML, ini, query strings, {@code --password=x}), any case.
   */
  static final MaskRule SECRET_PAIR =
      new MaskRule(
          "secret-pair",
          Pattern.compile(
              "(?i)(?<![A-Za-z0-9_.-])(-{0,2}+)(\\\\?[\"']?)("
                  + SECRET_KEY
                  + ")\\2([ \\t]*+(?:=>|[:=])[ \\t]*+)"
                  + "(?:(\\\\?[\"'])([^\\r\\n]*?)(\\5|(?=[\\r\\n])|\\z)|([^\\s\"'`&,;]++))"),
          BuiltInMasks::maskPair,
          t -> t.indexOf('=') >= 0 || t.indexOf(':') >= 0);

  /** {@code curl -u user:password}, {@code --user user:password}: the password. */
  static final MaskRule CURL_USER =
      new MaskRule(
          "user-option",
          Pattern.compile(
              "(?<![A-Za-z0-9_-])(-u|--user|--proxy-user)(=|[ \\t]++)"
                  + "(?:([\"'])([^\\s:\"'`]*+):([^\"'\\r\\n]*+)(\\3?)"
                  + "|([^\\s:\"'`]*+):([^\\s\"'`]++))"),
          BuiltInMasks::maskUserOption,
          t -> t.contains("-u"));

  /** Three base64url parts, the first a JSON header: {@code eyJ...}. */
  static final MaskRule JWT =
      new MaskRule(
          "jwt",
          Pattern.compile(
              "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]*+"),
          m -> "eyJ***",
          t -> t.contains("eyJ"));

  /** Elasticsearch service account tokens: base64 starting {@code AAEAA}. */
  static final MaskRule ELASTIC_SERVICE_TOKEN =
      new MaskRule(
          "elastic-service-token",
          Pattern.compile("(?<![A-Za-z0-9+/_-])AAEAA[A-Za-z0-9+/_-]{20,}+=*+"),
          m -> "AAEAA***",
          t -> t.contains("AAEAA"));

  /** AWS access key IDs: {@code AKIA} (long-term) or {@code ASIA} (temporary) and 16 more. */
  static final MaskRule AWS_ACCESS_KEY =
      new MaskRule(
          "aws-access-key-id",
          Pattern.compile("(?<![A-Za-z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
          m -> m.group(1) + "***",
          t -> t.contains("AKIA") || t.contains("ASIA"));

  private static final String EMAIL_LOCAL = "[\\p{L}\\p{M}\\p{N}._%+-]";
  private static final String EMAIL_LABEL = "[\\p{L}\\p{M}\\p{N}-]++";

  /** {@code jane.doe@example.com} becomes {@code j***@example.com}; any script's letters. */
  static final MaskRule EMAIL =
      new MaskRule(
          "email",
          Pattern.compile(
              "(?<!"
                  + EMAIL_LOCAL
                  + ")"
                  + EMAIL_LOCAL
                  + "++@("
                  + EMAIL_LABEL
                  + "(?:\\."
                  + EMAIL_LABEL
                  + ")++)"),
          BuiltInMasks::maskEmail,
          t -> t.indexOf('@') >= 0);

  /** Payment card numbers (see {@link CardNumbers}), keeping the grouping and last four digits. */
  static final MaskRule CARD =
      new MaskRule(
          "card-number",
          CardNumbers.CANDIDATE,
          CardNumbers::mask,
          t -> t.chars().anyMatch(c -> c >= '0' && c <= '9'));

  static final List<MaskRule> ALL =
      List.of(
          PRIVATE_KEY,
          URL_CREDENTIALS,
          AUTH_HEADER,
          AUTH_SCHEME,
          SECRET_PAIR,
          CURL_USER,
          JWT,
          ELASTIC_SERVICE_TOKEN,
          AWS_ACCESS_KEY,
          EMAIL,
          CARD);

  /** Whether a JSON field or header named {@code key} holds a secret (see {@link #SECRET_KEY}). */
  static boolean isSecretKey(String key) {
    return SECRET_KEY_NAME.matcher(key).matches();
  }

  private static boolean containsIgnoreCase(String text, String lowerCaseWord) {
    for (int i = text.length() - lowerCaseWord.length(); i >= 0; i--) {
      if (Character.toLowerCase(text.charAt(i)) == lowerCaseWord.charAt(0)
          && text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code ***}, possibly Markdown-escaped: masked before. */
  private static boolean alreadyMasked(String value) {
    return value != null && !value.isEmpty() && value.chars().allMatch(c -> c == '*' || c == '\\');
  }

  private static String maskPair(MatchResult m) {
    boolean quoted = m.group(5) != null;
    String value = quoted ? m.group(6) : m.group(8);
    if (alreadyMasked(value)) {
      return m.group();
    }
    String head = m.group(1) + m.group(2) + m.group(3) + m.group(2) + m.group(4);
    return quoted ? head + m.group(5) + "***" + m.group(7) : head + "***";
  }

  private static String maskUserOption(MatchResult m) {
    boolean quoted = m.group(3) != null;
    String user = quoted ? m.group(4) : m.group(7);
    String password = quoted ? m.group(5) : m.group(8);
    if (alreadyMasked(password) || (isNumber(user) && isNumber(password))) {
      return m.group(); // masked before, or a uid:gid such as docker's -u 1000:1000
    }
    return m.group(1)
        + m.group(2)
        + (quoted ? m.group(3) : "")
        + user
        + ":***"
        + (quoted ? m.group(6) : "");
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String maskEmail(MatchResult m) {
    String domain = m.group(1);
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    boolean letters =
        tld.codePointCount(0, tld.length()) >= 2 && tld.codePoints().allMatch(Character::isLetter);
    if (!letters && !tld.startsWith("xn--")) {
      return m.group(); // not an e-mail address: a version string, a host:port...
    }
    String local = m.group();
    return local.substring(0, local.offsetByCodePoints(0, 1)) + "***@" + domain;
  }
}
