package dev.orderlistbot.telegram;

import dev.orderlistbot.core.command.CommandSpec;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;

/**
 * The command menu Telegram shows next to the text field, built from core's command table, one for
 * private chats and one for groups. Key commands, {@code /2fa}, and {@code /orders}, {@code /status} and {@code
 * /balance} (a trader's lists and holdings), {@code /limits} (today's profit or loss) and {@code /audit} (admins' reading of the audit log), appear only in the private menu (core refuses them in
 * groups anyway, and deletes key messages); {@code /paper} is left out of both, as it works only on the paper
 * exchange (typing it still works there, and {@code /help} lists it).
 */
final class CommandMenu {
  static final Set<CommandSpec> PRIVATE_ONLY =
      EnumSet.of(
          CommandSpec.SETKEY,
          CommandSpec.KEYGEN,
          CommandSpec.DELKEY,
          CommandSpec.KEYS,
          CommandSpec.START,
          CommandSpec.ORDERS,
          CommandSpec.STATUS,
          CommandSpec.BALANCE,
          CommandSpec.AUDIT,
          CommandSpec.LIMITS,
          CommandSpec.TWOFA);
  static final Set<CommandSpec> NOT_LISTED = EnumSet.of(CommandSpec.PAPER);
  private static final int MAX_DESCRIPTION = 256;

  private CommandMenu() {}

  static SetMyCommands forPrivateChats() {
    return SetMyCommands.builder()
        .scope(new BotCommandScopeAllPrivateChats())
        .commands(commands(false))
        .build();
  }

  static SetMyCommands forGroups() {
    return SetMyCommands.builder()
        .scope(new BotCommandScopeAllGroupChats())
        .commands(commands(true))
        .build();
  }

  private static List<BotCommand> commands(boolean group) {
    return Arrays.stream(CommandSpec.values())
        .filter(spec -> !NOT_LISTED.contains(spec))
        .filter(spec -> !(group && PRIVATE_ONLY.contains(spec)))
        .map(spec -> new BotCommand(spec.word(), description(spec)))
        .toList();
  }

  private static String description(CommandSpec spec) {
    String summary = spec.summary();
    return summary.length() <= MAX_DESCRIPTION ? summary : summary.substring(0, MAX_DESCRIPTION - 1) + "…";
  }
}
