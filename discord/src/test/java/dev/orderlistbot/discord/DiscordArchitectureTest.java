package dev.orderlistbot.discord;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import dev.orderlistbot.core.command.CommandSpec;
import com.tngtech.archunit.lang.ArchRule;

/** The Discord adapter's boundaries: core's ports and value types in, one public entry. */
@AnalyzeClasses(packages = "dev.orderlistbot.discord", importOptions = ImportOption.DoNotIncludeTests.class)
class DiscordArchitectureTest {

  @ArchTest
  static final ArchRule usesOnlyPortsValueTypesTheCommandTableAndJda =
      classes()
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "java..",
                      "org.slf4j..",
                      "net.dv8tion.jda.api..",
                      "dev.orderlistbot.core.port..",
                      "dev.orderlistbot.core.chat..",
                      "dev.orderlistbot.core.domain..",
                      "dev.orderlistbot.discord..")
                  .or(belongToAnyOf(CommandSpec.class)))
          .because("an adapter translates and renders; the engine, the vault and the exchanges are core's");

  @ArchTest
  static final ArchRule neverUsesJdaInternals =
      noClasses().should().dependOnClassesThat().resideInAPackage("net.dv8tion.jda.internal..");

  @ArchTest
  static final ArchRule onlyThePlatformAndItsConfigArePublic =
      classes()
          .that()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleName("DiscordChatPlatform")
          .orShould()
          .haveSimpleName("DiscordConfig");
}
