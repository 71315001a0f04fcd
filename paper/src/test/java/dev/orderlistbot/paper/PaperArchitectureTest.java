package dev.orderlistbot.paper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The paper exchange's boundaries: bot-core's domain, candles, rules and ports, SLF4J and the JDK, nothing else. */
@AnalyzeClasses(packages = "dev.orderlistbot.paper", importOptions = ImportOption.DoNotIncludeTests.class)
class PaperArchitectureTest {

  @ArchTest
  static final ArchRule usesOnlyCoresDomainRulesAndPortsAndTheJdk =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.slf4j..",
              "dev.orderlistbot.core.domain..",
              "dev.orderlistbot.core.chart..",
              "dev.orderlistbot.core.rules..",
              "dev.orderlistbot.core.port..",
              "dev.orderlistbot.paper..")
          .because("the simulated exchange needs no network, JSON or database, and knows no engine or adapter");

  @ArchTest
  static final ArchRule onlyTheExchangeAndItsSettingsArePublic =
      classes()
          .that()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleName("PaperExchange")
          .orShould()
          .haveSimpleName("PaperConfig");
}
