package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

@Fault(Fault.Area.MASKING)
class AuthoredMarkdownTest {

  @Test
  void htmlOutsideCodeBecomesEntitiesAndMarkdownStays() {
    assertThat(AuthoredMarkdown.render("**Bold** <b>x</b> & [link](https://x.example) -> ok"))
        .isEqualTo("**Bold** &lt;b&gt;x&lt;/b&gt; &amp; [link](https://x.example) -&gt; ok");
  }

  @Test
  void fencedCodeIsKeptAsWritten() {
    String note = "before <i>\n```html\n<b>x</b> & y\n```\n~~~\n<p>\n~~~~\nafter <i>";
    assertThat(AuthoredMarkdown.render(note))
        .isEqualTo("before &lt;i&gt;\n```html\n<b>x</b> & y\n```\n~~~\n<p>\n~~~~\nafter &lt;i&gt;");
  }

  @Test
  void aClosingFenceFollowsCommonMark() {
    // shorter or other-character fences and fences followed by text do not close
    String note = "````\n```\n~~~~\n```` x\n<a>\n   `````  \n<b>";
    assertThat(AuthoredMarkdown.render(note))
        .isEqualTo("````\n```\n~~~~\n```` x\n<a>\n   `````  \n&lt;b&gt;");
  }

  @Test
  void aFenceLeftOpenIsClosed() {
    assertThat(AuthoredMarkdown.render("```\n<b>")).isEqualTo("```\n<b>\n```");
    assertThat(AuthoredMarkdown.render("~~~~ info <i>\nx"))
        .isEqualTo("~~~~ info &lt;i&gt;\nx\n~~~~");
  }

  @Test
  void indentedFencesAreEscapedSoTheirContentIsText() {
    assertThat(AuthoredMarkdown.render("- item\n  ```\n  <b>\n  ```"))
        .isEqualTo("- item\n  \\```\n  &lt;b&gt;\n  \\```");
    assertThat(AuthoredMarkdown.render("\t~~~\n<b>")).isEqualTo("\t\\~~~\n&lt;b&gt;");
  }

  @Test
  void aBacktickFenceWithABacktickInItsInfoIsNoFence() {
    assertThat(AuthoredMarkdown.render("``` a`b\n<b>")).isEqualTo("``` a`b\n&lt;b&gt;");
  }

  @Test
  void codeSpansAreEscapedToo() {
    // a renderer may end a code span elsewhere (on the next line): the entity shows, nothing runs
    assertThat(AuthoredMarkdown.render("use `a < b`")).isEqualTo("use `a &lt; b`");
  }

  @Test
  void blockquoteMarkersStay() {
    assertThat(AuthoredMarkdown.render("> quoted <i>\n> > nested\n >x"))
        .isEqualTo("> quoted &lt;i&gt;\n> > nested\n >x");
  }

  @Test
  void carriageReturnsEndLines() {
    assertThat(AuthoredMarkdown.render("a\r```\r<b>\r\n```\r<i>"))
        .isEqualTo("a\n```\n<b>\n```\n&lt;i&gt;");
  }

  @Test
  void scriptLinkDestinationsAreNotLinks() {
    assertThat(AuthoredMarkdown.render("[a](javascript:x) [b](  VBScript:y) [c](https://ok)"))
        .isEqualTo("[a]\\(javascript:x) [b]\\(  VBScript:y) [c](https://ok)");
    assertThat(AuthoredMarkdown.render("[ref]: data:text/html,x\n[ok]: https://ok"))
        .isEqualTo("[ref]\\: data:text/html,x\n[ok]: https://ok");
  }

  @Test
  void aTimelineLineIsOneEscapedLine() {
    assertThat(AuthoredMarkdown.line("rolled back <b>\n```\n<i>"))
        .isEqualTo("rolled back &lt;b&gt; ``` &lt;i&gt;");
  }
}
