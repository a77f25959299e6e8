package org.hopscope.source.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.alert.ActiveAlert;
import org.hopscope.model.alert.AlertOrigin;
import org.hopscope.model.alert.AlertState;
import org.hopscope.source.SourceException;

/**
 * Reads the alerts of Prometheus' {@code /api/v1/alerts} ({@code data.alerts[]}: labels,
 * annotations, state, activeAt) and Alertmanager's {@code /api/v2/alerts} (a list of labels,
 * annotations, startsAt, status.state). An answer of another shape is a {@link SourceException}
 * saying what came and what was expected, never an empty list.
 */
final class AlertAnswers {

  private final AlertOrigin origin;
  private final String url;
  private final String endpoint;

  AlertAnswers(AlertOrigin origin, String url, String endpoint) {
    this.origin = origin;
    this.url = url;
    this.endpoint = endpoint;
  }

  /** Prometheus: {@code data} must be {@code {alerts: [...]}}; inactive ones are left out. */
  List<ActiveAlert> prometheus(JsonNode data) {
    JsonNode alerts = data.path("alerts");
    if (!data.isObject() || !alerts.isArray()) {
      throw wrong(shown("data", data), "data: {alerts: [...]}");
    }
    List<ActiveAlert> out = new ArrayList<>();
    for (JsonNode a : alerts) {
      requireObject(a);
      String state = text(a, "state", "\"firing\", \"pending\" or \"inactive\"");
      AlertState s =
          switch (state) {
            case "firing" -> AlertState.FIRING;
            case "pending" -> AlertState.PENDING;
            case "inactive" -> null;
            default ->
                throw wrong(
                    "the state \"" + state + "\"", "\"firing\", \"pending\" or \"inactive\"");
          };
      if (s != null) {
        out.add(
            new ActiveAlert(
                labels(a, "labels", true),
                labels(a, "annotations", false),
                s,
                time(a, "activeAt"),
                origin));
      }
    }
    return out;
  }

  /** Alertmanager: the body must be a list of alerts; each one's {@code status.state} is read. */
  List<ActiveAlert> alertmanager(JsonNode root) {
    if (!root.isArray()) {
      throw wrong(
          shown("the body", root), "a list of alerts [{labels, annotations, startsAt, status}]");
    }
    List<ActiveAlert> out = new ArrayList<>();
    for (JsonNode a : root) {
      requireObject(a);
      JsonNode status = a.path("status");
      if (!status.isObject()) {
        throw wrong("an alert without status " + abbreviated(a), "status: {state: ...}");
      }
      String state = text(status, "state", "\"active\", \"suppressed\" or \"unprocessed\"");
      AlertState s =
          switch (state) {
            case "active", "unprocessed" -> AlertState.FIRING;
            case "suppressed" -> AlertState.SUPPRESSED;
            default ->
                throw wrong(
                    "the state \"" + state + "\"", "\"active\", \"suppressed\" or \"unprocessed\"");
          };
      out.add(
          new ActiveAlert(
              labels(a, "labels", true),
              labels(a, "annotations", false),
              s,
              time(a, "startsAt"),
              origin));
    }
    return out;
  }

  private void requireObject(JsonNode a) {
    if (!a.isObject()) {
      throw wrong("the alert " + abbreviated(a), "an object {labels, annotations, ...}");
    }
  }

  private Map<String, String> labels(JsonNode alert, String field, boolean required) {
    JsonNode node = alert.path(field);
    if (node.isMissingNode() && !required) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw wrong(
          "an alert whose "
              + field
              + " is "
              + (node.isMissingNode() ? "missing" : abbreviated(node)),
          field + ": {name: \"value\", ...}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().isTextual()) {
                throw wrong(
                    "the " + field + " value " + f.getKey() + "=" + abbreviated(f.getValue()),
                    "text");
              }
              out.put(f.getKey(), f.getValue().asText());
            });
    if (required && !out.containsKey("alertname")) {
      throw wrong("an alert without the label alertname " + abbreviated(node), "labels.alertname");
    }
    return out;
  }

  private String text(JsonNode object, String field, String expected) {
    JsonNode node = object.path(field);
    if (!node.isTextual()) {
      throw wrong(
          "an alert whose "
              + field
              + " is "
              + (node.isMissingNode() ? "missing" : abbreviated(node)),
          field + ": " + expected);
    }
    return node.asText();
  }

  /** An RFC 3339 time; missing or null is unknown (null), anything else must parse. */
  private Instant time(JsonNode alert, String field) {
    JsonNode node = alert.path(field);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      Instant t = node.isTextual() ? Instant.parse(node.asText()) : null;
      if (t != null) {
        return t.getEpochSecond() <= 0 ? null : t; // Go's zero time: not said
      }
    } catch (DateTimeParseException e) {
      // said below
    }
    throw wrong(
        "the time " + field + "=" + abbreviated(node),
        "an RFC 3339 time such as 2026-11-26T15:35:00Z");
  }

  private SourceException wrong(String came, String expected) {
    return new SourceException(
        origin.label(),
        SourceException.Kind.REJECTED,
        origin.label()
            + " at "
            + url
            + " answered "
            + endpoint
            + " with "
            + came
            + "; expected "
            + expected
            + ". Is the URL "
            + (origin == AlertOrigin.PROMETHEUS ? "a Prometheus API" : "an Alertmanager (API v2)")
            + "?",
        null);
  }

  private static String shown(String name, JsonNode node) {
    return node.isMissingNode() ? "no " + name : name + " " + abbreviated(node);
  }

  private static String abbreviated(JsonNode node) {
    return PrometheusResults.abbreviated(node);
  }
}
