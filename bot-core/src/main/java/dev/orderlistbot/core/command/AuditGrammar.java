package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;

/**
 * {@code /audit [USER] [N]}: USER is {@code platform:id} (the form of {@code BOT_ADMINS}), N a whole
 * number from 1 to {@link Command.ShowAudit#MAX_COUNT}. A bare number is always N, never a user, so
 * a Telegram id must be written with its platform.
 */
final class AuditGrammar {
  private AuditGrammar() {}

  static Read<Command> read(Args args) {
    Optional<UserRef> user = Optional.empty();
    if (args.hasNext() && args.peek().indexOf(':') >= 0) {
      String word = args.next();
      Optional<UserRef> named = user(word);
      if (named.isEmpty()) {
        return Read.fail(ParseMessages.notAnAuditUser(word));
      }
      user = named;
    }
    int count = Command.ShowAudit.DEFAULT_COUNT;
    if (args.hasNext()) {
      String word = args.next();
      Optional<Integer> n = count(word);
      if (n.isEmpty()) {
        return Read.fail(
            user.isEmpty() && !Character.isDigit(word.charAt(0))
                ? ParseMessages.notAnAuditUser(word)
                : ParseMessages.notAnAuditCount(word, Command.ShowAudit.MAX_COUNT));
      }
      count = n.get();
    }
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), CommandSpec.AUDIT));
    }
    return Read.ok(new Command.ShowAudit(user, count));
  }

  private static Optional<UserRef> user(String word) {
    int colon = word.indexOf(':');
    try {
      return Optional.of(new UserRef(Words.lower(word.substring(0, colon)), word.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> count(String word) {
    if (word.isEmpty() || word.length() > 3 || !word.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    int n = Integer.parseInt(word);
    return n >= 1 && n <= Command.ShowAudit.MAX_COUNT ? Optional.of(n) : Optional.empty();
  }
}
