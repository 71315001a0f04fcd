package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.BTC;
import static dev.orderlistbot.core.rules.Given.BTCUSDT;
import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.USDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.orderlistbot.core.command.EntrySpec;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.PriceSpec;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.command.StopLossSpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any command on any market gives a result, never an exception, and an accepted request always
 * straddles as the domain requires (its records were built without throwing).
 */
class NeverThrowsTest {
  private static final List<ListKind> KINDS = List.of(ListKind.values());

  @Test
  void everyCommandOnEveryMarketIsAcceptedOrRefusedWithoutThrowing() {
    qt().withExamples(5000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      SymbolRules rules = rules(random);
      MarketSnapshot market = market(random);
      CheckResult result = CHECK.check(command(random, market.lastPrice()), rules, market);
      switch (result) {
        case CheckResult.Accepted accepted -> assertThat(accepted.preview().legs()).isNotEmpty();
        case CheckResult.Refused refused ->
            assertThat(refused.violations()).allSatisfy(v -> assertThat(v.message()).doesNotContain("E-", "E+"));
      }
    });
  }

  @Test
  void plausibleCommandsOfEveryKindAreAcceptedWithRecordsTheDomainAccepts() {
    Map<ListKind, Integer> accepted = new EnumMap<>(ListKind.class);
    qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
      Random random = new Random(seed);
      PlaceOrderList command = plausible(random);
      if (CHECK.check(command, FIXTURE, Given.last("30000")) instanceof CheckResult.Accepted ok) {
        assertThat(ok.request().kind()).isEqualTo(command.kind());
        accepted.merge(command.kind(), 1, Integer::sum);
      }
    });
    assertThat(accepted).containsOnlyKeys(ListKind.values()).allSatisfy((kind, count) -> assertThat(count).isGreaterThan(50));
  }

  /** Exits on their profit and loss sides, a stop-limit's limit beyond its stop, a base quantity. */
  private static PlaceOrderList plausible(Random random) {
    ListKind kind = KINDS.get(random.nextInt(KINDS.size()));
    Side side = kind.paysFromFill() || random.nextBoolean() ? Side.BUY : Side.SELL;
    int up = (kind.hasEntry() ? side.opposite() : side) == Side.SELL ? 1 : -1;
    boolean maker = random.nextBoolean();
    int makerSign = side == Side.BUY ? -1 : 1;
    int entrySign = maker ? makerSign : random.nextBoolean() ? 1 : -1;
    Optional<EntrySpec> entry = kind.hasEntry()
        ? Optional.of(new EntrySpec(new PriceSpec.RelativeToLast(pct(random, entrySign)), maker))
        : Optional.empty();
    BigDecimal profit = pct(random, up);
    BigDecimal loss = pct(random, -up);
    TakeProfitSpec tp = random.nextBoolean()
        ? new TakeProfitSpec.AtLimit(relative(kind, profit))
        : new TakeProfitSpec.StopLimit(relative(kind, profit), relative(kind, pct(random, up)));
    StopLossSpec sl = switch (random.nextInt(3)) {
      case 0 -> new StopLossSpec.AtStop(relative(kind, loss));
      case 1 -> new StopLossSpec.StopLimit(
          relative(kind, loss), relative(kind, loss.subtract(BigDecimal.valueOf(up).movePointLeft(1))));
      default -> new StopLossSpec.Trailing(new TrailingDelta(10 + random.nextInt(1991)));
    };
    boolean both = kind.exitIsPair();
    boolean takeProfitOnly = !both && random.nextBoolean();
    QuantitySpec quantity = new QuantitySpec.BaseAmount(BigDecimal.valueOf(100 + random.nextInt(10_000), 5));
    return new PlaceOrderList(kind, BTCUSDT, side, quantity, entry,
        both || takeProfitOnly ? Optional.of(tp) : Optional.empty(),
        both || !takeProfitOnly ? Optional.of(sl) : Optional.empty());
  }

  private static PriceSpec relative(ListKind kind, BigDecimal percent) {
    return kind.hasEntry() ? new PriceSpec.RelativeToEntry(percent) : new PriceSpec.RelativeToLast(percent);
  }

  /** 0.5% to 10%, with the given sign. */
  private static BigDecimal pct(Random random, int sign) {
    return BigDecimal.valueOf((long) sign * (50 + random.nextInt(951)), 2);
  }

  private static SymbolRules rules(Random random) {
    String tick = pick(random, "0", "0.01", "0.00000001", "1", "0.5");
    String step = pick(random, "0", "0.00001", "1", "0.001");
    SymbolRules rules = Given.with(
        new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(tick)),
        new LotSize(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(step)));
    return random.nextInt(4) != 0
        ? rules
        : Given.flags(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
  }

  private static MarketSnapshot market(Random random) {
    Map<Asset, BigDecimal> balances = Map.of(BTC, amount(random), USDT, amount(random));
    Price last = random.nextInt(5) == 0 ? new Price(positive(random)) : Price.of(pick(random, "30000", "0.0123", "1.5"));
    return new MarketSnapshot(
        last,
        random.nextBoolean() ? Optional.of(BandReference.averagePrice(near(random, last), 5)) : Optional.empty(),
        random.nextBoolean() ? Optional.of(balances) : Optional.empty(),
        counts(random),
        counts(random));
  }

  private static OpenCounts counts(Random random) {
    return new OpenCounts(
        random.nextBoolean() ? OptionalInt.of(random.nextInt(300)) : OptionalInt.empty(),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(30)) : OptionalInt.empty(),
        random.nextBoolean() ? OptionalInt.of(random.nextInt(10)) : OptionalInt.empty());
  }

  private static PlaceOrderList command(Random random, Price last) {
    ListKind kind = KINDS.get(random.nextInt(KINDS.size()));
    Side side = kind.paysFromFill() || random.nextBoolean() ? Side.BUY : Side.SELL;
    Optional<EntrySpec> entry =
        kind.hasEntry() ? Optional.of(new EntrySpec(lastPrice(random, last), random.nextBoolean())) : Optional.empty();
    boolean both = kind.exitIsPair();
    boolean takeProfitOnly = !both && random.nextBoolean();
    Optional<TakeProfitSpec> tp = both || takeProfitOnly ? Optional.of(takeProfit(random, kind, last)) : Optional.empty();
    Optional<StopLossSpec> sl = both || !takeProfitOnly ? Optional.of(stopLoss(random, kind, last)) : Optional.empty();
    return new PlaceOrderList(kind, BTCUSDT, side, quantity(random), entry, tp, sl);
  }

  private static TakeProfitSpec takeProfit(Random random, ListKind kind, Price last) {
    return random.nextBoolean()
        ? new TakeProfitSpec.AtLimit(exitPrice(random, kind, last))
        : new TakeProfitSpec.StopLimit(exitPrice(random, kind, last), exitPrice(random, kind, last));
  }

  private static StopLossSpec stopLoss(Random random, ListKind kind, Price last) {
    return switch (random.nextInt(3)) {
      case 0 -> new StopLossSpec.AtStop(exitPrice(random, kind, last));
      case 1 -> new StopLossSpec.StopLimit(exitPrice(random, kind, last), exitPrice(random, kind, last));
      default -> new StopLossSpec.Trailing(
          new TrailingDelta(random.nextInt(10) == 0 ? TrailingDelta.MAX_BIPS : 1 + random.nextInt(3000)));
    };
  }

  private static PriceSpec exitPrice(Random random, ListKind kind, Price last) {
    return kind.hasEntry() && random.nextBoolean() ? new PriceSpec.RelativeToEntry(percent(random)) : lastPrice(random, last);
  }

  private static PriceSpec lastPrice(Random random, Price last) {
    return random.nextBoolean() ? new PriceSpec.Absolute(near(random, last)) : new PriceSpec.RelativeToLast(percent(random));
  }

  private static QuantitySpec quantity(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> new QuantitySpec.BaseAmount(
          random.nextBoolean() ? positive(random) : BigDecimal.valueOf(1 + random.nextInt(100_000), 5));
      case 1 -> new QuantitySpec.QuoteAmount(positive(random), random.nextBoolean() ? USDT : BTC);
      case 2 -> new QuantitySpec.UsdAmount(positive(random));
      default -> new QuantitySpec.ShareOfFree(BigDecimal.valueOf(1 + random.nextInt(10_000), 2));
    };
  }

  private static BigDecimal percent(Random random) {
    return random.nextInt(10) == 0
        ? BigDecimal.valueOf(random.nextInt(40_000) - 9_999, 2)
        : BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 2);
  }

  /** A price within ±30% of {@code last}: exact, or rounded to one more decimal than {@code last}. */
  private static Price near(Random random, Price last) {
    BigDecimal value = last.value().multiply(BigDecimal.valueOf(7_000 + random.nextInt(6_000), 4));
    BigDecimal rounded = value.setScale(last.value().scale() + 1, RoundingMode.HALF_UP);
    return new Price(random.nextBoolean() && rounded.signum() > 0 ? rounded : value);
  }

  private static BigDecimal positive(Random random) {
    return BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), random.nextInt(12)).max(new BigDecimal("0.00000001"));
  }

  private static BigDecimal amount(Random random) {
    return BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(8));
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }
}
