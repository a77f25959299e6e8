package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskingTest {

  private final Masking masking = Masking.defaults();

  @Test
  @Fault(Fault.Area.MASKING)
  void emailKeepsFirstLetterAndDomain() {
    assertThat(masking.mask("mail jane.doe+oncall@example.com, then"))
        .isEqualTo("mail j***@example.com, then");
    assertThat(masking.mask("<ops@corp.example.co.uk>.")).isEqualTo("<o***@corp.example.co.uk>.");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void emailLookAlikesStay() {
    assertThat(masking.mask("image nginx@1.25.3 and user@host"))
        .isEqualTo("image nginx@1.25.3 and user@host");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void cardNumbersPassingLuhnAreMaskedKeepingGroupingAndLastFour() {
    assertThat(masking.mask("card 4111 1111 1111 1111 declined"))
        .isEqualTo("card **** **** **** 1111 declined");
    assertThat(masking.mask("4111-1111-1111-1111")).isEqualTo("****-****-****-1111");
    assertThat(masking.mask("pan=5500005555555559;")).isEqualTo("pan=************5559;");
    assertThat(masking.mask("amex 378282246310005")).isEqualTo("amex ***********0005");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void digitRunsFailingLuhnOrLengthStay() {
    assertThat(masking.mask("card 4111 1111 1111 1112")).isEqualTo("card 4111 1111 1111 1112");
    assertThat(masking.mask("ERP document 4500418551 posted"))
        .isEqualTo("ERP document 4500418551 posted");
    // 12 digits, Luhn-valid, still too short for a card
    assertThat(masking.mask("411111111113")).isEqualTo("411111111113");
    // 20 digits: too long
    assertThat(masking.mask("41111111111111111111x")).isEqualTo("41111111111111111111x");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void idsAreNotMasked() {
    String ids =
        "ord-00a1b2c3 ord-4111111111111111 trace 4bf92f3577b34da6a3ce929d0e0e4736"
            + " span 00f067aa0ba902b7 trace 11111111111111111111111111111111"
            + " offset orders.v1/3/1795000000000 ERP 4500418551";
    assertThat(masking.mask(ids)).isEqualTo(ids);
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void credentialsKeepTheirSchemeOrKey() {
    assertThat(masking.mask("Authorization: Bearer abc.DEF-123_x=="))
        .isEqualTo("Authorization: Bearer ***");
    assertThat(masking.mask("header ApiKey dGhpcyBpcyBh, basic Basic dXNlcjpwYXNz"))
        .isEqualTo("header ApiKey ***, basic Basic ***");
    assertThat(masking.mask("GET /x?api_key=s3cr3t&token=t0k&page=2 password = \"hunter2\""))
        .isEqualTo("GET /x?api_key=***&token=***&page=2 password = \"***\"");
    assertThat(masking.mask("`password=Winter2026!` and secret='abc def'"))
        .isEqualTo("`password=***` and secret='***'");
    assertThat(masking.mask("token=\"abc def\" pwd=\"open")).isEqualTo("token=\"***\" pwd=\"***");
    assertThat(masking.mask("the bearer of bad news, basic idea"))
        .isEqualTo("the bearer of bad news, basic idea");
    assertThat(masking.mask("monkey=banana tokens=3 keyboard=us"))
        .isEqualTo("monkey=banana tokens=3 keyboard=us");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void jwtIsMasked() {
    String jwt =
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(masking.mask("cookie session=" + jwt + "; path=/"))
        .isEqualTo("cookie session=eyJ***; path=/");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void hostileInputs() {
    assertThat(masking.mask("")).isEmpty();
    assertThat(masking.mask(null)).isNull();
    assertThat(masking.mask("regex chars $1 \\ (.*) [a-z]+ ^$ {2} j@x.io"))
        .isEqualTo("regex chars $1 \\ (.*) [a-z]+ ^$ {2} j***@x.io");
    assertThat(masking.mask("🔥 on fire 😱 jane@example.com 💳 4111 1111 1111 1111 ✅"))
        .isEqualTo("🔥 on fire 😱 j***@example.com 💳 **** **** **** 1111 ✅");
    assertThat(masking.mask("ünïcödé@example.com")).isEqualTo("ü***@example.com");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void hugeStringsAreScannedInLinearTime() {
    String letters = "a".repeat(2_000_000);
    String digits = "1".repeat(2_000_000);
    String spaced = "1 ".repeat(1_000_000);
    String dots = "x@" + "a.".repeat(500_000);
    long start = System.nanoTime();
    assertThat(masking.mask(letters)).isEqualTo(letters);
    assertThat(masking.mask(digits)).isEqualTo(digits);
    assertThat(masking.mask(spaced)).hasSize(spaced.length());
    assertThat(masking.mask(dots)).isEqualTo(dots);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void maskingIsIdempotent() {
    String once = masking.mask("j@example.com 4111 1111 1111 1111 Bearer x token=y");
    assertThat(masking.mask(once)).isEqualTo(once);
  }

  @Test
  void extraPatternsRunAfterTheBuiltIns() {
    Masking more =
        masking.withRule(
            MaskRule.literal("customer", Pattern.compile("CUST-[0-9]{6}"), "CUST-$1**"));
    assertThat(more.mask("CUST-123456 and jane@example.com"))
        .isEqualTo("CUST-$1** and j***@example.com");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void jsonFieldsAndStringValuesAreMasked() {
    Masking withFields = masking.withFields(List.of("customer.name", "iban"));
    String json =
        "{\"id\":\"ord-1\",\"customer\":{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"},"
            + "\"lines\":[{\"iban\":\"DE89370400440532013000\",\"qty\":2}],"
            + "\"name\":\"kept\",\"amount\":4111111111111111}";
    assertThat(withFields.maskJson(json))
        .isEqualTo(
            "{\"id\":\"ord-1\",\"customer\":{\"name\":\"J***\",\"email\":\"j***@example.com\"},"
                + "\"lines\":[{\"iban\":\"D***\",\"qty\":2}],"
                + "\"name\":\"kept\",\"amount\":4111111111111111}");
    assertThat(withFields.maskJson("not json: jane@example.com"))
        .isEqualTo("not json: j***@example.com");
  }

  @Test
  void loadsAMaskingFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("masking.yaml");
    Files.writeString(
        file,
        "builtins: true\n"
            + "patterns:\n"
            + "  - name: customer-number\n"
            + "    regex: 'CUST-[0-9]{6}'\n"
            + "    replace: 'CUST-******'\n"
            + "fields: [customer.name]\n");
    Masking loaded = Masking.load(file);
    assertThat(loaded.mask("CUST-123456 jane@example.com"))
        .isEqualTo("CUST-****** j***@example.com");
    assertThat(loaded.fields()).containsExactly("customer.name");
    assertThat(loaded.rules())
        .extracting(MaskRule::name)
        .containsExactly(
            "private-key",
            "url-credentials",
            "authorization-header",
            "authorization",
            "secret-pair",
            "user-option",
            "jwt",
            "elastic-service-token",
            "aws-access-key-id",
            "email",
            "card-number",
            "customer-number");

    Files.writeString(file, "builtins: false\npatterns:\n  - {name: x, regex: '\\bx+\\b'}\n");
    assertThat(Masking.load(file).mask("xx jane@example.com")).isEqualTo("*** jane@example.com");
  }

  @Test
  void badMaskingFilesGiveLocatedErrors(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("masking.yaml");
    Files.writeString(
        file,
        "builtins: maybe\n"
            + "patterns:\n"
            + "  - name: broken\n"
            + "    regex: 'CUST-[0-9'\n"
            + "  - name: empty\n"
            + "    regex: 'a*'\n"
            + "  - regex: 'b'\n"
            + "fields: customer.name\n"
            + "colour: red\n");
    String f = file.toString();
    assertThatThrownBy(() -> Masking.load(file))
        .isInstanceOf(MaskingException.class)
        .hasMessage(
            f
                + ":1:11: builtins must be true or false, not 'maybe'\n"
                + f
                + ":8:9: fields must be a list, e.g. [customer.name, customer.email]\n"
                + f
                + ":9:1: unknown key 'colour'; expected one of [builtins, fields, patterns]\n"
                + f
                + ":4:12: pattern 'broken' is not a valid Java regular expression:"
                + " Unclosed character class near index 8\n"
                + f
                + ":6:12: pattern 'empty' matches the empty string; it would mask nothing\n"
                + f
                + ":7:5: a pattern needs a name (shown in errors and docs)\n"
                + "Fix the masking file (format: docs/post-mortem.md) and export again.");

    Files.writeString(file, "patterns: [\n  {name: x\n");
    assertThatThrownBy(() -> Masking.load(file))
        .isInstanceOf(MaskingException.class)
        .hasMessageStartingWith(f + ":3:1: invalid YAML: ");
    assertThatThrownBy(() -> Masking.load(dir.resolve("missing.yaml")))
        .isInstanceOf(MaskingException.class)
        .hasMessageStartingWith(dir.resolve("missing.yaml") + ": cannot read the masking file");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void secretNamedJsonFieldsAreMaskedWhateverTheirValue() {
    String json =
        "{\"user\":\"bob\",\"password\":\"hunter2\",\"db\":{\"apiKey\":12345,"
            + "\"Authorization\":\"x\",\"tokens\":3,\"key_id\":\"k-1\",\"secret\":null},"
            + "\"headers\":[{\"X-Auth-Token\":[\"a\",\"b\"]}]}";
    assertThat(masking.maskJson(json))
        .isEqualTo(
            "{\"user\":\"bob\",\"password\":\"***\",\"db\":{\"apiKey\":\"***\","
                + "\"Authorization\":\"***\",\"tokens\":3,\"key_id\":\"k-1\",\"secret\":null},"
                + "\"headers\":[{\"X-Auth-Token\":\"***\"}]}");
    assertThat(Masking.none().maskJson(json)).isEqualTo(json);
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void cardsNeedACardsLeadingDigitsAndAreFoundInsideLongerDigitGroups() {
    // Luhn-valid, but starting like no card: epoch milliseconds, a compact timestamp
    assertThat(masking.mask("t=1764123456782 at 20261126021009"))
        .isEqualTo("t=1764123456782 at 20261126021009");
    // Mir (2200-2204) and the Mastercard 2-series (2221-2720) are cards
    assertThat(masking.mask("2200 0000 0000 0004 and 2221000000000009"))
        .isEqualTo("**** **** **** 0004 and ************0009");
    // a card followed by more groups (20 digits in all) is still found
    assertThat(masking.mask("ref 4111 1111 1111 1111 2026"))
        .isEqualTo("ref **** **** **** 1111 2026");
    assertThat(masking.mask("4111 - 1111 - 1111 - 1111")).isEqualTo("**** - **** - **** - 1111");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void markdownEscapedMasksAreNotMaskedAgain() {
    String escaped =
        "password=\\*\\*\\* authorization: bearer \\*\\*\\* -u bob:\\*\\*\\*"
            + " https://u:\\*\\*\\*@h.example -----BEGIN PRIVATE KEY-----\\*\\*\\*-----END"
            + " PRIVATE KEY-----";
    assertThat(masking.mask(escaped)).isEqualTo(escaped);
  }

  static Stream<Arguments> hugeHostileStrings() {
    return Stream.of(
        Arguments.of("unended private key", "-----BEGIN PRIVATE KEY-----" + "A".repeat(2_000_000)),
        Arguments.of("private key headers", "-----BEGIN PRIVATE KEY-----".repeat(70_000)),
        Arguments.of("dotted key words", "a.".repeat(1_000_000) + "=x"),
        Arguments.of("underscored key words", "key_".repeat(500_000) + "x=1"),
        Arguments.of("camelCase key", "aB".repeat(1_000_000) + "Key=x"),
        Arguments.of("unended quoted value", "password=\"" + "a".repeat(2_000_000)),
        Arguments.of("URL without host", "https://u:" + "a:".repeat(1_000_000)),
        Arguments.of("schemes", "a://b:".repeat(300_000)),
        Arguments.of("user options", "-u ".repeat(600_000)),
        Arguments.of("service token", "AAEAA" + "A".repeat(2_000_000)),
        Arguments.of("access key", "AKIA".repeat(500_000)),
        Arguments.of("Unicode local part", "ü".repeat(2_000_000) + "@x"),
        Arguments.of("digit groups", "4111 ".repeat(400_000)),
        Arguments.of("dotted digits", "1.".repeat(1_000_000)));
  }

  /**
   * A quadratic scan of these 2 MB strings takes minutes; linear takes well under a second. The
   * bound is generous (10 s) for a loaded CI machine.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeHostileStrings")
  @Fault(Fault.Area.MASKING)
  void hugeHostileStringsAreScannedInLinearTime(String name, String text) {
    long start = System.nanoTime();
    String masked = masking.mask(text);
    assertThat(masked).isNotEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
