package dev.orderlistbot.simulation;

/**
 * The bot's process dies here. An {@link Error}, so that the engine's {@code catch
 * (RuntimeException)} blocks let it through, as they would let a real kill through: nothing after
 * this point of the current call runs.
 */
final class SimCrash extends Error {
  private static final long serialVersionUID = 1L;

  SimCrash(String where) {
    super("simulated crash " + where, null, false, false);
  }
}
