package org.hopscope.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.HopCounts;
import org.hopscope.model.Notice;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.model.incident.TimelineEntry.Kind;

/**
 * A fixed post-mortem input from the sandbox story: orders stuck at fulfilment-service because the
 * ERP adapter pool is exhausted, dead-letter growth, a few gateway 401s; with an e-mail address, a
 * card number and a bearer token in the notes that the export must mask.
 */
final class SandboxIncident {

  static final long ID = 42;
  static final byte[] CHART_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 1, 2, 3};

  private SandboxIncident() {}

  static Instant at(String hhmmss) {
    return Instant.parse("2026-11-26T" + hhmmss + "Z");
  }

  static PostMortemInput input() {
    TimeWindow window = new TimeWindow(at("02:10:00"), at("03:00:00"));
    Incident incident =
        new Incident(
            ID,
            "Orders stuck at fulfilment-service",
            Incident.Severity.SEV2,
            "orders",
            window,
            Incident.Status.RESOLVED,
            at("02:24:10"),
            at("02:22:30"),
            at("02:58:00"),
            at("03:40:00"),
            "alice");
    return new PostMortemInput(incident, timeline(), notes(), steps(), evidence(), impact(window));
  }

  private static List<TimelineEntry> timeline() {
    // deliberately not in time order: the export sorts
    return List.of(
        entry(11, "03:40:00", Kind.STATUS, "bob", "status RESOLVED"),
        entry(
            1,
            "02:24:10",
            Kind.OPENED,
            "alice",
            "incident opened: Orders stuck at fulfilment-service (SEV2)"),
        entry(
            2,
            "02:25:02",
            Kind.WINDOW_ANALYSIS,
            "alice",
            "stuck orders 02:10–02:25: 349 stuck at fulfilment-service, 88 dead-lettered"),
        entry(
            3, "02:26:40", Kind.SEARCH, "alice", "flow ord-00a1b2c3: STUCK at fulfilment-service"),
        entry(
            4,
            "02:26:40",
            Kind.SEARCH,
            "alice",
            "search customer jane.doe@example.com: 3 orders, all STUCK at fulfilment-service"),
        entry(
            5,
            "02:27:15",
            Kind.CHECK,
            "alice",
            "check consumer-lag/lag-growing: 5230 (pass when < 100): FAIL"),
        entry(
            6,
            "02:29:03",
            Kind.CHECK,
            "alice",
            "check erp-timeouts/adapter-failures: 412 (pass when < 10): FAIL"),
        entry(7, "02:31:00", Kind.STEP_DONE, "alice", "step consumer-lag/lag-growing done: FAIL"),
        entry(8, "02:33:10", Kind.EVIDENCE, "alice", "saved evidence: flow ord-00a1b2c3"),
        entry(
            9,
            "02:41:12",
            Kind.BRANCH,
            "alice",
            "consumer-lag/consumer-errors: chose \"ERP calls time out\" -> erp-timeouts"),
        entry(10, "02:58:00", Kind.STATUS, "bob", "status MITIGATED"));
  }

  private static TimelineEntry entry(long id, String at, Kind kind, String actor, String summary) {
    return new TimelineEntry(id, ID, at(at), kind, actor, summary, "{}");
  }

  private static List<Note> notes() {
    String incidentNote =
        """
        Orders placed between 02:10 and 02:58 UTC stalled at fulfilment-service: the ERP adapter's
        connection pool was exhausted by slow ERP calls, the consumer retried, lag grew and 2% of
        the messages were dead-lettered to `orders.v1.DLQ`.

        ## Detection
        Alert `OrdersConsumerLagGrowing` paged alice at 02:22:30 UTC; customer support
        (support-lead@example.com) reported missing confirmations ten minutes later.

        ## Trigger
        ERP maintenance on the SOAP endpoint raised its p99 latency from 300 ms to 9 s.

        ## Root cause
        The ERP adapter pool (20 connections) has no timeout below the consumer's poll interval, so
        slow ERP calls held every connection and fulfilment-service stopped handing messages on.

        ## Resolution
        ERP operations rolled back the maintenance at 02:55; the pool drained by 02:58. Messages in
        the DLQ were replayed at 03:30 after checking them (see the message notes).

        ## Went well
        - The flow view showed the stuck hop within two minutes of opening the incident.
        - The consumer-lag playbook pointed straight at the ERP timeouts.

        ## Went badly
        - Nobody owned the ERP maintenance calendar; we learnt about it from the ERP team.
        - A customer pasted a card number (4111 1111 1111 1111) into the support ticket.

        ## Where we got lucky
        - It happened at night: only 5 400 orders were placed in the window.

        ## Action items
        - [ ] Alert on ERP adapter pool saturation (owner: alice, ticket: OPS-1234)
        - [ ] Set the ERP call timeout below the poll interval
          and add a circuit breaker (owner: erp-team, ticket: ERP-77)
        - [x] Replay the DLQ after the fix (owner: bob)
        - [ ] Subscribe on-call to the ERP maintenance calendar

        ## Timeline
        - 2026-11-26T02:20:00Z ERP maintenance starts (from the ERP team's calendar)
        - 2026-11-26T02:55:00Z ERP team rolls back the maintenance
        - 2026-11-26T03:30:00Z bob replays 88 messages from orders.v1.DLQ
        - around 04:00 the ERP team confirms

        ## Customer contact
        Support replied to jane.doe@example.com with the order status.
        """;
    return List.of(
        new Note(
            13,
            ID,
            Note.Scope.MESSAGE,
            "ord-00a1b2c3",
            "Replayed OK at 03:31. Tried the ERP test endpoint with\n"
                + "`curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl'`"
                + " first.",
            at("03:31:20")),
        new Note(10, ID, Note.Scope.INCIDENT, "", incidentNote, at("03:45:00")),
        new Note(
            11,
            ID,
            Note.Scope.HOP,
            "fulfilment-service",
            "Pool metric `erp_adapter_pool_active` flat at 20/20 since 02:14.\n"
                + "Look-alikes that must stay: ERP document 4500418551, trace"
                + " 4bf92f3577b34da6a3ce929d0e0e4736, test number 4111 1111 1111 1112.\n"
                + "Consumer logs: `password=Winter2026!` printed at start-up (!) -> ticket SEC-9.",
            at("02:35:45")),
        new Note(12, ID, Note.Scope.STEP, "consumer-lag/lag-growing", "", at("02:31:00")));
  }

  private static List<StepState> steps() {
    return List.of(
        new StepState(
            ID, "erp-timeouts", "adapter-failures", true, "alice", at("02:45:00"), "FAIL"),
        new StepState(ID, "consumer-lag", "lag-growing", true, "alice", at("02:31:00"), "FAIL"),
        new StepState(ID, "erp-timeouts", "escalate", false, null, null, null),
        new StepState(
            ID,
            "consumer-lag",
            "consumer-errors",
            true,
            "alice",
            at("02:41:12"),
            "ERP calls time out"));
  }

  private static List<Evidence> evidence() {
    String flow =
        """
        {"path":"orders","query":"ord-00a1b2c3","ids":["ord-00a1b2c3"],"verdict":"STUCK",
         "stuckAt":"fulfilment-service","customer":{"name":"Jane Doe","email":"jane.doe@example.com"},
         "hops":[
          {"name":"api-gateway","verdict":"OK","attempts":1,"firstSeen":"2026-11-26T02:31:07.412Z",
           "lastSeen":"2026-11-26T02:31:07.412Z","latencyMs":14,"events":[{"message":"POST /orders 202 12ms"}]},
          {"name":"order-service","verdict":"OK","attempts":1,"firstSeen":"2026-11-26T02:31:07.430Z",
           "lastSeen":"2026-11-26T02:31:07.455Z","latencyMs":40,"events":[]},
          {"name":"orders.v1","verdict":"OK","attempts":1,"firstSeen":"2026-11-26T02:31:07.470Z",
           "lastSeen":"2026-11-26T02:31:07.470Z","latencyMs":900,"events":[]},
          {"name":"fulfilment-service","verdict":"STUCK","attempts":4,"firstSeen":"2026-11-26T02:31:08.370Z",
           "lastSeen":"2026-11-26T02:41:13.007Z","latencyMs":null,
           "events":[{"message":"ERP call failed for jane.doe@example.com, card 4111111111111111"}]},
          {"name":"erp-adapter","verdict":"NO_EVIDENCE","attempts":0,"firstSeen":null,"lastSeen":null,"latencyMs":null,"events":[]},
          {"name":"erp-confirmation","verdict":"NO_EVIDENCE","attempts":0,"firstSeen":null,"lastSeen":null,"latencyMs":null,"events":[]}
         ],"metrics":[],"warnings":[]}
        """;
    String series =
        """
        {"hop":"orders.v1","panel":"Consumer lag",
         "query":"sum by (partition) (kafka_consumergroup_lag{topic=\\"orders.v1\\"})",
         "series":[{"labels":{"partition":"0"},"points":[[1795660200,12],[1795660215,40],[1795661400,2650]]},
                   {"labels":{"partition":"1"},"points":[[1795660200,9],[1795661400,2580]]}]}
        """;
    String stuck =
        """
        {"path":"orders","from":"2026-11-26T02:10:00Z","to":"2026-11-26T02:40:00Z",
         "hops":[{"name":"api-gateway","entered":3300,"left":3295,"stuck":0,"failed":5,"deadLettered":0,"slow":0},
                 {"name":"fulfilment-service","entered":3250,"left":2830,"stuck":349,"failed":0,"deadLettered":71,"slow":0}],
         "messages":[{"id":"ord-00a1b2c3","stuckAt":"fulfilment-service","verdict":"STUCK","lastSeen":"2026-11-26T02:41:13.007Z"},
                     {"id":"ord-00d4e5f6","failedAt":"erp-adapter","verdict":"ERROR","lastSeen":"2026-11-26T02:44:02.310Z"}],
         "truncated":true,"warnings":[]}
        """;
    return List.of(
        evidence(
            24,
            Evidence.Kind.WINDOW_REPORT,
            "stuck orders 02:10–02:40",
            "stuck --path orders --from 2026-11-26T02:10:00Z --to 2026-11-26T02:40:00Z",
            at("02:40:30"),
            "application/json",
            stuck.getBytes(StandardCharsets.UTF_8)),
        evidence(
            21,
            Evidence.Kind.FLOW_JSON,
            "flow ord-00a1b2c3",
            "ord-00a1b2c3",
            at("02:33:10"),
            "application/json",
            flow.getBytes(StandardCharsets.UTF_8)),
        evidence(
            22,
            Evidence.Kind.CHART_PNG,
            "fulfilment-service: Processing outcomes",
            "sum by (outcome) (rate(fulfilment_messages_total{service=\"fulfilment-service\"}[1m]))",
            at("02:36:00"),
            "image/png",
            CHART_PNG),
        evidence(
            23,
            Evidence.Kind.METRIC_SERIES,
            "orders.v1: Consumer lag",
            "sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"})",
            at("02:36:00"),
            "application/json",
            series.getBytes(StandardCharsets.UTF_8)));
  }

  private static Evidence evidence(
      long id,
      Evidence.Kind kind,
      String title,
      String query,
      Instant createdAt,
      String mediaType,
      byte[] content) {
    return new Evidence(id, ID, kind, title, query, createdAt, mediaType, content);
  }

  private static StuckReport impact(TimeWindow window) {
    List<HopCounts> hops =
        List.of(
            new HopCounts("api-gateway", 5412, 5400, 0, 12, 0, 0),
            new HopCounts("order-service", 5400, 5400, 0, 0, 0, 0),
            new HopCounts("orders.v1", 5400, 5400, 0, 0, 0, 0),
            new HopCounts("fulfilment-service", 5400, 4963, 349, 0, 88, 0),
            new HopCounts("erp-adapter", 4963, 4963, 0, 0, 0, 610),
            new HopCounts("erp-confirmation", 4963, 4963, 0, 0, 0, 0));
    return new StuckReport(
        "orders",
        window,
        window.to(),
        hops,
        new StuckReport.Totals(349, 12, 88, 610),
        List.of(new Notice.OnlyFirstLinkFollowed("erp-adapter -> erp-confirmation")));
  }
}
