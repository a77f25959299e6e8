package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.elastic.FieldRules.Finding;
import org.hopscope.source.elastic.FieldRules.Kind;
import org.hopscope.source.elastic.MappedFields.MappedType;
import org.junit.jupiter.api.Test;

class FieldRulesTest {

  private static final FieldRules.Use ID = new FieldRules.Id();

  /** A mapping of {@code name type} pairs, every type in all indices. */
  private static MappedFields mapping(String... nameType) {
    Map<String, List<MappedType>> fields = new LinkedHashMap<>();
    for (String pair : nameType) {
      String[] p = pair.split(" ");
      fields.put(p[0], List.of(new MappedType(p[1], !p[1].equals("object"), true, List.of())));
    }
    return new MappedFields(List.of("logs-1", "logs-2"), fields);
  }

  private static List<Finding> check(String field, FieldRules.Use use, MappedFields mapped) {
    return FieldRules.check(FieldPath.parse(field), use, mapped);
  }

  @Test
  void keywordAndIntegerIdsAreUsable() {
    MappedFields m = mapping("labels.message_id keyword", "order_no long", "trace.id wildcard");
    assertThat(check("labels.message_id", ID, m)).isEmpty();
    assertThat(check("order_no", ID, m)).isEmpty();
    assertThat(check("trace.id", ID, m)).isEmpty();
  }

  @Test
  void aTextIdIsAProblemAndItsKeywordSubFieldTheSuggestion() {
    MappedFields m = mapping("message_id text", "message_id.keyword keyword", "other text");
    assertThat(check("message_id", ID, m))
        .containsExactly(
            new Finding(
                "message_id",
                Kind.UNUSABLE_TYPE,
                "is text: text is analysed into words, so exact values do not match and key"
                    + " scans cannot group by it",
                "use message_id.keyword (keyword)"));
    assertThat(check("other", ID, m).get(0).suggestion())
        .isEqualTo("map it as keyword in the index template");
  }

  @Test
  void aMissingFieldIsAProblem() {
    assertThat(check("labels.mesage_id", ID, mapping("labels.message_id keyword")))
        .containsExactly(
            new Finding(
                "labels.mesage_id",
                Kind.MISSING,
                "not mapped in any index of the pattern",
                "check the name against the mapping; a field no document has had yet is not"
                    + " mapped (dynamic mapping): map it in the index template"));
  }

  @Test
  void floatIdsObjectsAndDatesAreNotIds() {
    MappedFields m = mapping("n double", "trace object", "trace.id keyword", "at date");
    assertThat(check("n", ID, m).get(0).problem())
        .isEqualTo("is double: floating-point numbers lose digits of long IDs");
    assertThat(check("trace", ID, m).get(0))
        .isEqualTo(
            new Finding(
                "trace",
                Kind.UNUSABLE_TYPE,
                "is object: an object, not a value",
                "name a field inside it, e.g. trace.id"));
    assertThat(check("at", ID, m).get(0).problem())
        .isEqualTo(
            "is date: IDs are matched exactly and grouped by, which needs keyword or an integer"
                + " type");
  }

  @Test
  void typesThatDifferBetweenIndicesNameTheIndices() {
    MappedFields m =
        new MappedFields(
            List.of("logs-1", "logs-2", "logs-3"),
            Map.of(
                "mid",
                List.of(
                    new MappedType("keyword", true, true, List.of("logs-1", "logs-2")),
                    new MappedType("text", true, false, List.of("logs-3")))));
    assertThat(check("mid", ID, m))
        .extracting(Finding::problem)
        .containsExactly(
            "is text in 1 of 3 indices (logs-3): text is analysed into words, so exact values do"
                + " not match and key scans cannot group by it");
  }

  @Test
  void timestampsFitTheirFormat() {
    MappedFields m = mapping("@timestamp date", "startTime long", "ts keyword");
    FieldRules.Use iso = new FieldRules.Timestamp(TimestampFormat.ISO);
    FieldRules.Use micros = new FieldRules.Timestamp(TimestampFormat.EPOCH_MICROS);
    FieldRules.Use millis = new FieldRules.Timestamp(TimestampFormat.EPOCH_MILLIS);
    assertThat(check("@timestamp", iso, m)).isEmpty();
    assertThat(check("@timestamp", millis, m)).isEmpty();
    assertThat(check("startTime", micros, m)).isEmpty();
    assertThat(check("@timestamp", micros, m))
        .containsExactly(
            new Finding(
                "@timestamp",
                Kind.UNUSABLE_TYPE,
                "is date: a date field reads numbers as epoch milliseconds, but timestampFormat"
                    + " is epoch_micros",
                "map it as long in the index template, or correct timestampFormat"));
    assertThat(check("startTime", iso, m))
        .containsExactly(
            new Finding(
                "startTime",
                Kind.UNUSABLE_TYPE,
                "is long: timestampFormat is iso, but the field holds numbers",
                "set timestampFormat to the numbers' unit (epoch_millis, epoch_micros,"
                    + " epoch_nanos)"));
    assertThat(check("ts", iso, m))
        .containsExactly(
            new Finding(
                "ts",
                Kind.UNUSABLE_TYPE,
                "is keyword: the window and the time order compare it as text",
                "map it as date in the index template"));
  }

  @Test
  void conditionsFitTheirOperator() {
    MappedFields m =
        mapping("status long", "code keyword", "level text", "ok boolean", "dlq keyword");
    Condition atLeast =
        new Condition(FieldPath.parse("code"), Condition.Op.AT_LEAST, List.of("500"));
    assertThat(check("code", FieldRules.of(atLeast), m))
        .containsExactly(
            new Finding(
                "code",
                Kind.UNUSABLE_TYPE,
                "is keyword: atLeast compares numbers, and a keyword field compares otherwise"
                    + " ('1000' < '500')",
                "map it as a number (long) in the index template, or use in: [...] with exact"
                    + " values"));
    assertThat(check("status", FieldRules.of(atLeast), m)).isEmpty();
    assertThat(check("status", new FieldRules.Match(List.of("500", "502")), m)).isEmpty();
    assertThat(check("status", new FieldRules.Match(List.of("5xx")), m))
        .extracting(Finding::problem)
        .containsExactly("is long: the value '5xx' is not a number, so the search fails");
    assertThat(check("ok", new FieldRules.Match(List.of("yes")), m))
        .extracting(Finding::problem)
        .containsExactly("is boolean: the value 'yes' is not true or false, so the search fails");
    assertThat(check("level", new FieldRules.Match(List.of("ERROR")), m))
        .extracting(Finding::problem)
        .containsExactly("is text: text is analysed into words, so exact values do not match");
    assertThat(check("level", new FieldRules.Exists(), m)).isEmpty();
    assertThat(check("dlq", new FieldRules.Exists(), m)).isEmpty();
  }

  @Test
  void aKeyedElementNeedsANestedArrayWithItsKeyAndValue() {
    MappedFields nested = mapping("tags nested", "tags.key keyword", "tags.value keyword");
    assertThat(check("tags[key=message.id].value", ID, nested)).isEmpty();

    MappedFields object = mapping("tags object", "tags.key keyword", "tags.value keyword");
    assertThat(check("tags[key=message.id].value", ID, object))
        .containsExactly(
            new Finding(
                "tags",
                Kind.UNUSABLE_TYPE,
                "is object, not nested: tags[key=message.id].value is queried as one nested"
                    + " element whose key and value match together",
                "map tags as nested in the index template"));

    MappedFields noValue = mapping("tags nested", "tags.key keyword");
    assertThat(check("tags[key=message.id].value", ID, noValue))
        .extracting(Finding::field, Finding::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tags.value", Kind.MISSING));
    assertThat(check("tags[key=message.id].value", ID, mapping("x keyword")))
        .extracting(Finding::field, Finding::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "tags",
                "not mapped in any index of the pattern (the array of"
                    + " tags[key=message.id].value)"));
  }

  @Test
  void aPlainPathIntoANestedArrayNeverMatches() {
    MappedFields m = mapping("tags nested", "tags.key keyword", "tags.value keyword");
    assertThat(check("tags.value", ID, m))
        .containsExactly(
            new Finding(
                "tags.value",
                Kind.UNUSABLE_TYPE,
                "lies inside the nested array tags: a plain query never matches it",
                "name the element, e.g. tags[key=NAME].value"));
  }

  @Test
  void fieldCapsAnswersAreReadWithoutMetadataFields() throws Exception {
    MappedFields m =
        MappedFields.parse(
            new ObjectMapper()
                .readTree(
                    """
                    {"indices":["blind-open-1","blind-open-2"],"fields":{
                     "_index":{"_index":{"type":"_index","metadata_field":true,
                       "searchable":true,"aggregatable":true}},
                     "mid":{"keyword":{"type":"keyword","metadata_field":false,"searchable":true,
                       "aggregatable":true,"indices":["blind-open-1"]},
                      "long":{"type":"long","metadata_field":false,"searchable":true,
                       "aggregatable":true,"indices":["blind-open-2"]}},
                     "txt":{"text":{"type":"text","metadata_field":false,"searchable":true,
                       "aggregatable":false}}}}"""));
    assertThat(m.indices()).containsExactly("blind-open-1", "blind-open-2");
    assertThat(m.names()).containsExactly("mid", "txt");
    assertThat(m.of("mid"))
        .containsExactly(
            new MappedType("keyword", true, true, List.of("blind-open-1")),
            new MappedType("long", true, true, List.of("blind-open-2")));
    assertThat(m.of("txt")).containsExactly(new MappedType("text", true, false, List.of()));
    assertThat(m.of("nope")).isEmpty();
  }
}
