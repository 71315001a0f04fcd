package dev.orderlistbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules inside bot-core (STYLE.md habit 13), as tests rather than wiki pages. What
 * bot-core may depend on at all is also a Maven enforcer rule in its pom.
 */
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
          // the chart package's values (a candle interval) are plain values, like the domain's
          .resideInAnyPackage(
              "java..", "dev.orderlistbot.core.domain..", "dev.orderlistbot.core.chart..", "dev.orderlistbot.core.command..");

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
  static final ArchRule coreImportsNoNetworkJsonDatabaseChatOrAdapter =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net.http..",
              "feign..",
              "okhttp3..",
              "org.java_websocket..",
              "com.fasterxml.jackson..",
              "java.sql..",
              "javax.sql..",
              "org.h2..",
              "org.flywaydb..",
              "com.zaxxer..",
              "org.telegram..",
              "net.dv8tion..",
              "dev.orderlistbot.binance..",
              "dev.orderlistbot.paper..",
              "dev.orderlistbot.db..",
              "dev.orderlistbot.telegram..",
              "dev.orderlistbot.discord..",
              "dev.orderlistbot.app..")
          .because("bot-core is the domain, the rules, the engine and the ports; adapters plug into it (the "
              + "pom's enforcer rule bans the libraries too)");

  @ArchTest
  static final ArchRule everythingLivesUnderCore =
      classes().should().resideInAPackage("dev.orderlistbot.core..");

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
  static final ArchRule corePackagesAreFreeOfCycles =
      slices().matching("dev.orderlistbot.core.(*)..").should().beFreeOfCycles();
}
