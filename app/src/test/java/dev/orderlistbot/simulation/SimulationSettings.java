package dev.orderlistbot.simulation;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * What to run, from system properties: {@code simulation.seed} (replay one), {@code
 * simulation.seeds} (how many, default 300) from {@code simulation.from} (default 1), {@code
 * simulation.faults} (see {@link Fault#parse}), {@code simulation.log} (keep the bot's logs), {@code
 * simulation.open} (also replay the kept seeds of defects not fixed yet, which must still fail).
 */
record SimulationSettings(Optional<Long> seed, int seeds, long from, Set<Fault> faults, boolean log, boolean open) {
  static final int DEFAULT_SEEDS = 300;

  static SimulationSettings from(Properties properties) {
    Optional<Long> seed = Optional.ofNullable(properties.getProperty("simulation.seed")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::parseLong);
    int seeds = Integer.parseInt(properties.getProperty("simulation.seeds", Integer.toString(DEFAULT_SEEDS)).strip());
    long from = Long.parseLong(properties.getProperty("simulation.from", "1").strip());
    Set<Fault> faults = Fault.parse(properties.getProperty("simulation.faults", "default"));
    boolean log = Boolean.parseBoolean(properties.getProperty("simulation.log", "false"));
    boolean open = Boolean.parseBoolean(properties.getProperty("simulation.open", "false"));
    return new SimulationSettings(seed, seeds, from, faults, log, open);
  }

  LongStream seedsToRun() {
    return seed.map(LongStream::of).orElseGet(() -> LongStream.range(from, from + seeds));
  }

  /** The one line that replays {@code seed} with {@code faults}, exactly. */
  static String replayCommand(long seed, Set<Fault> faults) {
    return "mvn -B -ntp -pl app -am verify -Psimulation -Dtest=SimulationTest -Dsurefire.failIfNoSpecifiedTests=false -Dsimulation.seed=" + seed
        + " -Dsimulation.faults=" + (faults.isEmpty() ? "none" : Fault.ids(faults)) + " -Dsimulation.log=true";
  }
}
