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
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A save encodes the accounts touched since the last one and writes those that changed, and the saves add up to the whole book. */
class StateTextTest extends PaperTest {

  @Test
  void aChangeToOneAccountEncodesAndWritesThatAccountOnlyHoweverManyTheBookHolds() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    PaperStateStore memory = PaperStateStore.inMemory();
    for (int i = 0; i < 300; i++) {
      book.account("paper-telegram-" + i);
    }
    saveChange(text, book, memory);
    long before = text.accountsEncoded();

    Account one = book.account("paper-telegram-7");
    one.put(new Balance(Asset.of("USDT"), new BigDecimal("123.45"), BigDecimal.ZERO));
    PaperStateChange change = saveChange(text, book, memory);

    assertThat(text.accountsEncoded() - before).isEqualTo(1);
    assertThat(change.accounts()).extracting(PaperState.Section::key).containsExactly("paper-telegram-7");
    assertThat(change.rest()).isEmpty();
    assertThat(StateCodec.joined(memory.load().orElseThrow())).isEqualTo(StateCodec.encode(book)).contains("free=123.45 ");
  }

  @Test
  void anAccountOnlyReadIsEncodedAgainButNotWritten() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    book.account("a");
    text.saved(text.change(book));

    book.account("a");

    assertThat(text.change(book).isEmpty()).isTrue();
  }

  @Test
  void aNewAccountIsWrittenAfterTheOthersInTheBooksOrder() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    PaperStateStore memory = PaperStateStore.inMemory();
    book.account("b");
    book.account("a");
    saveChange(text, book, memory);
    long before = text.accountsEncoded();

    book.account("c");
    PaperStateChange change = saveChange(text, book, memory);

    assertThat(text.accountsEncoded() - before).isEqualTo(1);
    assertThat(change.accounts()).extracting(PaperState.Section::key).containsExactly("c");
    assertThat(memory.load().orElseThrow().accounts()).extracting(PaperState.Section::key).containsExactly("b", "a", "c");
    assertThat(StateCodec.joined(memory.load().orElseThrow())).isEqualTo(StateCodec.encode(book));
  }

  @Test
  void aChangeTheStoreDidNotTakeIsWrittenAgainWithTheNextOne() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    book.account("a");
    book.account("b");
    text.saved(text.change(book));

    book.account("a").put(new Balance(Asset.of("USDT"), new BigDecimal("1"), BigDecimal.ZERO));
    text.change(book); // the save failed: not confirmed
    book.account("b").put(new Balance(Asset.of("USDT"), new BigDecimal("2"), BigDecimal.ZERO));
    PaperStateChange next = text.change(book);

    assertThat(next.accounts()).extracting(PaperState.Section::key).containsExactly("a", "b");
  }

  @Test
  void newAccountsOfAChangeTheStoreDidNotTakeKeepTheBooksOrderInTheNextOne() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    PaperStateStore memory = PaperStateStore.inMemory();
    book.account("b");
    book.account("a");
    saveChange(text, book, memory);

    book.account("c");
    text.change(book); // the save failed: not confirmed
    book.account("d");
    book.account("a").put(new Balance(Asset.of("USDT"), new BigDecimal("3"), BigDecimal.ZERO));
    PaperStateChange next = saveChange(text, book, memory);

    assertThat(next.accounts()).extracting(PaperState.Section::key).containsExactlyInAnyOrder("a", "c", "d");
    assertThat(memory.load().orElseThrow().accounts()).extracting(PaperState.Section::key).containsExactly("b", "a", "c", "d");
    assertThat(StateCodec.joined(memory.load().orElseThrow())).isEqualTo(StateCodec.encode(book));
  }

  @Test
  void anAccountGoneFromTheBookIsRemovedFromTheStore() {
    Book book = Book.fresh(Markets.bundled(), config(), START);
    StateText text = new StateText();
    PaperStateStore memory = PaperStateStore.inMemory();
    book.account("a");
    book.account("b");
    saveChange(text, book, memory);

    book.accounts.remove("a");
    PaperStateChange change = saveChange(text, book, memory);

    assertThat(change.removed()).containsExactly("a");
    assertThat(StateCodec.joined(memory.load().orElseThrow())).isEqualTo(StateCodec.encode(book));
  }

  @Test
  void aPlacementForOneOfManyAccountsWritesThatAccountOnly() {
    List<PaperStateChange> changes = new ArrayList<>();
    PaperStateStore recording = new PaperStateStore() {
      @Override
      public Optional<PaperState> load() {
        return store.load();
      }

      @Override
      public void save(PaperStateChange change) {
        changes.add(change);
        store.save(change);
      }
    };
    paper.close();
    paper = PaperExchange.create(config(), clock, scheduler, new Random(1), events, recording);
    for (int i = 0; i < 40; i++) {
      paper.balances(paperKey("paper-telegram-" + i));
    }
    changes.clear();

    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ClientListId.forKey("one"));
    paper.cancel(ALICE_KEY, BTCUSDT, OrderListRef.of(ClientListId.forKey("one")));

    assertThat(changes).hasSize(2).allSatisfy(change ->
        assertThat(change.accounts()).extracting(PaperState.Section::key).containsExactly(ALICE_KEY.apiKey()));
    assertSavedIsWholeBook();
  }

  @Test
  void aStateSavedWholeBeforeIssue19LoadsIntoTheSameBookAndIsRewrittenOneAccountARow() {
    for (int i = 0; i < 5; i++) {
      paper.place(paperKey("paper-telegram-" + i), oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ClientListId.forKey("o" + i));
    }
    String whole = paper.wholeBookEncodedAfresh();
    paper.close();
    PaperStateStore upgraded = PaperStateStore.inMemory();
    // how a database store answers the one row the code before issue 19 wrote
    upgraded.save(new PaperStateChange(Optional.of(whole), List.of(), Set.of()));

    paper = PaperExchange.create(config(), clock, scheduler, new Random(1), events, upgraded);

    assertThat(paper.wholeBookEncodedAfresh()).isEqualTo(whole);
    PaperState rewritten = upgraded.load().orElseThrow();
    assertThat(rewritten.accounts()).hasSize(whole.split("\naccount key=", -1).length - 1).hasSizeGreaterThanOrEqualTo(5);
    assertThat(rewritten.rest()).doesNotContain("account key=");
    assertThat(StateCodec.joined(rewritten)).isEqualTo(whole);
  }

  /**
   * Every way an account changes, through the exchange, for many accounts: after each call what the
   * saves add up to is the whole book encoded afresh, so no change is left out of a save.
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
    assertThat(StateCodec.joined(store.load().orElseThrow())).isEqualTo(paper.wholeBookEncodedAfresh());
  }

  private static PaperStateChange saveChange(StateText text, Book book, PaperStateStore memory) {
    PaperStateChange change = text.change(book);
    memory.save(change);
    text.saved(change);
    return change;
  }
}
