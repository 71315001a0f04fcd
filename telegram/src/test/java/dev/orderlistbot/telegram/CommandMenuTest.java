package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

class CommandMenuTest {

  @Test
  void privateMenuListsTheOrderListAndKeyCommands() {
    SetMyCommands menu = CommandMenu.forPrivateChats();

    assertThat(menu.getScope().getType()).isEqualTo("all_private_chats");
    assertThat(menu.getCommands())
        .extracting(BotCommand::getCommand)
        .contains("oco", "oto", "otoco", "opo", "opoco", "cancel", "orders", "setkey", "keygen", "delkey", "keys", "help", "2fa");
  }

  @Test
  void groupMenuLeavesOutKeyCommandsAndWhatOnlyAnswersInPrivate() {
    SetMyCommands menu = CommandMenu.forGroups();

    assertThat(menu.getScope().getType()).isEqualTo("all_group_chats");
    assertThat(menu.getCommands())
        .extracting(BotCommand::getCommand)
        .contains("oco", "cancel", "alerts", "help")
        .doesNotContain("setkey", "keygen", "delkey", "keys", "start", "orders", "status", "balance", "2fa");
  }

  @Test
  void tradeManagementCommandsAreInBothMenusLikeCancel() {
    assertThat(CommandMenu.forPrivateChats().getCommands())
        .extracting(BotCommand::getCommand)
        .contains("movestop", "reduce", "close");
    assertThat(CommandMenu.forGroups().getCommands())
        .extracting(BotCommand::getCommand)
        .contains("movestop", "reduce", "close");
  }

  @Test
  void auditIsInThePrivateMenuOnlyAsItAnswersOnlyThere() {
    assertThat(CommandMenu.forPrivateChats().getCommands()).extracting(BotCommand::getCommand).contains("audit");
    assertThat(CommandMenu.forGroups().getCommands()).extracting(BotCommand::getCommand).doesNotContain("audit");
  }

  @Test
  void paperCommandIsInNeitherMenu() {
    assertThat(CommandMenu.forPrivateChats().getCommands()).extracting(BotCommand::getCommand).doesNotContain("paper");
    assertThat(CommandMenu.forGroups().getCommands()).extracting(BotCommand::getCommand).doesNotContain("paper");
  }

  @Test
  void everyEntryIsOneTelegramAccepts() {
    for (SetMyCommands menu : new SetMyCommands[] {CommandMenu.forPrivateChats(), CommandMenu.forGroups()}) {
      assertThat(menu.getCommands())
          .allSatisfy(
              c -> {
                assertThat(c.getCommand()).matches("[a-z0-9_]{1,32}");
                assertThat(c.getDescription()).hasSizeBetween(1, 256);
              });
    }
  }
}
