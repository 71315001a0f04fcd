package dev.orderlistbot.app;

/**
 * Whether the bot draws charts (issue 17).
 *
 * @param on {@code BOT_CHARTS}: {@code on}, the default, draws a chart on previews, on order cards
 *     once their list trades, and for {@code /chart}; {@code off} sends text alone everywhere
 *     (each trader can also turn charts off for themselves with {@code /settings charts off})
 */
record ChartSettings(boolean on) {
  static final String CHARTS = "BOT_CHARTS";

  /** The values the variable takes. */
  private enum Choice {
    ON,
    OFF
  }

  static ChartSettings from(Env env) {
    return new ChartSettings(env.choice(CHARTS, Choice.class, Choice.ON) == Choice.ON);
  }
}
