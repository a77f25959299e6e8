package org.hopscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No class in {@code cli} or {@code ui} depends on (so none constructs) an engine class, a store
 * writer, the post-mortem writer, the playbook runner or an adapter: the faces reach them only
 * through the application tier ({@code oncall}); the benches, which measure engine classes on
 * purpose, live in {@code org.hopscope.bench} (ADR 0016).
 */
class FacesThroughTierTest {

  @Test
  void cliAndUiNeitherBuildEngineClassesStoreWritersNorThePostMortemWriter() {
    noClasses()
        .that()
        .resideInAnyPackage("org.hopscope.cli..", "org.hopscope.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.hopscope.correlate..",
            "org.hopscope.playbook..",
            "org.hopscope.store..",
            "org.hopscope.report..",
            "org.hopscope.source.elastic..",
            "org.hopscope.source.prometheus..")
        .because("cli and ui call the application tier (org.hopscope.oncall)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hopscope"));
  }
}
