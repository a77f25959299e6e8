package org.hopscope.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The {@code evidenceId} of an EVIDENCE entry's detail, renumbered for an imported incident. */
final class EvidenceIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvidenceIds() {}

  /**
   * {@code detail} with its {@code evidenceId} replaced by the snapshot's new id, or by 0 when it
   * names no imported snapshot (so it names no local one either); unchanged when it has none.
   */
  static String renumber(String detail, Map<Long, Long> newIds) {
    try {
      JsonNode root = JSON.readTree(detail);
      if (!(root instanceof ObjectNode o) || !o.has("evidenceId")) {
        return detail;
      }
      o.put("evidenceId", newIds.getOrDefault(o.path("evidenceId").asLong(0), 0L));
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      return detail; // not JSON: nothing to renumber
    }
  }
}
