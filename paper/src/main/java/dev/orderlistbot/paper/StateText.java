package dev.orderlistbot.paper;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The book as the text {@link StateCodec} writes, for each save, re-encoding only the accounts the
 * book {@linkplain Book#takeTouched touched} since the last call and reusing the text of the others.
 * The result is always the whole book, equal to {@link StateCodec#encode} of it: what is saved does
 * not change, only what it costs. Before, every save encoded every account (with 1,000 accounts
 * under the load harness's burst of placements, 40% of the placements' CPU samples; 8 to 9 ms a
 * change in {@code PaperSaveCpuTime}); now a save costs the touched accounts' encoding plus copying
 * the others' text (0.4 ms a change there). See docs/performance.md, issue 19, third session.
 *
 * <p>Not thread-safe: called under the exchange's lock only, like the book.
 */
final class StateText {
  private final Map<String, String> accounts = new HashMap<>();
  private int lastLength = 1024;
  private long accountsEncoded;

  /** The whole book as text, equal to {@link StateCodec#encode}. */
  String encode(Book book) {
    Set<String> touched = book.takeTouched();
    StringBuilder out = new StringBuilder(lastLength + 1024);
    StateCodec.head(out, book);
    for (Account account : book.accounts.values()) {
      String text = accounts.get(account.apiKey);
      if (text == null || touched.contains(account.apiKey)) {
        StringBuilder one = new StringBuilder(text == null ? 256 : text.length() + 128);
        StateCodec.account(one, account);
        text = one.toString();
        accounts.put(account.apiKey, text);
        accountsEncoded++;
      }
      out.append(text);
    }
    String whole = StateCodec.end(out);
    lastLength = whole.length();
    return whole;
  }

  /** How many account records were encoded so far, over all calls. */
  long accountsEncoded() {
    return accountsEncoded;
  }
}
