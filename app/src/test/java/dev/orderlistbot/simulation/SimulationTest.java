package dev.orderlistbot.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The seeded fault simulation (issue 14): the real engine, router, outbox, dispatcher and stores on
 * H2, everything around them simulated from one seed, then the invariants. {@code mvn verify} runs
 * {@value SimulationSettings#DEFAULT_SEEDS} seeds under the default faults; {@code -Psimulation}
 * with {@code -Dsimulation.seeds=N}, {@code -Dsimulation.seed=S} and {@code -Dsimulation.faults=...}
 * runs more, one, or other faults. A failure prints each failing seed and the line that replays it.
 */
class SimulationTest {
  /** Every seed that ever failed, with what it found. */
  static final List<Regression> REGRESSIONS = List.of();

  private final SimulationSettings settings = SimulationSettings.from(System.getProperties());

  @Test
  void everySeedKeepsEveryInvariantUnderTheChosenFaults() {
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    long[] seedList = settings.seedsToRun().toArray();
    QuietLogs.during(
        !settings.log(),
        () -> {
          for (long seed : seedList) {
            Simulation.Result result = run(seed, settings.faults());
            if (!result.violations().isEmpty()) {
              failures.add(describe(result, settings.faults()));
            }
          }
          return failures;
        });
    int seeds = seedList.length;
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("simulation: %d seed(s) with faults %s in %.1f s (%.1f seeds/s)%n", seeds, Fault.ids(settings.faults()), seconds, seeds / seconds);
    if (!failures.isEmpty()) {
      fail(failures.size() + " of " + seeds + " seed(s) broke an invariant:\n" + String.join("\n", failures));
    }
  }

  @TestFactory
  Stream<DynamicTest> everySeedThatEverFailedIsReplayed() {
    return REGRESSIONS.stream()
        .map(r -> DynamicTest.dynamicTest("seed " + r.seed() + " (" + r.faults() + "): " + r.found(), () -> replay(r)));
  }

  @Test
  void aSeedReplaysTheSameRunTaskForTask() {
    Set<Fault> all = Fault.parse("all");
    Simulation.Result first = QuietLogs.during(!settings.log(), () -> run(7, all));
    Simulation.Result second = QuietLogs.during(!settings.log(), () -> run(7, all));

    assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
    assertThat(second.tasks()).isEqualTo(first.tasks());
    assertThat(first.tasks()).isGreaterThan(100);
  }

  private void replay(Regression regression) {
    Simulation.Result result = QuietLogs.during(!settings.log(), () -> run(regression.seed(), regression.faultSet()));
    if (regression.open()) {
      assertThat(result.violations())
          .as("seed %d no longer breaks %s; if defect \"%s\" was fixed, mark its regression closed. Replay: %s",
              regression.seed(), regression.invariant(), regression.found(), regression.replayCommand())
          .anyMatch(v -> v.startsWith(regression.invariant() + ":"));
    } else {
      assertThat(result.violations()).as(describe(result, regression.faultSet())).isEmpty();
    }
  }

  private static Simulation.Result run(long seed, Set<Fault> faults) {
    return new Simulation(seed, faults, Long.toString(seed)).run();
  }

  private String describe(Simulation.Result result, Set<Fault> faults) {
    return (settings.log() ? result.observation().describe() : "")
        + "  seed " + result.seed() + " (" + result.summary() + "): " + String.join("; ", result.violations())
        + "\n    replay: " + SimulationSettings.replayCommand(result.seed(), faults);
  }
}
