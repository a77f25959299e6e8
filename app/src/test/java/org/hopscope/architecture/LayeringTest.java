package org.hopscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.hopscope.archfixture.model.LeakyRecord;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of docs/architecture.md: {@code cli, ui -> oncall (the application tier) ->
 * correlate, playbook, store, report, config -> source -> model}, the benches beside the tier for
 * the CLI only, only {@code org.hopscope.ui} touches JavaFX and only {@code org.hopscope.cli}
 * writes to standard streams.
 */
class LayeringTest {

  private static JavaClasses product() {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.hopscope");
  }

  @Test
  void layersOnlyDependDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy("org.hopscope.model..")
        .layer("config")
        .definedBy("org.hopscope.config..")
        .layer("ports")
        .definedBy("org.hopscope.source")
        .layer("adapters")
        .definedBy(
            "org.hopscope.source.elastic..",
            "org.hopscope.source.prometheus..",
            "org.hopscope.source.file..")
        .layer("engine")
        .definedBy("org.hopscope.correlate..")
        .layer("playbook")
        .definedBy("org.hopscope.playbook..")
        .layer("store")
        .definedBy("org.hopscope.store..")
        .layer("report")
        .definedBy("org.hopscope.report..")
        .layer("tier")
        .definedBy("org.hopscope.oncall..")
        .layer("bench")
        .definedBy("org.hopscope.bench..")
        .layer("cli")
        .definedBy("org.hopscope.cli..")
        .layer("ui")
        .definedBy("org.hopscope.ui..")
        .whereLayer("model")
        .mayNotAccessAnyLayer()
        .whereLayer("config")
        .mayOnlyAccessLayers("model")
        .whereLayer("ports")
        .mayOnlyAccessLayers("model")
        .whereLayer("adapters")
        .mayOnlyAccessLayers("ports", "model")
        .whereLayer("engine")
        .mayOnlyAccessLayers("ports", "model")
        .whereLayer("playbook")
        .mayOnlyAccessLayers("config", "ports", "model")
        .whereLayer("store")
        .mayOnlyAccessLayers("model")
        .whereLayer("report")
        .mayOnlyAccessLayers("model")
        .whereLayer("tier")
        .mayOnlyBeAccessedByLayers("bench", "cli", "ui")
        .whereLayer("bench")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("cli")
        .mayOnlyAccessLayers("tier", "bench", "config", "ports", "model")
        .whereLayer("ui")
        .mayOnlyAccessLayers("tier", "config", "ports", "model")
        .because(
            "both faces do the on-call work through the application tier, written once"
                + " (docs/architecture.md, ADR 0016)")
        .check(product());
  }

  /** Nothing outside {@code ui} imports {@code javafx.*}. */
  static ArchRule javafxOnlyInUi(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..")
        .and()
        .resideOutsideOfPackage(basePackage + ".ui..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("only the ui package may use JavaFX (docs/architecture.md)");
  }

  @Test
  void productCodeKeepsJavafxInUi() {
    JavaClasses product = product();
    assertThat(product).isNotEmpty();
    javafxOnlyInUi("org.hopscope").check(product);
  }

  @Test
  void ruleReportsAJavafxImportOutsideUi() {
    JavaClasses fixture = new ClassFileImporter().importClasses(LeakyRecord.class);
    EvaluationResult result = javafxOnlyInUi("org.hopscope.archfixture").evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains("LeakyRecord").contains("javafx.beans"));
  }

  /**
   * Nothing outside {@code cli} touches the process's standard streams or dumps a stack trace:
   * diagnostics go to the log ({@code oncall.DiagnosticsLog}), what the client prints for its user
   * to the writers its entry point hands on. An entry point's {@code main} may read {@code
   * System.out}/{@code System.err} to make those writers.
   */
  static ArchRule standardStreamsOnlyInCli(String basePackage) {
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .resideInAPackage(basePackage + "..")
        .and()
        .resideOutsideOfPackage(basePackage + ".cli..")
        .and()
        .resideOutsideOfPackage(basePackage + ".sandbox..") // the developer sandbox's own tool
        .should(leaveStandardStreamsAlone())
        .because(
            "diagnostics go to the log file; only the CLI prints (docs/decisions/0014-logging.md)");
  }

  private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>
      leaveStandardStreamsAlone() {
    return new com.tngtech.archunit.lang.ArchCondition<>(
        "not read System.out/System.err outside a main method nor call printStackTrace") {
      @Override
      public void check(
          com.tngtech.archunit.core.domain.JavaClass type,
          com.tngtech.archunit.lang.ConditionEvents events) {
        for (com.tngtech.archunit.core.domain.JavaAccess<?> access : type.getAccessesFromSelf()) {
          var target = access.getTarget();
          boolean stream =
              access instanceof com.tngtech.archunit.core.domain.JavaFieldAccess
                  && target.getOwner().isEquivalentTo(System.class)
                  && (target.getName().equals("out") || target.getName().equals("err"));
          boolean entryPoint =
              access.getOrigin().getName().equals("main")
                  && access
                      .getOrigin()
                      .getModifiers()
                      .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC);
          boolean stackTrace =
              access instanceof com.tngtech.archunit.core.domain.JavaMethodCall
                  && target.getName().equals("printStackTrace")
                  && target.getOwner().isAssignableTo(Throwable.class);
          if ((stream && !entryPoint) || stackTrace) {
            events.add(
                com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                    access, access.getDescription()));
          }
        }
      }
    };
  }

  @Test
  void onlyTheCliWritesToStandardStreams() {
    JavaClasses product = product();
    assertThat(product).isNotEmpty();
    standardStreamsOnlyInCli("org.hopscope").check(product);
  }

  @Test
  void ruleReportsStandardStreamsAndStackTracesOutsideTheCli() {
    JavaClasses fixture =
        new ClassFileImporter().importClasses(org.hopscope.archfixture.model.ChattyModel.class);
    EvaluationResult result =
        standardStreamsOnlyInCli("org.hopscope.archfixture").evaluate(fixture);
    assertThat(result.getFailureReport().getDetails())
        .hasSize(2)
        .anySatisfy(
            line -> assertThat(line).contains("ChattyModel.complain").contains("System.err"))
        .anySatisfy(
            line -> assertThat(line).contains("ChattyModel.complain").contains("printStackTrace"))
        .noneSatisfy(line -> assertThat(line).contains("ChattyModel.main"));
  }
}
