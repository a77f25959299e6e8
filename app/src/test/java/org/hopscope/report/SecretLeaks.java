package org.hopscope.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets that leaked from the post-mortem export before issue 13 (and the ones a serious tool
 * masks too), the look-alikes that must stay, and hostile HTML; shared by the report tests and the
 * CLI's end-to-end export test.
 */
public final class SecretLeaks {

  private SecretLeaks() {}

  /**
   * One leak.
   *
   * @param name shown as the test case
   * @param text as written in a note, a log line or an evidence query
   * @param secret what must not appear anywhere in the export
   * @param masked what shows instead, exactly (before Markdown escaping)
   */
  public record Leak(String name, String text, String secret, String masked) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Every leak, one per kind of secret. */
  public static List<Leak> all() {
    return List.of(
        new Leak(
            "JSON password",
            "login failed for {\"user\": \"bob\", \"password\": \"hunter2-Xq9\"}",
            "hunter2-Xq9",
            "{\"user\": \"bob\", \"password\": \"***\"}"),
        new Leak(
            "JSON secret-named key, single quotes, no spaces",
            "{'client_secret':'cs-8fj3k2'}",
            "cs-8fj3k2",
            "{'client_secret':'***'}"),
        new Leak(
            "JSON camelCase key, spaces around the colon",
            "{\"apiKey\" :  \"ak-77x1qq\"}",
            "ak-77x1qq",
            "{\"apiKey\" :  \"***\"}"),
        new Leak(
            "JSON escaped inside a log message",
            "payload={\\\"access_token\\\":\\\"at-5521xyz\\\"}",
            "at-5521xyz",
            "payload={\\\"access_token\\\":\\\"***\\\"}"),
        new Leak("YAML PASSWORD upper case", "PASSWORD: Zr7-hunter", "Zr7-hunter", "PASSWORD: ***"),
        new Leak("YAML prefixed key", "db_password: s3cr3t-db", "s3cr3t-db", "db_password: ***"),
        new Leak("ini with spaces", "Password = ini-pass-42", "ini-pass-42", "Password = ***"),
        new Leak(
            "lower-case authorization: bearer",
            "authorization: bearer tok-abc123xyz",
            "tok-abc123xyz",
            "authorization: bearer ***"),
        new Leak(
            "lower-case authorization: basic",
            "authorization: basic ZWxhc3RpYzpjaGFuZ2VtZQ==",
            "ZWxhc3RpYzpjaGFuZ2VtZQ",
            "authorization: basic ***"),
        new Leak(
            "Authorization: ApiKey",
            "Authorization: ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "VnVhQ2ZHY0JDZGJr",
            "Authorization: ApiKey ***"),
        new Leak(
            "curl -u user:password",
            "curl -u elastic:changeme-77 https://es.internal:9200/_cluster/health",
            "changeme-77",
            "curl -u elastic:*** https://es.internal:9200/_cluster/health"),
        new Leak(
            "curl --user quoted, with spaces",
            "curl --user 'ops:pa ss w0rd' -XGET http://localhost:9200",
            "pa ss w0rd",
            "curl --user 'ops:***' -XGET http://localhost:9200"),
        new Leak(
            "Elasticsearch service token",
            "service token AAEAAWVsYXN0aWMva2liYW5hL2tpYmFuYS10b2tlbjpYcXp5ZjNkN1Q",
            "AAEAAWVsYXN0aWMva2liYW5h",
            "service token AAEAA***"),
        new Leak(
            "Elasticsearch service token as a bearer token",
            "Authorization: Bearer AAEAAWVsYXN0aWMvZmxlZXQtc2VydmVyL3Rva2VuMTpGcW9GdzE",
            "AAEAAWVsYXN0aWMvZmxlZXQ",
            "Authorization: Bearer ***"),
        new Leak(
            "aws_secret_access_key",
            "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "wJalrXUtnFEMI",
            "aws_secret_access_key=***"),
        new Leak(
            "AWS credentials as JSON (camelCase)",
            "{\"AccessKeyId\": \"ASIAY34FZKBOKMUTVV7A\","
                + " \"SecretAccessKey\": \"9drTJvcXLB89EXAMPLELB8923FB892xMFI\"}",
            "9drTJvcXLB89",
            "{\"AccessKeyId\": \"ASIA***\", \"SecretAccessKey\": \"***\"}"),
        new Leak(
            "AWS access key ID",
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
            "IOSFODNN7EXAMPLE",
            "export AWS_ACCESS_KEY_ID=AKIA***"),
        new Leak(
            "card number with dots",
            "card 4111.1111.1111.1111 declined",
            "4111.1111.1111",
            "card ****.****.****.1111 declined"),
        new Leak(
            "card number with double spaces",
            "card 5500  0055  5555  5559 declined",
            "5500  0055  5555",
            "card ****  ****  ****  5559 declined"),
        new Leak(
            "e-mail address with non-ASCII letters",
            "mail jürgen.müller@exämple.de about it",
            "jürgen.müller",
            "mail j***@exämple.de about it"),
        new Leak(
            "e-mail address in Cyrillic",
            "написал иван@пример.рф вчера",
            "иван@",
            "написал и***@пример.рф вчера"),
        new Leak(
            "password in a database URL",
            "DSN postgres://app:pg-s3cret@db.internal:5432/orders",
            "pg-s3cret",
            "DSN postgres://app:***@db.internal:5432/orders"),
        new Leak(
            "password with @ in an https URL",
            "clone https://deploy:p@ss-9@git.example.com/repo.git",
            "p@ss-9",
            "clone https://deploy:***@git.example.com/repo.git"),
        new Leak(
            "private key PEM block",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
                + "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END RSA PRIVATE KEY-----",
            "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo",
            "-----BEGIN RSA PRIVATE KEY-----***-----END RSA PRIVATE KEY-----"),
        new Leak(
            "private key in a log line with \\n escapes",
            "loaded \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\n"
                + "-----END PRIVATE KEY-----\" from disk",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
            "loaded \"-----BEGIN PRIVATE KEY-----***-----END PRIVATE KEY-----\" from disk"),
        new Leak(
            "JWT",
            "cookie session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJlLXZhbHVl; path=/",
            "eyJzdWIiOiJib2IifQ",
            "cookie session=eyJ***; path=/"),
        new Leak(
            "token= query parameter",
            "GET /orders?token=tk-9f8e7d&page=2",
            "tk-9f8e7d",
            "GET /orders?token=***&page=2"),
        new Leak(
            "api_key= query parameter",
            "GET /v1/orders?api_key=ak-1234zz",
            "ak-1234zz",
            "GET /v1/orders?api_key=***"),
        new Leak(
            "secret= query parameter",
            "GET /hook?id=7&secret=sh-5678qq",
            "sh-5678qq",
            "GET /hook?id=7&secret=***"),
        new Leak("X-Api-Key header", "X-Api-Key: xk-0099aa", "xk-0099aa", "X-Api-Key: ***"),
        new Leak(
            "--password= option",
            "mysql --password=my-db-pw -h db",
            "my-db-pw",
            "mysql --password=*** -h db"));
  }

  /** Text that looks a little like a secret and must be exported unchanged. */
  public static List<String> lookAlikes() {
    return List.of(
        "order ord-4111111111111111 shipped, ORD4111111111111111 too",
        "ERP document 4500418551 posted",
        "epoch millis 1764123456782 (13 digits, Luhn-valid)",
        "compact time 20261126021009 (14 digits, Luhn-valid)",
        "at 2026-11-26T02:10:00Z and 2026-11-26 02:10:00 UTC, 02:10:00.123",
        "hops fulfilment-service, orders.v1, erp-adapter: stuck 349",
        "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
        "uuid 123e4567-e89b-12d3-a456-426614174000 and 41111111-1111-4111-8111-111111111111",
        "5400 orders, 88 dead-lettered, 1 111 111 items, 4111 EUR, 4111 1111 1111 1112",
        "phone +49 151 2345 6789, IP 10.4.11.111 port 9200",
        "image nginx@1.25.3 by user@host",
        "monkey=banana tokens=3 keyboard=us max_tokens: 5, passwordless login",
        "the bearer of bad news, a basic idea",
        "docker run -u 1000:1000 app",
        "https://es.internal:9200/orders-v1/search?size=10",
        "sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"})");
  }

  /** Hostile HTML from notes, log lines and backends. */
  public static List<String> hostileHtml() {
    return List.of(
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<!-- <iframe src=//evil.example>",
        "<svg/onload=alert(1)>");
  }

  /** {@code s} with HTML's {@code <}, {@code >} and {@code &} as entities. */
  public static String entities(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code s} as the export writes tool-made text on one line (docs/post-mortem.md). */
  public static String inlineEscaped(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : entities(s).toCharArray()) {
      if ("\\`*_[]#|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})(.*)");

  /**
   * The lines of {@code markdown} outside fenced code blocks, as CommonMark sees them at the top
   * level or in a list item (fence indented up to 3 spaces, closed by a fence of the same kind at
   * least as long, nothing after it).
   */
  public static String outsideFences(String markdown) {
    StringBuilder out = new StringBuilder();
    String fence = null;
    for (String line : markdown.split("\n", -1)) {
      Matcher m = FENCE.matcher(line);
      boolean fenceLine = m.matches();
      if (fence == null) {
        if (fenceLine && !(m.group(1).startsWith("`") && m.group(2).contains("`"))) {
          fence = m.group(1);
        } else {
          out.append(line).append('\n');
        }
      } else if (fenceLine
          && m.group(1).charAt(0) == fence.charAt(0)
          && m.group(1).length() >= fence.length()
          && m.group(2).isBlank()) {
        fence = null;
      }
    }
    return out.toString();
  }
}
