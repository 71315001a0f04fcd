package dev.orderlistbot.core.domain;

/**
 * The money and count limits of the safety rails, each an operator ceiling a trader may lower for
 * themselves with {@code /limits}: the notional of one list and of one UTC day (in USDT), the open
 * lists at once, and the realised loss of one UTC day (in USDT) that halts new placements.
 */
public enum LimitKind {
  PER_LIST("list", "per-list limit"),
  PER_DAY("day", "daily notional limit"),
  OPEN_LISTS("open", "open-list limit"),
  DAILY_LOSS("loss", "daily loss limit");

  private final String word;
  private final String title;

  LimitKind(String word, String title) {
    this.word = word;
    this.title = title;
  }

  /** The word of {@code /limits WORD N}: {@code list}, {@code day}, {@code open}, {@code loss}. */
  public String word() {
    return word;
  }

  /** How a sentence names it: "per-list limit". */
  public String title() {
    return title;
  }

  /** Whether it counts lists (a whole number) rather than USDT. */
  public boolean counts() {
    return this == OPEN_LISTS;
  }
}
