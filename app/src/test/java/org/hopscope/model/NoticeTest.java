package org.hopscope.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts the user reads, one per kind of notice (the CLI prints them after "warning: "). */
class NoticeTest {

  @Test
  void connectionNotices() {
    assertThat(new Notice.TlsVerificationOff("Elasticsearch", "https://es:9200").text())
        .isEqualTo(
            "Elasticsearch: TLS certificate verification is OFF for https://es:9200 (insecure);"
                + " anyone on the network path can read and change the traffic");
    assertThat(
            new Notice.CredentialsWithheld(
                    "Prometheus", "prod", "https://p.prod", "http://p.other", "--prometheus")
                .text())
        .isEqualTo(
            "Prometheus: the credentials and TLS settings of profile 'prod' are for"
                + " https://p.prod; not used for http://p.other (from --prometheus)");
  }

  @Test
  void flowNotices() {
    assertThat(new Notice.MetricsUnavailable("Prometheus http://p:9090 is unreachable").text())
        .isEqualTo("metrics unavailable: Prometheus http://p:9090 is unreachable");
    assertThat(new Notice.ClockSkew("order-service", "orders.v1", 120).text())
        .isEqualTo(
            "clock skew: orders.v1 first seen 120 ms before order-service (its clock runs behind);"
                + " its times are corrected by +120 ms and the hand-over order-service -> orders.v1"
                + " shown as 0");
    assertThat(new Notice.IdLimitReached(3, "450001", 10).text())
        .isEqualTo(
            "ID limit reached: 3 value(s) not followed, e.g. 450001; raise maxIds (now 10) to"
                + " follow them");
    assertThat(new Notice.LinkDepthReached(2, 1, "450001", 1).text())
        .isEqualTo(
            "stopped following IDs after 2 rounds (link depth limit); 1 value(s) not followed,"
                + " e.g. 450001; raise maxLinkDepth (now 1) to follow them");
    assertThat(new Notice.EventsLeftOut(2, "logs-f", "d8", "t-1", List.of("ord-9")).text())
        .isEqualTo(
            "left out 2 event(s) that share a trace ID with this message but carry other message"
                + " IDs, e.g. logs-f/d8 on trace t-1 with ID(s) [ord-9]");
    assertThat(new Notice.EventsTruncated("fulfilment-service", 100_002, "logs-f-*", 50_000).text())
        .isEqualTo("fulfilment-service: 100,002 events in logs-f-*, showing the first 50,000");
    assertThat(
            new Notice.UnreadableTimestamps(4, "erp", "logs-erp", "@t", "iso", "d1", "bad date")
                .text())
        .isEqualTo(
            "skipped 4 document(s) of hop erp in index logs-erp without a readable timestamp"
                + " (field @t, format iso), e.g. document d1: bad date");
  }

  @Test
  void windowAndCheckNotices() {
    assertThat(new Notice.LinkedIdNotFound("4500001", "erp-confirmation").text())
        .isEqualTo(
            "linked ID 4500001 at erp-confirmation could not be looked up; its first event there"
                + " is taken as the message's");
    assertThat(new Notice.BackwardLinkIgnored("erp", "orders").text())
        .isEqualTo("ID link erp -> orders ignored: it must lead forward along the path");
    assertThat(new Notice.OnlyFirstLinkFollowed("a -> b").text())
        .isEqualTo(
            "stuck analysis follows only the first ID link (a -> b); hops after later links are"
                + " counted by their own message-ID fields only");
    assertThat(new Notice.SourceNotCounted("logs-erp").text())
        .isEqualTo("logs-erp has no message field: not counted");
    assertThat(new Notice.NoCondition("logs-erp", "dead-letter").text())
        .isEqualTo("logs-erp defines no dead-letter condition: counts 0");
    assertThat(new Notice.LargestDistinctCount().text())
        .isEqualTo("the sources name message IDs differently: the largest distinct count is taken");
  }
}
