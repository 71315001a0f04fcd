package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A save encodes the accounts touched since the last one, not the whole book, and still writes the whole book's text. */
class StateTextTest extends PaperTest {

  @Test
  void aChangeToOneAccountEncodesThatAccountOnlyHoweverManyTheBookHolds() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    for (int i = 0; i < 300; i++) {
      book.account("paper-telegram-" + i);
    }
    text.encode(book);
    long before = text.accountsEncoded();

    Account one = book.account("paper-telegram-7");
    one.put(new Balance(Asset.of("USDT"), new BigDecimal("123.45"), BigDecimal.ZERO));
    String saved = text.encode(book);

    assertThat(text.accountsEncoded() - before).isEqualTo(1);
    assertThat(saved).isEqualTo(StateCodec.encode(book)).contains("free=123.45 ");
  }

  @Test
  void aNewAccountIsEncodedAndTheOthersAreReusedInTheBooksOrder() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    book.account("b");
    book.account("a");
    text.encode(book);
    long before = text.accountsEncoded();

    book.account("c");
    String saved = text.encode(book);

    assertThat(text.accountsEncoded() - before).isEqualTo(1);
    assertThat(saved).isEqualTo(StateCodec.encode(book));
    assertThat(saved.indexOf("key=b")).isLessThan(saved.indexOf("key=a"));
    assertThat(saved.indexOf("key=a")).isLessThan(saved.indexOf("key=c"));
  }

  /**
   * Every way an account changes, through the exchange, for many accounts: after each call the saved
   * text is the whole book encoded afresh, so no change is left out of a save.
   */
  @Test
  void afterEveryKindOfChangeTheSavedTextIsTheWholeBookEncodedAfresh() {
    for (int i = 0; i < 12; i++) {
      var key = paperKey("paper-telegram-" + (100 + i));
      ClientListId id = ClientListId.forKey("k" + i);
      var request = switch (i % 4) {
        case 0 -> oco(Side.SELL, "0.01", maker("32000"), stop("29000"));
        case 1 -> oco(Side.SELL, "0.02", maker("31000"), trailingStop(150));
        case 2 -> oco(Side.SELL, "0.01", maker("30500"), stopLimit("29500", "29400"));
        default -> oco(Side.BUY, "0.01", stop("30800"), maker("29000"));
      };
      assertThat(paper.place(key, request, id)).isInstanceOf(PlacementResult.Accepted.class);
      assertSavedIsWholeBook();
      paper.balances(key);
      assertSavedIsWholeBook();
    }
    paper.cancel(paperKey("paper-telegram-100"), BTCUSDT, OrderListRef.of(ClientListId.forKey("k0")));
    assertSavedIsWholeBook();
    paper.placeMarket(paperKey("paper-telegram-104"), new MarketOrderRequest(BTCUSDT, Side.SELL, new BigDecimal("0.01")), new ClientOrderId("mk-1"));
    assertSavedIsWholeBook();
    paper.amendQuantity(paperKey("paper-telegram-108"), BTCUSDT, ClientListId.forKey("k8").legId(LegRole.TAKE_PROFIT), new BigDecimal("0.005"));
    assertSavedIsWholeBook();
    // price moves: trailing stops track their extreme, stops trigger, limits fill, lists finish
    for (String price : new String[] {"30200", "30400", "30900", "30600", "29450", "29000", "30500", "31000", "32000"}) {
      paper.setPrice(BTCUSDT, Price.of(price));
      assertSavedIsWholeBook();
    }
  }

  private void assertSavedIsWholeBook() {
    assertThat(store.load().orElseThrow()).isEqualTo(paper.wholeBookEncodedAfresh());
  }
}
