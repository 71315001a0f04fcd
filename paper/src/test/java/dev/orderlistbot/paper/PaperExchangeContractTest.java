package dev.orderlistbot.paper;

import dev.orderlistbot.testing.MutableClock;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.ExchangeClientContract;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The shared exchange contract on the paper exchange; its default account needs no arranging. */
class PaperExchangeContractTest extends ExchangeClientContract {
  private ScheduledExecutorService scheduler;
  private PaperExchange paper;

  @BeforeEach
  void open() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    paper =
        PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(),
            new MutableClock(Instant.parse("2026-03-01T10:00:00Z")),
            scheduler,
            new Random(1),
            (owner, update) -> {},
            PaperStateStore.inMemory());
  }

  @AfterEach
  void close() {
    paper.close();
    scheduler.shutdownNow();
  }

  @Override
  protected ExchangeClient exchange() {
    return paper;
  }

  @Override
  protected ApiCredentials credentials() {
    return PaperTest.paperKey("paper-contract");
  }

  @Override
  protected void givenTheNextOcoIsAccepted(ClientListId id) {}

  @Override
  protected void givenTheAccountCannotAffordTheOco() {}

  @Override
  protected void givenNothingIsKnown() {}

  @Override
  protected void givenTheOcoShowsOpen(PlacedOrderList list) {}
}
