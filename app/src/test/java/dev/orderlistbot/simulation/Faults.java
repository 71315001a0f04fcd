package dev.orderlistbot.simulation;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

/**
 * The faults switched on for a run, and the dice: every decision to misbehave is drawn from the
 * run's one {@link Random}. {@link #heal} ends all trouble, so the run can settle and be checked.
 */
final class Faults {
  private static final int MAX_CRASHES = 3;
  private static final double CRASH_CHANCE = 0.02;

  private final Set<Fault> on;
  private final Random random;
  private boolean healed;
  private int crashes;

  Faults(Set<Fault> on, Random random) {
    this.on = on.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(on);
    this.random = random;
  }

  boolean isOn(Fault fault) {
    return on.contains(fault);
  }

  /** Whether {@code fault} strikes now: it is on, trouble is not over, and the dice say so. */
  boolean strikes(Fault fault, double chance) {
    return on.contains(fault) && !healed && random.nextDouble() < chance;
  }

  /** The bot dies here, when crashes are on and the dice say so (at most {@code MAX_CRASHES} a run). */
  void crashPoint(String where) {
    if (crashes < MAX_CRASHES && strikes(Fault.CRASH, CRASH_CHANCE)) {
      crashes++;
      throw new SimCrash(where);
    }
  }

  int crashes() {
    return crashes;
  }

  void heal() {
    healed = true;
  }

  boolean healed() {
    return healed;
  }

  Set<Fault> on() {
    return EnumSet.copyOf(on.isEmpty() ? EnumSet.noneOf(Fault.class) : on);
  }
}
