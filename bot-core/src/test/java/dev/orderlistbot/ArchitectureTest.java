package dev.orderlistbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of bot-core (STYLE.md habit 13), as tests rather than wiki pages. */
@AnalyzeClasses(packages = "dev.orderlistbot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainDependsOnJavaOnly =
      classes()
          .that()
          .resideInAPackage("dev.orderlistbot.core.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.orderlistbot.core.domain..");

  @ArchTest
  static final ArchRule commandDependsOnJavaAndDomainOnly =
      classes()
          .that()
          .resideInAPackage("dev.orderlistbot.core.command..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.orderlistbot.core.domain..", "dev.orderlistbot.core.command..");

  @ArchTest
  static final ArchRule rulesDependOnJavaDomainAndCommandsOnly =
      classes()
          .that()
          .resideInAPackage("dev.orderlistbot.core.rules..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "dev.orderlistbot.core.domain..",
              "dev.orderlistbot.core.command..",
              "dev.orderlistbot.core.rules..");

  @ArchTest
  static final ArchRule coreImportsNoFrameworkDriverOrAdapter =
      noClasses()
          .that()
          .resideInAPackage("dev.orderlistbot.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "feign..",
              "com.fasterxml.jackson..",
              "java.sql..",
              "javax.sql..",
              "org.h2..",
              "org.flywaydb..",
              "com.zaxxer..",
              "org.telegram..",
              "net.dv8tion..",
              "okhttp3..",
              "dev.orderlistbot.exchange..");

  @ArchTest
  static final ArchRule onlyTheBinanceAdapterUsesFeignOrJackson =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.orderlistbot.exchange.binance..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("feign..", "com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule domainHoldsNoFloatingPointMoney =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage("dev.orderlistbot.core.domain..")
          .should()
          .notHaveRawType(double.class)
          .andShould()
          .notHaveRawType(float.class)
          .andShould()
          .notHaveRawType(Double.class)
          .andShould()
          .notHaveRawType(Float.class);

  @ArchTest
  static final ArchRule noEnvironmentReadsOutsideTheApp =
      noClasses()
          .should()
          .callMethod(System.class, "getenv")
          .orShould()
          .callMethod(System.class, "getenv", String.class)
          .orShould()
          .callMethod(System.class, "getProperty", String.class)
          .orShould()
          .callMethod(System.class, "getProperty", String.class, String.class);

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("dev.orderlistbot.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles =
      slices().matching("dev.orderlistbot.core.(*)..").should().beFreeOfCycles();
}
