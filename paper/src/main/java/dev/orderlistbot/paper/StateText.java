package dev.orderlistbot.paper;

/**
 * The book as the text {@link StateCodec} writes, for each save.
 *
 * <p>Not thread-safe: called under the exchange's lock only.
 */
final class StateText {
  private long accountsEncoded;

  /** The whole book as text, equal to {@link StateCodec#encode}. */
  String encode(Book book) {
    StringBuilder out = new StringBuilder();
    StateCodec.head(out, book);
    for (Account account : book.accounts.values()) {
      StateCodec.account(out, account);
      accountsEncoded++;
    }
    return StateCodec.end(out);
  }

  /** How many account records were encoded so far, over all calls. */
  long accountsEncoded() {
    return accountsEncoded;
  }
}
