package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile text (control and format characters) is shown escaped, never sent to the terminal. */
@Fault(Fault.Area.HOSTILE_DATA)
class TerminalTextTest {

  /** Every C0 control, DEL, every C1 control, and the invisible format characters worth fearing. */
  static IntStream hostileCodePoints() {
    return IntStream.concat(
        IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F)),
        IntStream.of(
            0x061C, 0x200B, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2028, 0x2029,
            0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0xD800, 0xDFFF, 0xE0001));
  }

  /** What nothing printed may contain: the code point itself. */
  private static boolean contains(String text, int cp) {
    return text.codePoints().anyMatch(c -> c == cp);
  }

  @ParameterizedTest
  @MethodSource("hostileCodePoints")
  void fieldShowsEveryControlAndFormatCharacterEscaped(int cp) {
    String hostile = "ord-" + new String(Character.toChars(cp)) + "-1";
    String shown = TerminalText.field(hostile);
    assertThat(contains(shown, cp)).as("U+%04X", cp).isFalse();
    assertThat(shown).isEqualTo("ord-" + TerminalText.visible(cp) + "-1");
    assertThat(shown.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F))
        .as("only printable ASCII around the escape of U+%04X: %s", cp, shown)
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("hostileCodePoints")
  void terminalWriterPassesNoControlButNewlineAndTab(int cp) {
    StringWriter sink = new StringWriter();
    TerminalWriter out = new TerminalWriter(sink);
    String hostile = "x" + new String(Character.toChars(cp)) + "y";
    out.printf("%s|%s%n", hostile, hostile);
    out.print(hostile.toCharArray());
    out.write(cp < 0x10000 ? cp : 'z');
    out.flush();
    String written = sink.toString();
    boolean layout = cp == '\n' || cp == '\t';
    boolean surrogate = Character.getType(cp) == Character.SURROGATE;
    assertThat(contains(written, cp))
        .as("U+%04X in %s", cp, written)
        .isEqualTo(layout || surrogate);
  }

  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("\u001b[2J\u001b[HALL CLEAR", "\\e[2J\\e[HALL CLEAR"),
        Arguments.of("bell\u0007", "bell\\x07"),
        Arguments.of("ok\rALL CLEAR", "ok\\rALL CLEAR"),
        Arguments.of("ord-1\nALL CLEAR 0 0 0", "ord-1\\nALL CLEAR 0 0 0"),
        Arguments.of("a\tb", "a\\tb"),
        Arguments.of("csi\u009b31m", "csi\\x9B31m"),
        Arguments.of("abc\u202Efed", "abc\\u202Efed"),
        Arguments.of("nul\u0000del\u007f", "nul\\x00del\\x7F"),
        Arguments.of("\u001b]0;title\u0007", "\\e]0;title\\x07"),
        Arguments.of("tag\uDB40\uDC01", "tag\\u{E0001}"));
  }

  @ParameterizedTest
  @MethodSource("escapes")
  void escapesAreTheDocumentedOnes(String hostile, String shown) {
    assertThat(TerminalText.field(hostile)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ord-1",
        "Zürich Straße ÅÄÖ",
        "注文-42",
        "emoji 😀 family 👨\u200D👩\u200D👧",
        "back\\slash \\e stays",
        "payment 100 €"
      })
  void harmlessTextIsUnchanged(String text) {
    assertThat(TerminalText.field(text)).isEqualTo(text);
    assertThat(TerminalText.message(text)).isEqualTo(text);
  }

  @Test
  void messageKeepsLinesButIndentsTheirContinuation() {
    assertThat(TerminalText.message("Prometheus failed\nquery sent: up\u001b[2J\r\nALL CLEAR"))
        .isEqualTo("Prometheus failed\n  query sent: up\\e[2J\r\n  ALL CLEAR");
  }
}
