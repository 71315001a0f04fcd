package dev.orderlistbot.discord;

import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/**
 * Autocomplete for the {@code symbol} option: the exchange's symbols that start with what was typed
 * (any case), in alphabetical order, at most Discord's 25.
 */
final class SymbolChoices {
  static final int MAX = OptionData.MAX_CHOICES;

  private SymbolChoices() {}

  static List<Command.Choice> matching(List<String> symbols, String typed) {
    String prefix = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    return symbols.stream()
        .map(symbol -> symbol.toUpperCase(Locale.ROOT))
        .filter(symbol -> symbol.startsWith(prefix))
        .distinct()
        .sorted()
        .limit(MAX)
        .map(symbol -> new Command.Choice(symbol, symbol))
        .toList();
  }
}
