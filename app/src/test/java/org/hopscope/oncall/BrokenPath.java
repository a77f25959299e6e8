package org.hopscope.oncall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hopscope.oncall.PathsCheck.Finding;
import org.hopscope.oncall.PathsCheck.Kind;

/**
 * A path definition over the test sandbox's indices with one of each mistake the check of paths
 * finds: a text field as trace ID, a misspelt message-ID field, a misspelt index pattern and a
 * misspelt link field. Everything else in it is right.
 */
public final class BrokenPath {

  /** The file's text; the line numbers of {@link #findings} are its lines. */
  public static final String YAML =
      """
      path: broken
      hops:
        - name: api-gateway
          sla: 1m
          sources:
            - index: gateway-access-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [x_correlation_id]
                traceId: message
              failure:
                - {field: http.response.status_code, atLeast: 400}
        - name: order-service
          sla: 1m
          sources:
            - index: logs-order-service-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [labels.mesage_id]
        - name: fulfilment-service
          sla: 1m
          sources:
            - index: logs-fulfilmnet-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [labels.message_id]
        - name: erp-adapter
          sla: 10m
          sources:
            - index: jaeger-span-*
              kind: span
              fields:
                timestamp: startTime
                timestampFormat: epoch_micros
                messageId: ["tags[key=message.id].value"]
                traceId: traceID
        - name: erp-confirmation
          sources:
            - index: logs-erp-confirmation-*
              kind: log
              fields:
                timestamp: "@timestamp"
                messageId: [labels.erp_document_number]
      links:
        - from: {hop: erp-adapter, field: "tags[key=erp.document_number].value"}
          to: {hop: erp-confirmation, field: labels.erp_document_numbr}
      """;

  private BrokenPath() {}

  /** Writes {@code broken.yaml} into {@code dir}; returns the file. */
  public static Path writeInto(Path dir) throws IOException {
    return Files.writeString(dir.resolve("broken.yaml"), YAML);
  }

  /** What the check of {@code file} (written by {@link #writeInto}) finds on the test sandbox. */
  public static List<Finding> findings(Path file) {
    String f = file.toString();
    return List.of(
        new Finding(
            f,
            11,
            20,
            "broken",
            "api-gateway",
            "gateway-access-*",
            "message",
            Kind.FIELD_TYPE,
            "is text: text is analysed into words, so exact values do not match and key scans"
                + " cannot group by it",
            "map it as keyword in the index template"),
        new Finding(
            f,
            21,
            23,
            "broken",
            "order-service",
            "logs-order-service-*",
            "labels.mesage_id",
            Kind.FIELD_MISSING,
            "not mapped in any index of the pattern",
            "did you mean labels.message_id?"),
        new Finding(
            f,
            25,
            16,
            "broken",
            "fulfilment-service",
            "logs-fulfilmnet-*",
            null,
            Kind.NO_INDEX,
            "no index, alias or data stream this user may read matches it"
                + " (index_not_found_exception: no such index [logs-fulfilmnet-*])",
            "did you mean logs-fulfilment-*?"),
        new Finding(
            f,
            49,
            40,
            "broken",
            "erp-confirmation",
            "logs-erp-confirmation-*",
            "labels.erp_document_numbr",
            Kind.FIELD_MISSING,
            "not mapped in any index of the pattern",
            "did you mean labels.erp_document_number?"));
  }
}
