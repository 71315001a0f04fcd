package dev.orderlistbot.binance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The {@link OcoSigningBenchmark} cases timed in thread CPU time, each bot case paired with its
 * connector case in alternating short batches: for a machine shared with other work, where JMH's
 * wall-clock scores move with the neighbours' load. A batch runs one case about 5 ms; a round runs
 * every case once (the pair's order alternates), so a slow spell hits both sides of a pair alike.
 * Reports, per case, the median CPU time per signed request with its 25th and 75th percentiles,
 * and per pair the median of the per-round ratios (bot / connector) with the 95% confidence
 * interval of that median (order statistics) and the rounds' 25th and 75th percentiles. CPU time
 * of the measuring thread only: a garbage collector's own threads are not counted (JMH's {@code
 * -prof gc} gives the allocation).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.orderlistbot.binance.OcoSigningCpuTime
 * [rounds]}. It only calls the benchmark's public methods, so it also runs against a jar built from
 * an earlier commit (compile this one file against that jar), for before and after in one session.
 */
public final class OcoSigningCpuTime {
  private static final long BATCH_NANOS = 5_000_000L;

  private OcoSigningCpuTime() {}

  private record Case(String name, Supplier<Object> op) {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    OcoSigningBenchmark bench = new OcoSigningBenchmark();
    bench.setUp();
    try {
      List<Case[]> pairs =
          List.of(
              new Case[] {
                new Case("HMAC bot", bench::signHmacOrderlistBot), new Case("HMAC connector", bench::signHmacOfficialConnector)
              },
              new Case[] {
                new Case("Ed25519 bot", bench::signEd25519OrderlistBot),
                new Case("Ed25519 connector", bench::signEd25519OfficialConnector)
              },
              new Case[] {
                new Case("RSA bot", bench::signRsaOrderlistBot), new Case("RSA connector", bench::signRsaOfficialConnector)
              });
      run(pairs, rounds);
    } finally {
      bench.tearDown();
    }
  }

  private static void run(List<Case[]> pairs, int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sink = 0;
    int[][] batch = new int[pairs.size()][2];
    for (int p = 0; p < pairs.size(); p++) {
      for (int side = 0; side < 2; side++) {
        Case c = pairs.get(p)[side];
        sink += warm(c, threads);
        batch[p][side] = batchSize(c, threads);
      }
    }
    double[][][] perOp = new double[pairs.size()][2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int p = 0; p < pairs.size(); p++) {
        for (int k = 0; k < 2; k++) {
          int side = (r + k) % 2; // alternate which side of the pair goes first
          Case c = pairs.get(p)[side];
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < batch[p][side]; i++) {
            sink += consume(c.op().get());
          }
          perOp[p][side][r] = (threads.getCurrentThreadCpuTime() - start) / (double) batch[p][side];
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d rounds, batches of about 5 ms, CPU time per signed request (sink %d)%n", rounds, sink & 1);
    for (int p = 0; p < pairs.size(); p++) {
      for (int side = 0; side < 2; side++) {
        double[] sorted = perOp[p][side].clone();
        Arrays.sort(sorted);
        System.out.printf(
            Locale.ROOT,
            "%-18s median %10.3f us  (p25 %10.3f, p75 %10.3f)%n",
            pairs.get(p)[side].name(),
            at(sorted, 0.5) / 1000,
            at(sorted, 0.25) / 1000,
            at(sorted, 0.75) / 1000);
      }
      double[] ratios = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratios[r] = perOp[p][0][r] / perOp[p][1][r];
      }
      Arrays.sort(ratios);
      // the median's 95% confidence interval from order statistics: ranks n/2 -+ 1.96 sqrt(n) / 2
      int half = (int) Math.ceil(1.96 * Math.sqrt(rounds) / 2);
      System.out.printf(
          Locale.ROOT,
          "%-18s ratio bot/connector: median %.3f  (95%% CI of the median %.3f to %.3f; rounds p25 %.3f, p75 %.3f)%n",
          pairs.get(p)[0].name().substring(0, pairs.get(p)[0].name().indexOf(' ')),
          at(ratios, 0.5),
          ratios[Math.max(0, rounds / 2 - half)],
          ratios[Math.min(rounds - 1, rounds / 2 + half)],
          at(ratios, 0.25),
          at(ratios, 0.75));
    }
  }

  /** Runs a case for about two seconds of CPU time so the JIT has compiled it. */
  private static long warm(Case c, ThreadMXBean threads) {
    long sink = 0;
    long end = threads.getCurrentThreadCpuTime() + 2_000_000_000L;
    while (threads.getCurrentThreadCpuTime() < end) {
      for (int i = 0; i < 10; i++) {
        sink += consume(c.op().get());
      }
    }
    return sink;
  }

  /** How many operations take about {@link #BATCH_NANOS} of CPU time. */
  private static int batchSize(Case c, ThreadMXBean threads) {
    List<Double> samples = new ArrayList<>();
    for (int s = 0; s < 5; s++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < 20; i++) {
        consume(c.op().get());
      }
      samples.add((threads.getCurrentThreadCpuTime() - start) / 20.0);
    }
    double nanosPerOp = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray()[2];
    return (int) Math.max(1, Math.round(BATCH_NANOS / Math.max(1.0, nanosPerOp)));
  }

  /** Uses the result at a constant cost for both sides (a String's hash would cost the connector). */
  private static int consume(Object signed) {
    return signed instanceof byte[] bytes ? bytes.length : ((String) signed).length();
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))];
  }
}
