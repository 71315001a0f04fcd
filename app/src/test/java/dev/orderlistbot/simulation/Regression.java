package dev.orderlistbot.simulation;

import java.util.Set;

/**
 * A seed that once broke an invariant, kept for ever with the faults it ran under and what it found.
 *
 * @param open true while the defect it found is not fixed: the seed must still break {@code
 *     invariant} (when it stops, the fix landed: make it false, and the seed must then pass)
 */
record Regression(long seed, String faults, String invariant, boolean open, String found) {
  Set<Fault> faultSet() {
    return Fault.parse(faults);
  }

  String replayCommand() {
    return SimulationSettings.replayCommand(seed, faultSet());
  }
}
