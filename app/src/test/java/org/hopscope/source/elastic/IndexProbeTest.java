package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.junit.jupiter.api.Test;

/**
 * How one {@code _msearch} answer maps to a {@link BlindSource}: the answers are verbatim those of
 * Elasticsearch 8.19 (security on, a user with read on {@code blind-open-*} only).
 */
class IndexProbeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Optional<BlindSource> blindness(String pattern, String answer) throws Exception {
    JsonNode item = JSON.readTree(answer);
    return IndexProbe.blindness(pattern, item);
  }

  @Test
  void aReadablePatternIsNotBlind() throws Exception {
    assertThat(
            blindness(
                "blind-open-*",
                """
                {"took":514,"timed_out":false,"terminated_early":false,
                 "_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
                 "hits":{"max_score":null,"hits":[]},"status":200}"""))
        .isEmpty();
  }

  @Test
  void indexNotFoundIsNoIndexWhetherMisspeltOrAWildcardOverForbiddenIndices() throws Exception {
    assertThat(
            blindness(
                "blind-secret-*",
                """
                {"error":{"root_cause":[{"type":"index_not_found_exception",
                  "reason":"no such index [blind-secret-*]","index_uuid":"_na_",
                  "index":"blind-secret-*"}],"type":"index_not_found_exception",
                  "reason":"no such index [blind-secret-*]","index_uuid":"_na_",
                  "index":"blind-secret-*"},"status":404}"""))
        .contains(
            new BlindSource(
                "blind-secret-*",
                Reason.NO_INDEX,
                "index_not_found_exception: no such index [blind-secret-*]"));
  }

  @Test
  void aForbiddenNamedIndexIsNoPrivilege() throws Exception {
    String reason =
        "action [indices:data/read/search] is unauthorized for user [blind-user] with effective"
            + " roles [blind-reader] on indices [blind-secret-1], this action is granted by the"
            + " index privileges [read,all]";
    assertThat(
            blindness(
                "blind-secret-1",
                "{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\""
                    + reason
                    + "\"}],\"type\":\"security_exception\",\"reason\":\""
                    + reason
                    + "\"},\"status\":403}"))
        .contains(
            new BlindSource(
                "blind-secret-1", Reason.NO_PRIVILEGE, "security_exception: " + reason));
  }

  @Test
  void aClosedIndexIsUnavailableNamingTheIndex() throws Exception {
    assertThat(
            blindness(
                "blind-open-2",
                """
                {"error":{"root_cause":[{"type":"index_closed_exception","reason":"closed",
                  "index_uuid":"d7VHkiOJQZOVQ_m-8W7-7Q","index":"blind-open-2"}],
                  "type":"index_closed_exception","reason":"closed",
                  "index_uuid":"d7VHkiOJQZOVQ_m-8W7-7Q","index":"blind-open-2"},"status":400}"""))
        .contains(
            new BlindSource(
                "blind-open-2",
                Reason.UNAVAILABLE,
                "HTTP 400 index_closed_exception: closed [index blind-open-2]"));
  }

  @Test
  void allShardsUnassignedIsUnavailableWithTheRootCause() throws Exception {
    assertThat(
            blindness(
                "blind-red-1",
                """
                {"error":{"root_cause":[{"type":"no_shard_available_action_exception",
                  "reason":null}],"type":"search_phase_execution_exception",
                  "reason":"all shards failed","phase":"query","grouped":true,
                  "failed_shards":[{"shard":0,"index":"blind-red-1","node":null,
                  "reason":{"type":"no_shard_available_action_exception","reason":null}}]},
                  "status":503}"""))
        .contains(
            new BlindSource(
                "blind-red-1",
                Reason.UNAVAILABLE,
                "HTTP 503 search_phase_execution_exception: all shards failed"
                    + " (no_shard_available_action_exception) [index blind-red-1]"));
  }

  @Test
  void failedShardsOfAnAnsweredSearchAreUnavailable() throws Exception {
    assertThat(
            blindness(
                "blind-red-*,blind-open-1",
                """
                {"took":5,"timed_out":false,"terminated_early":false,
                 "_shards":{"total":2,"successful":1,"skipped":0,"failed":1,
                  "failures":[{"shard":0,"index":"blind-red-1","node":null,
                   "reason":{"type":"no_shard_available_action_exception","reason":null}}]},
                 "hits":{"max_score":null,"hits":[]},"status":200}"""))
        .contains(
            new BlindSource(
                "blind-red-*,blind-open-1",
                Reason.UNAVAILABLE,
                "1 of 2 shards failed: index blind-red-1 shard 0:"
                    + " no_shard_available_action_exception"));
  }

  @Test
  void openSearchsForbiddenWildcardIsNoPrivilegeByItsStatus() throws Exception {
    assertThat(
            blindness(
                "logs-*",
                """
                {"error":{"root_cause":[{"type":"security_exception",
                  "reason":"no permissions for [indices:data/read/search] and User [name=reader]"}],
                  "type":"security_exception",
                  "reason":"no permissions for [indices:data/read/search] and User [name=reader]"},
                  "status":403}"""))
        .map(BlindSource::reason)
        .contains(Reason.NO_PRIVILEGE);
  }
}
