package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The invariant {@code unguarded-position-said}: what a list the bot placed bought (its entry's fill)
 * or protected (an OCO's quantity) and is, at the settled end, held with nothing working on it (not
 * closed by its exits, not sold by the trader's /close, not protected again by a /movestop's new
 * list) was said, in the chat the list was placed from or in a chat where the trader's action on it
 * was answered, by a sentence that names the list and says the position is unprotected. An OCO its
 * trader asked to cancel is not judged (see {@link Observation.Position#unguarded}), nor a position
 * whose chats include one the bot was removed from.
 */
final class UnguardedPositions {
  static final String UNGUARDED_POSITION_SAID = "unguarded-position-said";

  /** A panic's answer has one line per list, each a bullet; a line may run on over several lines. */
  private static final Pattern ITEMS = Pattern.compile("\n• ");

  private UnguardedPositions() {}

  static void check(Observation run, List<String> broken) {
    for (Observation.Position position : run.positions()) {
      if (position.unguarded().signum() == 0) {
        continue;
      }
      Set<ChatRef> chats = new LinkedHashSet<>();
      chats.add(position.chat());
      chats.addAll(position.actedFrom());
      if (chats.stream().anyMatch(run.goneChats()::contains)) {
        continue;
      }
      boolean said =
          Stream.concat(run.notices().stream(), run.shown().stream())
              .anyMatch(message -> chats.contains(message.chat()) && saysUnguarded(message.text(), position));
      if (!said) {
        broken.add(UNGUARDED_POSITION_SAID + ": " + position.name() + " left " + position.unguarded().toPlainString()
            + " held with nothing working on it, and " + chats + " never heard so");
      }
    }
  }

  /**
   * Whether {@code text} says of the position's list that what it held has no exit: the ⚠️ notices
   * (exits ended or cancelled after the entry filled, an entry cancelled or expired after a partial
   * fill, an exit expired), a cancel's "held with no take-profit or stop-loss", a failed close or
   * stop move ("has NO stop now", "held with no order protecting it", a market order not confirmed),
   * a panic close that cancelled a list and "closed nothing".
   * A plain "✖ Cancelled …" or "⏹ … is closed" does not say it.
   */
  static boolean saysUnguarded(String text, Observation.Position position) {
    String name = position.name();
    // a stop move's settlement names the old list without its kind: BTCUSDT #8
    String shortName = name.substring(0, name.indexOf(' ')) + " " + name.substring(name.lastIndexOf('#'));
    return ITEMS.splitAsStream(text)
        .anyMatch(item -> (names(item, name) || names(item, shortName)) && unguardedWords(item));
  }

  private static boolean unguardedWords(String item) {
    if (item.contains(" taken off will have no ")) {
      // a /reduce's preview: what the trader chooses to take off, not a position left unguarded
      return false;
    }
    String lower = item.toLowerCase(Locale.ROOT);
    return lower.contains(" has no ")
        || lower.contains(" have no ")
        || lower.contains(" held with no ")
        || lower.contains(" still held, with no order")
        || item.contains("did not confirm the MARKET")
        // a panic close's cancel of a list its user did not place (another user's, on a shared account)
        || item.contains(" closed nothing");
  }

  /** Whether {@code text} names the list: its name, not as the start of a longer id ({@code #8} in {@code #81}). */
  static boolean names(String text, String name) {
    for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      int after = at + name.length();
      if (after == text.length() || !Character.isDigit(text.charAt(after))) {
        return true;
      }
    }
    return false;
  }
}
