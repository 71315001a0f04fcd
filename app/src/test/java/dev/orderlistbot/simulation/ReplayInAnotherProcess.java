package dev.orderlistbot.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Runs one seed and prints what it did, as one line: the entry point {@link SimulationTest} starts
 * in fresh JVMs to prove that a seed replays the same in every process, not just twice in one (an
 * iteration order that a JVM picks at start-up, such as {@code Map.copyOf}'s, breaks only that).
 */
final class ReplayInAnotherProcess {
  static final String PREFIX = "replay: ";

  private ReplayInAnotherProcess() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    Simulation.Result result = QuietLogs.during(true, () -> new Simulation(seed, Fault.parse(args[1]), "replay-" + seed).run());
    System.out.println(PREFIX + result.tasks() + " tasks, run " + digest(result.fingerprint()) + ", violations " + result.violations());
  }

  private static String digest(String fingerprint) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
