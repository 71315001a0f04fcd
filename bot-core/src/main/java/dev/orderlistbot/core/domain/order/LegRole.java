package dev.orderlistbot.core.domain.order;

/**
 * What a leg does in its list, which names its client order id: the working (entry) order, the
 * take-profit and the stop-loss. The single pending order of an OTO or OPO is a {@link #STOP_LOSS}
 * when it is a stop-loss type and a {@link #TAKE_PROFIT} otherwise.
 */
public enum LegRole {
  WORKING("w"),
  TAKE_PROFIT("tp"),
  STOP_LOSS("sl");

  private final String suffix;

  LegRole(String suffix) {
    this.suffix = suffix;
  }

  /** The suffix appended to the list's client id, e.g. {@code tp}. */
  public String suffix() {
    return suffix;
  }

  /** The role of a lone pending leg (OTO, OPO): stop-loss types are stops, anything else takes profit. */
  public static LegRole ofPending(Leg leg) {
    return leg.type().isStopLoss() ? STOP_LOSS : TAKE_PROFIT;
  }
}
