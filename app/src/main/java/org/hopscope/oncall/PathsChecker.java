package org.hopscope.oncall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.ClosestName;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.Problem;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.PathLocations.Location;
import org.hopscope.oncall.PathsCheck.Finding;
import org.hopscope.oncall.PathsCheck.Kind;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.elastic.FieldRules;
import org.hopscope.source.elastic.IndexProbe;
import org.hopscope.source.elastic.MappedFields;

/**
 * Checks a catalog of path definitions against a cluster through an {@link IndexProbe}: one {@code
 * _msearch} for all patterns, one {@code _field_caps} per readable pattern, and one {@code
 * _resolve/index} when a pattern matches nothing (for "did you mean"). A field a link names must be
 * mapped in at least one source of its hop; every other field in its own source.
 */
final class PathsChecker {

  /** What the check asks of the cluster: {@link IndexProbe}'s questions (a fake in tests). */
  interface Cluster {
    List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel);

    MappedFields fields(String pattern, Cancellation cancel);

    List<String> names(Cancellation cancel);

    /** The questions asked of a real cluster. */
    static Cluster of(IndexProbe probe) {
      return new Cluster() {
        @Override
        public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
          return probe.blindSources(patterns, cancel);
        }

        @Override
        public MappedFields fields(String pattern, Cancellation cancel) {
          return probe.fields(pattern, cancel);
        }

        @Override
        public List<String> names(Cancellation cancel) {
          return probe.names(cancel);
        }
      };
    }
  }

  private final Cluster probe;
  private final Cancellation cancel;
  private final Map<String, BlindSource> blind = new HashMap<>();
  private final Map<String, MappedFields> mapped = new HashMap<>();
  private final Map<String, String> unmappable = new HashMap<>();
  private List<String> names = List.of();

  PathsChecker(Cluster probe, Cancellation cancel) {
    this.probe = probe;
    this.cancel = cancel;
  }

  /**
   * The check of {@code catalog}.
   *
   * @throws SourceException when the patterns could not be checked at all
   */
  PathsCheck check(PathCatalog catalog) {
    List<Finding> findings = new ArrayList<>();
    for (Problem p : catalog.problems()) {
      findings.add(
          new Finding(
              p.file(),
              p.line(),
              p.column(),
              null,
              null,
              null,
              null,
              Kind.DEFINITION,
              p.message(),
              null));
    }
    Set<String> patterns = new LinkedHashSet<>();
    catalog
        .paths()
        .forEach(p -> p.hops().forEach(h -> h.sources().forEach(s -> patterns.add(s.index()))));
    probe.blindSources(patterns, cancel).forEach(b -> blind.put(b.pattern(), b));
    if (blind.values().stream().anyMatch(b -> b.reason() == BlindSource.Reason.NO_INDEX)) {
      try {
        names = probe.names(cancel);
      } catch (SourceException e) {
        names = List.of(); // suggestions only
      }
    }
    for (String pattern : patterns) {
      if (!blind.containsKey(pattern)) {
        try {
          mapped.put(pattern, probe.fields(pattern, cancel));
        } catch (SourceException e) {
          unmappable.put(pattern, e.getMessage());
        }
      }
    }
    for (PathDef path : catalog.paths()) {
      findings.addAll(new LinkedHashSet<>(check(path)));
    }
    List<String> pathNames = catalog.paths().stream().map(PathDef::name).toList();
    return new PathsCheck(
        findings.isEmpty() ? PathsCheck.State.OK : PathsCheck.State.PROBLEMS,
        pathNames,
        patterns.size(),
        findings,
        null);
  }

  private List<Finding> check(PathDef path) {
    PathLocations at = PathLocations.of(path);
    List<Finding> out = new ArrayList<>();
    for (int h = 0; h < path.hops().size(); h++) {
      Hop hop = path.hops().get(h);
      for (int s = 0; s < hop.sources().size(); s++) {
        EventSourceDef source = hop.sources().get(s);
        String pattern = source.index();
        if (blind.containsKey(pattern)) {
          out.add(blindFinding(path, hop, at.index(h, s), blind.get(pattern)));
        } else if (unmappable.containsKey(pattern)) {
          out.add(
              finding(
                  at.index(h, s),
                  path,
                  hop,
                  pattern,
                  null,
                  Kind.UNAVAILABLE,
                  "its field mapping could not be read (" + unmappable.get(pattern) + ")",
                  null));
        } else {
          for (Map.Entry<FieldPath, FieldRules.Use> use : uses(source.fields()).entrySet()) {
            FieldPath field = use.getKey();
            for (FieldRules.Finding f :
                FieldRules.check(field, use.getValue(), mapped.get(pattern))) {
              out.add(fieldFinding(at.field(h, s, field.text()), path, hop, pattern, field, f));
            }
          }
        }
      }
    }
    for (int l = 0; l < path.links().size(); l++) {
      IdLink link = path.links().get(l);
      out.addAll(linkFindings(path, at, l, link.fromHop(), link.fromField(), true));
      out.addAll(linkFindings(path, at, l, link.toHop(), link.toField(), false));
    }
    return out;
  }

  /** A link field: missing only when no readable source of the hop maps it; types per source. */
  private List<Finding> linkFindings(
      PathDef path, PathLocations at, int link, String hopName, FieldPath field, boolean from) {
    Hop hop = path.hop(hopName).orElse(null);
    if (hop == null) {
      return List.of();
    }
    Location where = at.link(link, from, field.text());
    List<Finding> typed = new ArrayList<>();
    List<Finding> missing = new ArrayList<>();
    boolean mappedSomewhere = false;
    for (EventSourceDef source : hop.sources()) {
      MappedFields fields = mapped.get(source.index());
      if (fields == null) {
        continue; // blind or unmappable: reported with the source
      }
      List<FieldRules.Finding> found = FieldRules.check(field, new FieldRules.Id(), fields);
      boolean absent = found.stream().anyMatch(f -> f.kind() == FieldRules.Kind.MISSING);
      mappedSomewhere |= !absent;
      for (FieldRules.Finding f : found) {
        (absent ? missing : typed).add(fieldFinding(where, path, hop, source.index(), field, f));
      }
    }
    if (!mappedSomewhere) {
      typed.addAll(missing);
    }
    return typed;
  }

  /** Every field of a source the adapter queries, with what for. */
  private static Map<FieldPath, FieldRules.Use> uses(FieldMap f) {
    Map<FieldPath, FieldRules.Use> uses = new LinkedHashMap<>();
    uses.put(f.timestamp(), new FieldRules.Timestamp(f.timestampFormat()));
    f.messageIds().forEach(id -> uses.put(id, new FieldRules.Id()));
    if (f.traceId() != null) {
      uses.putIfAbsent(f.traceId(), new FieldRules.Id());
    }
    for (List<Condition> conditions : List.of(f.failure(), f.deadLetter(), f.attemptStart())) {
      conditions.forEach(c -> uses.putIfAbsent(c.field(), FieldRules.of(c)));
    }
    return uses;
  }

  private Finding blindFinding(PathDef path, Hop hop, Location at, BlindSource b) {
    String pattern = b.pattern();
    return switch (b.reason()) {
      case NO_INDEX ->
          finding(
              at,
              path,
              hop,
              pattern,
              null,
              Kind.NO_INDEX,
              "no index, alias or data stream this user may read matches it (" + b.detail() + ")",
              ClosestPattern.of(pattern, names)
                  .map(c -> "did you mean " + c + "?")
                  .orElse(
                      "check the spelling, whether its indices were deleted or renamed"
                          + " (rollover), and that the user may read them (Elasticsearch reports"
                          + " a wildcard over forbidden indices as missing)"));
      case NO_PRIVILEGE ->
          finding(
              at,
              path,
              hop,
              pattern,
              null,
              Kind.NO_PRIVILEGE,
              "this user may not read it (" + b.detail() + ")",
              "grant the user's role the read and view_index_metadata privileges on " + pattern);
      case UNAVAILABLE ->
          finding(
              at,
              path,
              hop,
              pattern,
              null,
              Kind.UNAVAILABLE,
              "its indices cannot be searched (" + b.detail() + ")",
              "check whether they are closed or their shards unassigned"
                  + " (GET _cluster/health/"
                  + pattern
                  + "?level=indices)");
    };
  }

  private Finding fieldFinding(
      Location at, PathDef path, Hop hop, String pattern, FieldPath field, FieldRules.Finding f) {
    String name =
        !field.keyed() || f.field().equals(field.indexedField()) ? field.text() : f.field();
    String suggestion = f.suggestion();
    if (f.kind() == FieldRules.Kind.MISSING) {
      Optional<String> close = ClosestName.of(f.field(), mapped.get(pattern).names());
      if (close.isPresent()) {
        suggestion = "did you mean " + close.get() + "?";
      }
    }
    Kind kind = f.kind() == FieldRules.Kind.MISSING ? Kind.FIELD_MISSING : Kind.FIELD_TYPE;
    return finding(at, path, hop, pattern, name, kind, f.problem(), suggestion);
  }

  private static Finding finding(
      Location at,
      PathDef path,
      Hop hop,
      String pattern,
      String field,
      Kind kind,
      String problem,
      String suggestion) {
    return new Finding(
        at.file(),
        at.line(),
        at.column(),
        path.name(),
        hop.name(),
        pattern,
        field,
        kind,
        problem,
        suggestion);
  }
}
