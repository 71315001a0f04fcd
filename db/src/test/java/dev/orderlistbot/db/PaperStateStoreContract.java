package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperState.Section;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.testing.MutableClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PaperStateStore} on every database the bot runs on ({@link
 * H2PaperStateStoreTest}, {@link PostgresPaperStateStoreTest}): saves add up, write only what they
 * name, and are all or nothing.
 */
abstract class PaperStateStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);

  abstract Database database();

  abstract DbConfig config();

  PaperStateStore store() {
    return database().paperState();
  }

  @BeforeEach
  void noStateYet() throws SQLException {
    clock.set(T0);
    database();
    try (Connection c = connect(); Statement delete = c.createStatement()) {
      delete.executeUpdate("DELETE FROM paper_account");
      delete.executeUpdate("DELETE FROM paper_state");
    }
  }

  @Test
  void nothingSavedLoadsAsEmpty() {
    assertThat(store().load()).isEmpty();
  }

  @Test
  void savesAddUpToTheLastRestAndEveryAccountsLastTextInTheOrderFirstSaved() {
    String big = "list id=1 client=ob-7f3a price=32000.5 ünï\n".repeat(20_000);
    store().save(change(Optional.of("rest 1\n"), List.of(new Section("b", "b 1\n"), new Section("a", big))));
    store().save(change(Optional.empty(), List.of(new Section("c", "c 1\n"), new Section("b", "b 2\nline two\n"))));

    assertThat(store().load()).contains(new PaperState(
        "rest 1\n", List.of(new Section("b", "b 2\nline two\n"), new Section("a", big), new Section("c", "c 1\n"))));
  }

  @Test
  void aSaveWritesOnlyTheRowsItNames() throws SQLException {
    List<Section> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new Section("paper-telegram-" + i, "account " + i + "\n"));
    }
    store().save(change(Optional.of("rest 1\n"), many));
    clock.advance(Duration.ofMinutes(1));

    store().save(change(Optional.empty(), List.of(new Section("paper-telegram-7", "account 7 changed\n"))));

    assertThat(accountsSavedAt(T0.plusSeconds(60))).containsExactly("paper-telegram-7");
    assertThat(store().load().orElseThrow().accounts()).hasSize(50).contains(new Section("paper-telegram-7", "account 7 changed\n"));
  }

  @Test
  void aRemovedAccountIsGoneAndComesBackLastWhenSavedAgain() {
    store().save(change(Optional.of("rest\n"), List.of(new Section("a", "a\n"), new Section("b", "b\n"), new Section("c", "c\n"))));

    store().save(new PaperStateChange(Optional.empty(), List.of(), Set.of("a")));
    assertThat(store().load().orElseThrow().accounts()).extracting(Section::key).containsExactly("b", "c");

    store().save(change(Optional.empty(), List.of(new Section("a", "a again\n"))));
    assertThat(store().load().orElseThrow().accounts()).extracting(Section::key).containsExactly("b", "c", "a");
  }

  @Test
  void aSaveThatFailsHalfwayKeepsNoneOfItsRows() {
    store().save(change(Optional.of("rest 1\n"), List.of(new Section("a", "a 1\n"))));
    PaperState before = store().load().orElseThrow();

    // the rest and account a are written before the key longer than the column fails the save
    assertThatThrownBy(() -> store().save(change(
        Optional.of("rest 2\n"), List.of(new Section("a", "a 2\n"), new Section("k".repeat(2_000), "too long a key\n")))))
        .isInstanceOf(StorageException.class);

    assertThat(store().load()).contains(before);
  }

  @Test
  void theFirstSaveMustCarryTheRest() {
    assertThatThrownBy(() -> store().save(change(Optional.empty(), List.of(new Section("a", "a\n")))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store().load()).isEmpty();
  }

  @Test
  void aWholeStateSavedBeforeV20IsAnsweredAsTheRestUntilASaveSplitsIt() throws SQLException {
    String whole = "orderlist-bot paper-state 1\nids epoch=x list=2 order=3 event=4\naccount key=a\nend\n";
    // as the code before V20 wrote it: no layout given, so the column's default
    try (Connection c = connect();
        PreparedStatement insert = c.prepareStatement("INSERT INTO paper_state (state_id, snapshot, saved_at) VALUES (1, ?, ?)")) {
      insert.setString(1, whole);
      insert.setObject(2, Rows.timestamp(T0));
      insert.executeUpdate();
    }
    assertThat(store().load()).contains(new PaperState(whole, List.of()));
    assertThatThrownBy(() -> store().save(change(Optional.empty(), List.of(new Section("a", "account key=a\n")))))
        .as("a save that keeps the rest would leave the accounts in the whole text")
        .isInstanceOf(IllegalStateException.class);

    store().save(change(Optional.of("orderlist-bot paper-state 1\nids epoch=x list=2 order=3 event=4\n"), List.of(new Section("a", "account key=a\n"))));

    assertThat(store().load()).contains(new PaperState(
        "orderlist-bot paper-state 1\nids epoch=x list=2 order=3 event=4\n", List.of(new Section("a", "account key=a\n"))));
  }

  private static PaperStateChange change(Optional<String> rest, List<Section> accounts) {
    return new PaperStateChange(rest, accounts, Set.of());
  }

  private List<String> accountsSavedAt(Instant when) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection c = connect();
        Statement select = c.createStatement();
        ResultSet rows = select.executeQuery("SELECT account_key, saved_at FROM paper_account ORDER BY seq")) {
      while (rows.next()) {
        if (Rows.instant(rows, "saved_at").equals(when)) {
          keys.add(rows.getString("account_key"));
        }
      }
    }
    return keys;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(config().url(), config().user(), config().password().reveal());
  }
}
