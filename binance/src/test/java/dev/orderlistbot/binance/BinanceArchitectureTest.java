package dev.orderlistbot.binance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Binance adapter's boundaries: bot-core's domain, rules and ports in, Binance's wire kept inside. */
@AnalyzeClasses(packages = "dev.orderlistbot.binance", importOptions = ImportOption.DoNotIncludeTests.class)
class BinanceArchitectureTest {

  @ArchTest
  static final ArchRule usesOnlyCoresDomainRulesAndPorts =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.orderlistbot.core.engine..",
              "dev.orderlistbot.core.command..",
              "dev.orderlistbot.core.chat..",
              "dev.orderlistbot.core.security..",
              "dev.orderlistbot.paper..",
              "dev.orderlistbot.db..",
              "dev.orderlistbot.telegram..",
              "dev.orderlistbot.discord..",
              "dev.orderlistbot.app..")
          .because("an exchange adapter implements bot-core's ports and knows no engine, vault or other adapter");

}
