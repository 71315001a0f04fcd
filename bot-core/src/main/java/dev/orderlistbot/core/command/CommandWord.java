package dev.orderlistbot.core.command;

import java.util.Locale;
import java.util.Optional;

/**
 * The first word of a command line, {@code /name} or {@code /name@BotName} (Telegram groups):
 * {@code name} is lower case with invisible characters removed; {@code bot} is what follows the
 * first {@code @}, if anything does.
 */
record CommandWord(String typed, String name, Optional<String> bot) {

  /** The word as typed up to {@code @}: {@code /Occo} for {@code /Occo@SomeBot}. */
  String typedName() {
    int at = typed.indexOf('@');
    return at < 0 ? typed : typed.substring(0, at);
  }

  /** Splits a word that starts with {@code /}. */
  static CommandWord of(String typed) {
    String body = typed.substring(1);
    int at = body.indexOf('@');
    String name = at < 0 ? body : body.substring(0, at);
    String bot = at < 0 ? "" : body.substring(at + 1);
    return new CommandWord(
        typed, visible(name).toLowerCase(Locale.ROOT), Optional.of(bot).filter(b -> !b.isEmpty()));
  }

  /** Whether the word names a bot other than {@code username} (compared ignoring case). */
  boolean namesOtherBot(Optional<String> username) {
    return username.isPresent() && bot.isPresent() && !bot.get().equalsIgnoreCase(username.get());
  }

  /**
   * Whether the line may hold a secret: {@code /setkey}, or something so close to it (a typo, a
   * key glued to it) that the trader most likely meant it.
   */
  boolean mayCarrySecret() {
    // "/set key …" too: a cut-off /setkey is as likely as a cut-off /settings, and only one of them holds a key
    return name.startsWith(CommandSpec.SETKEY.word())
        || (name.length() >= 3 && CommandSpec.SETKEY.word().startsWith(name))
        || Suggestions.closestCommand(name).filter(CommandSpec.SETKEY::equals).isPresent();
  }

  private static String visible(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().filter(cp -> !Quote.isInvisible(cp)).forEach(out::appendCodePoint);
    return out.toString();
  }
}
