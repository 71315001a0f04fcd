package dev.orderlistbot.db;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaModifier;
import dev.orderlistbot.core.chat.Button;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The storage adapter's boundaries: ports and value types in, no key vault, one public entry. */
@AnalyzeClasses(packages = "dev.orderlistbot.db", importOptions = ImportOption.DoNotIncludeTests.class)
class DbArchitectureTest {

  @ArchTest
  static final ArchRule usesOnlyPortsDomainAndItsLibraries =
      classes()
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "java..",
                      "javax.sql..",
                      "org.slf4j..",
                      "org.flywaydb.core..",
                      "com.zaxxer.hikari..",
                      "dev.orderlistbot.core.port.out..",
                      "dev.orderlistbot.core.domain..",
                      "dev.orderlistbot.db..")
                  // the outbox stores a notice's buttons (a label and an opaque token), a value of its port
                  .or(equivalentTo(Button.class)))
          .because("the db module stores sealed bytes and never sees the key vault or a plaintext secret");

  @ArchTest
  static final ArchRule onlyDatabaseAndItsConfigArePublic =
      classes()
          .that()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleNameEndingWith("Database")
          .orShould()
          .haveSimpleName("DbConfig");

  @ArchTest
  static final ArchRule storesArePackagePrivate =
      classes().that().haveSimpleNameStartingWith("Jdbc").should().notHaveModifier(JavaModifier.PUBLIC);
}
