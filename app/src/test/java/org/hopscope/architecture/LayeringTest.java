package org.hopscope.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.hopscope.archfixture.model.LeakyRecord;
import org.junit.jupiter.api.Test;

/** Keeps the layering of docs/ARCHITECTURE: only {@code org.hopscope.ui} may touch JavaFX. */
class LayeringTest {

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
        .because("only the ui package may use JavaFX (docs/ARCHITECTURE.md)");
  }

  @Test
  void productCodeKeepsJavafxInUi() {
    JavaClasses product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hopscope");
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
}
