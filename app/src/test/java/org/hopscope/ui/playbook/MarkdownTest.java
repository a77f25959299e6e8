package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hopscope.ui.playbook.Markdown.Block;
import org.hopscope.ui.playbook.Markdown.CodeBlock;
import org.hopscope.ui.playbook.Markdown.Heading;
import org.hopscope.ui.playbook.Markdown.ListBlock;
import org.hopscope.ui.playbook.Markdown.Paragraph;
import org.hopscope.ui.playbook.Markdown.Span;
import org.hopscope.ui.playbook.Markdown.Span.Kind;
import org.junit.jupiter.api.Test;

class MarkdownTest {

  private static Span t(String s) {
    return new Span(Kind.TEXT, s, "");
  }

  @Test
  void inlineSpans() {
    assertThat(Markdown.inline("Read `orders.v1` **now**, see [the doc](https://x.example/a) ok"))
        .containsExactly(
            t("Read "),
            new Span(Kind.CODE, "orders.v1", ""),
            t(" "),
            new Span(Kind.BOLD, "now", ""),
            t(", see "),
            new Span(Kind.LINK, "the doc", "https://x.example/a"),
            t(" ok"));
    assertThat(Markdown.inline("a ** b and `x ** y` __z__"))
        .containsExactly(
            t("a ** b and "),
            new Span(Kind.CODE, "x ** y", ""),
            t(" "),
            new Span(Kind.BOLD, "z", ""));
    assertThat(Markdown.inline("<script>alert(1)</script>"))
        .containsExactly(t("<script>alert(1)</script>"));
    assertThat(Markdown.inline("")).isEmpty();
  }

  @Test
  void blocks() {
    String md =
        "# Title #\n"
            + "The consumer reads `orders.v1`\n"
            + "and calls the ERP.\n"
            + "\n"
            + "- one\n"
            + "- **two**\n"
            + "  continued\n"
            + "1. first\n"
            + "2) second\n"
            + "\n"
            + "```promql\n"
            + "sum(rate(x[5m]))\n"
            + "\n"
            + "  # not a heading\n"
            + "```\n"
            + "### Sub\n"
            + "last";
    List<Block> blocks = Markdown.parse(md);
    assertThat(blocks)
        .containsExactly(
            new Heading(1, List.of(t("Title"))),
            new Paragraph(
                List.of(
                    t("The consumer reads "),
                    new Span(Kind.CODE, "orders.v1", ""),
                    t(" and calls the ERP."))),
            new ListBlock(
                false,
                List.of(
                    List.of(t("one")), List.of(new Span(Kind.BOLD, "two", ""), t(" continued")))),
            new ListBlock(true, List.of(List.of(t("first")), List.of(t("second")))),
            new CodeBlock("promql", "sum(rate(x[5m]))\n\n  # not a heading"),
            new Heading(3, List.of(t("Sub"))),
            new Paragraph(List.of(t("last"))));
  }

  @Test
  void unclosedFenceRunsToTheEndAndNullIsEmpty() {
    assertThat(Markdown.parse("text\n```\ncode"))
        .containsExactly(new Paragraph(List.of(t("text"))), new CodeBlock("", "code"));
    assertThat(Markdown.parse(null)).isEmpty();
    assertThat(Markdown.parse("\n\n")).isEmpty();
    assertThat(Markdown.parse("#nospace")).containsExactly(new Paragraph(List.of(t("#nospace"))));
  }
}
