package org.hopscope.correlate;

import static org.hopscope.correlate.Docs.at;
import static org.hopscope.correlate.Docs.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;

/**
 * The {@code shapes} test path (payments split into postings, postings batched, the clearing house
 * answering per batch; {@code shapes.yaml}) and the documents of its payments.
 */
final class ShapesPath {

  final PathDef path = read();
  private final Docs docs;

  ShapesPath(Docs docs) {
    this.docs = docs;
  }

  private static PathDef read() {
    return new PathDefinitions().parse(text(), "shapes.yaml");
  }

  /** The text of {@code shapes.yaml}. */
  static String text() {
    try (InputStream in = ShapesPath.class.getResourceAsStream("shapes.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One document of {@code index} at {@code millis}, with the fields {@code kv} (name, value). */
  void log(String index, long millis, Object... kv) {
    Object[] all = new Object[kv.length + 2];
    all[0] = "@timestamp";
    all[1] = at(millis).toString();
    System.arraycopy(kv, 0, all, 2, kv.length);
    docs.add(index, map(all));
  }

  /** A payment: api (with the given statuses, a second apart), svc splitting into parts. */
  void payment(String pid, long t, List<Integer> statuses, String... parts) {
    for (int i = 0; i < statuses.size(); i++) {
      log("api-1", t + i * 1_000L, "pid", pid, "status", statuses.get(i), "msg", "POST");
    }
    long s = t + statuses.size() * 1_000L;
    log("svc-1", s, "pid", pid, "msg", "accepted");
    for (String p : parts) {
      log("svc-1", s + 10, "pid", pid, "posting", p, "msg", "posting created");
    }
  }

  /** A posting in the ledger and, unless {@code batch} is null, added to that batch. */
  void posted(String part, long t, String batch) {
    log("ledger-1", t, "posting", part, "msg", "posted");
    if (batch != null) {
      log("batcher-1", t + 1_000, "posting", part, "batch", batch, "msg", "added");
    }
  }

  /** A batch submitted to the clearing house, answered a second later with {@code outcome}. */
  void cleared(String batch, long t, String outcome) {
    log("clearing-1", t, "batch", batch, "msg", "submitted");
    log("clearing-1", t + 1_000, "batch", batch, "msg", outcome);
  }
}
