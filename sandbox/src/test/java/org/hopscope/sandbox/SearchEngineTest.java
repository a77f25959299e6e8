package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two engines' differences, and the choice of engine per state folder; no servers needed. */
class SearchEngineTest {

  @TempDir Path tmp;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  private Sandbox sandbox(SearchEngine engine) {
    SandboxConfig config =
        new SandboxConfig(tmp, "127.0.0.1", 19596, 19597, 19598, tmp.resolve("config"));
    return new Sandbox(config, new PrintStream(printed, true, StandardCharsets.UTF_8), engine);
  }

  @Test
  void namesAreParsedInAnyCaseAndAnUnknownOneListsTheChoices() {
    assertThat(SearchEngine.parse(" OpenSearch")).isEqualTo(SearchEngine.OPENSEARCH);
    assertThat(SearchEngine.parse("elasticsearch")).isEqualTo(SearchEngine.ELASTICSEARCH);
    assertThat(SearchEngine.ofState(null)).isEqualTo(SearchEngine.ELASTICSEARCH);
    assertThatThrownBy(() -> SearchEngine.parse("solr"))
        .hasMessage("unknown search engine 'solr'; use one of: elasticsearch, opensearch");
  }

  @Test
  void openSearchHasItsOwnDistributionFilesAndEnvironment() {
    SearchEngine os = SearchEngine.OPENSEARCH;
    assertThat(os.coordinates())
        .isEqualTo("org.opensearch.distribution.integ-test-zip:opensearch:2.19.4 (zip)");
    assertThat(os.zipName()).isEqualTo("opensearch-2.19.4.zip");
    assertThat(os.configFileName()).isEqualTo("opensearch.yml");
    assertThat(os.startScript()).isEqualTo("opensearch");
    assertThat(os.supportsSecurity()).isFalse();
    assertThat(os.plainSettings()).isEmpty();
    assertThat(os.environment(Path.of("/jdk"), "512m", Path.of("/home/config")))
        .isEqualTo(
            Map.of(
                "OPENSEARCH_JAVA_HOME", "/jdk",
                "OPENSEARCH_JAVA_OPTS", "-Xms512m -Xmx512m",
                "OPENSEARCH_PATH_CONF", "/home/config"));
    assertThat(SearchEngine.ELASTICSEARCH.environment(Path.of("/jdk"), "1g", Path.of("/c")))
        .isEqualTo(
            Map.of("ES_JAVA_HOME", "/jdk", "ES_JAVA_OPTS", "-Xms1g -Xmx1g", "ES_PATH_CONF", "/c"));
    assertThat(SearchEngine.ELASTICSEARCH.plainSettings())
        .isEqualTo("xpack.security.enabled: false");
  }

  @Test
  void aMissingOpenSearchDistributionSaysWhereItComesFrom() {
    Path codeParent = tmp.resolve("target");
    assertThatThrownBy(
            () -> ElasticsearchDistribution.locate(SearchEngine.OPENSEARCH, null, codeParent))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "the OpenSearch 2.19.4 distribution is missing: no file "
                + codeParent.resolve("dist").resolve("opensearch-2.19.4.zip")
                + ". Build it with `./mvnw -pl sandbox package` (it is fetched into"
                + " sandbox/target/dist/ from"
                + " org.opensearch.distribution.integ-test-zip:opensearch:2.19.4 (zip)), or point"
                + " $HOPSCOPE_OPENSEARCH_ZIP to an opensearch-2.19.4.zip.");
  }

  @Test
  void theFolderKeepsItsEngineForLaterCommands() throws Exception {
    assertThat(sandbox(null).engine()).isEqualTo(SearchEngine.ELASTICSEARCH);
    Files.createDirectories(tmp.resolve("opensearch"));
    assertThat(sandbox(null).engine()).isEqualTo(SearchEngine.OPENSEARCH);
  }

  @Test
  void upOfTheOtherEngineOnAKeptFolderSaysWhatToDoAndStartsNothing() throws Exception {
    Files.createDirectories(tmp.resolve("elasticsearch"));

    assertThatThrownBy(() -> sandbox(SearchEngine.OPENSEARCH).up(false))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "the sandbox in "
                + tmp
                + " holds a stopped Elasticsearch with its data, but this `up` asks for"
                + " OpenSearch; one state folder holds one engine. Either keep Elasticsearch:"
                + " `hopscope sandbox up --engine elasticsearch --dir "
                + tmp
                + "`; or remove it: `hopscope sandbox purge --dir "
                + tmp
                + "` (its data and seed go), then up again; or give OpenSearch its own state"
                + " folder and ports (--dir, --es-port, --prometheus-port, --exporter-port).");
    assertThat(tmp.resolve("opensearch")).doesNotExist();
    assertThat(tmp.resolve("sandbox.json")).doesNotExist();
  }

  @Test
  void openSearchWithSecurityIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> sandbox(SearchEngine.OPENSEARCH).up(true))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "`up --security` is not available with --engine opensearch: the OpenSearch 2.19.4"
                + " integ-test distribution the sandbox runs has no security plugin. Run"
                + " `hopscope sandbox up --engine opensearch` without --security (plain HTTP, no"
                + " users), or use --engine elasticsearch for the security mode.");
    assertThat(tmp.resolve("opensearch")).doesNotExist();
  }

  @Test
  void theOpenSearchProfileHasNoCredentialsAndSaysWhy() throws Exception {
    SandboxState state =
        new SandboxState(
            "http://127.0.0.1:19510",
            false,
            null,
            null,
            null,
            null,
            "http://127.0.0.1:19590",
            "http://127.0.0.1:19591",
            null,
            null,
            null,
            null,
            "opensearch");

    String text = SandboxProfile.text(state, "sandbox-os", tmp);

    assertThat(text)
        .contains(
            "\n# search engine: OpenSearch 2.19.4 (no credentials: its integ-test distribution"
                + " has no security plugin)\nelasticsearch:\n  url: \"http://127.0.0.1:19510\"\n"
                + "  auth: none\n");
    Path file = tmp.resolve("sandbox.json");
    Json.writePrivate(file, state);
    assertThat(Json.mapper().readValue(file.toFile(), SandboxState.class).searchEngine())
        .isEqualTo(SearchEngine.OPENSEARCH);
  }

  @Test
  void aStateWrittenBeforeTheChoiceIsElasticsearch() throws Exception {
    Path file = tmp.resolve("sandbox.json");
    Files.writeString(
        file,
        "{\"elasticsearchUrl\":\"http://127.0.0.1:19200\",\"security\":false,"
            + "\"prometheusUrl\":\"http://127.0.0.1:19090\",\"exporterUrl\":\"x\"}");
    assertThat(Json.mapper().readValue(file.toFile(), SandboxState.class).searchEngine())
        .isEqualTo(SearchEngine.ELASTICSEARCH);
  }
}
