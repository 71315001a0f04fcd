package dev.orderlistbot.telegram;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.orderlistbot.core.command.CommandSpec;

/** The adapter's place in the architecture, as rules (STYLE.md habits 6 and 13). */
@AnalyzeClasses(packages = "dev.orderlistbot.telegram", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule usesOnlyCorePortsTheirValueTypesAndTheTelegramStack =
      classes()
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "java..",
                      "com.sun.net.httpserver..", // the JDK's HTTP server, for the webhook
                      "dev.orderlistbot.telegram..",
                      "dev.orderlistbot.core.port..",
                      "dev.orderlistbot.core.chat..",
                      "dev.orderlistbot.core.domain..",
                      "org.telegram..",
                      "okhttp3..",
                      "com.fasterxml.jackson..",
                      "org.slf4j..")
                  .or(describe("the command table", (JavaClass c) -> c.isEquivalentTo(CommandSpec.class))))
          .because("an adapter knows core only through its ports, and never another adapter");

  @ArchTest
  static final ArchRule onlyTheEntryAndItsConfigArePublic =
      classes()
          .that()
          .haveModifier(JavaModifier.PUBLIC)
          .should()
          .haveNameMatching("dev\\.orderlistbot\\.telegram\\.(TelegramChatPlatform|TelegramConfig|TelegramWebhookConfig)")
          .because("everything but the entry and its config is package-private");
}
