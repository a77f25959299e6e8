package org.hopscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The faces reach the engine, the playbook runner, the flow JSON and the adapters only through the
 * application tier ({@code oncall}); the benches, which measure engine classes on purpose, live in
 * {@code org.hopscope.bench} (docs/decisions, the tier's ADR).
 */
class FacesThroughTierTest {

  @Test
  void cliAndUiDoNotBuildEngineClassesOrAdapters() {
    noClasses()
        .that()
        .resideInAnyPackage("org.hopscope.cli..", "org.hopscope.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hopscope.correlate..",
            "org.hopscope.playbook..",
            "org.hopscope.source.elastic..",
            "org.hopscope.source.prometheus..")
        .because("cli and ui call the application tier (org.hopscope.oncall)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hopscope"));
  }
}
