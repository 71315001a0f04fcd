package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.CommandSpec;
import dev.orderlistbot.core.command.ParseResult;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.KeyPostureCheck;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.core.security.Fingerprints;
import dev.orderlistbot.core.security.KeyVault;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /setkey} (one line or guided), {@code /keygen}, {@code /keys} and {@code /delkey}, in
 * private chats only. A key is tested with a signed account call and its posture judged ({@link
 * KeyPostures}) before it is stored; a stored key
 * replaces the user's others. Secrets live only as {@link Secret}s, destroyed after use, and are
 * never logged or echoed: replies show the key type and fingerprint. Thread-safe.
 */
final class KeyCommands {
  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final KeyVault vault;
  private final Accounts accounts;
  private final KeySetups setups;
  private final KeyPostures postures;
  private final CommandParser parser;
  private final Transactor transactor;
  private final Clock clock;
  private final SecureRandom random;
  private final ChatOut out;

  KeyCommands(
      EngineConfig config,
      ExchangeClient exchange,
      KeyVault vault,
      Accounts accounts,
      KeySetups setups,
      KeyPostures postures,
      CommandParser parser,
      Transactor transactor,
      Clock clock,
      SecureRandom random,
      ChatOut out) {
    this.config = config;
    this.exchange = exchange;
    this.vault = vault;
    this.accounts = accounts;
    this.setups = setups;
    this.postures = postures;
    this.parser = parser;
    this.transactor = transactor;
    this.clock = clock;
    this.random = random;
    this.out = out;
  }

  /** {@code /setkey} alone: start the guided setup. */
  void startSetup(ChatEvent.TextMessage message, boolean deleted) {
    if (refused(message, true, deleted)) {
      return;
    }
    setups.awaitApiKey(message.user(), message.chat());
    out.send(message.chat(), Replies.setupAskApiKey(setups.timeout()) + notDeleted(deleted));
  }

  /** {@code /setkey API_KEY [SECRET]}. */
  void setKey(ChatEvent.TextMessage message, Command.SetKey command, boolean deleted) {
    if (refused(message, true, deleted)) {
      command.secret().ifPresent(Secret::destroy);
      return;
    }
    store(message.user(), message.chat(), command.apiKey(), command.secret(), deleted);
  }

  void generate(ChatEvent.TextMessage message) {
    if (!refused(message, false, false)) {
      generate(message.user(), message.chat());
    }
  }

  void list(ChatEvent.TextMessage message) {
    if (!config.environment().needsApiKeys()) {
      out.send(
          message.chat(),
          Replies.keysNotNeeded(false, false) + "\n"
              + PostureTexts.notChecked(config.environment(), KeyPostureAnswer.Why.SIMULATED_EXCHANGE));
      return;
    }
    if (!refused(message, false, false)) {
      list(message.user(), message.chat());
    }
  }

  void delete(ChatEvent.TextMessage message) {
    if (!refused(message, false, false)) {
      delete(message.user(), message.chat());
    }
  }

  /** Key commands are refused on paper (not needed) and outside private chats (not safe). */
  private boolean refused(ChatEvent.TextMessage message, boolean carriedSecret, boolean deleted) {
    if (!config.environment().needsApiKeys()) {
      out.send(message.chat(), Replies.keysNotNeeded(carriedSecret, deleted));
      return true;
    }
    if (!message.kind().isPrivate()) {
      out.send(message.chat(), Replies.keysPrivateOnly(carriedSecret, deleted));
      return true;
    }
    return false;
  }

  /** The answer to a guided step; its message was already deleted (or could not be). */
  void answer(ChatEvent.TextMessage message, KeySetups.Step step, boolean deleted) {
    UserRef user = message.user();
    ChatRef chat = message.chat();
    switch (step) {
      case KeySetups.Step.AwaitingApiKey waiting -> {
        // the same grammar as the one-line form, so both accept exactly the same keys
        if (parser.parse(CommandSpec.SETKEY.slashed() + " " + message.text().strip())
            instanceof ParseResult.Parsed(Command.SetKey set)) {
          if (set.secret().isPresent()) {
            store(user, chat, set.apiKey(), set.secret(), deleted);
          } else {
            setups.awaitSecret(user, chat, set.apiKey());
            out.send(chat, Replies.setupAskSecret(deleted));
          }
        } else {
          setups.awaitApiKey(user, chat);
          out.send(chat, Replies.setupBadApiKey());
        }
      }
      case KeySetups.Step.AwaitingSecret waiting ->
          store(user, chat, waiting.apiKey(), Optional.of(Secret.of(message.text().strip())), deleted);
    }
  }

  private void store(UserRef user, ChatRef chat, String apiKey, Optional<Secret> secret, boolean deleted) {
    Optional<ApiCredentials> credentials = secret.isPresent() ? typed(chat, apiKey, secret.get()) : paired(user, chat, apiKey);
    if (credentials.isEmpty()) {
      return;
    }
    ApiCredentials key = credentials.get();
    try {
      Balances account;
      try {
        account = exchange.balances(key);
      } catch (ExchangeException e) {
        out.send(chat, Replies.keyNotStored(Replies.exchangeError(e.error())) + notDeleted(deleted));
        return;
      }
      KeyPostures.Verdict.Store posture;
      switch (postures.judge(key)) {
        case KeyPostures.Verdict.Refuse refuse -> {
          auditRefusal(user, chat, key, refuse.reason());
          out.send(chat, refuse.reply() + notDeleted(deleted));
          return;
        }
        case KeyPostures.Verdict.Store store -> posture = store;
      }
      CredentialInfo info = vault.store(user, key);
      List<CredentialInfo> replaced = new ArrayList<>();
      accounts.keys(user).stream().map(ActiveKeys.StoredKey::info).filter(k -> !k.id().equals(info.id())).forEach(replaced::add);
      replaced.forEach(old -> vault.revoke(user, old.id()));
      audit(user, chat, info, replaced, Optional.of(postures.checked(info.id(), posture.answer())));
      accounts.watch(user, info.id());
      List<String> lines = new ArrayList<>(List.of(Replies.keyStored(info.keyType(), info.fingerprint(), account.canTrade())));
      lines.addAll(posture.notes());
      out.send(chat, String.join("\n", lines) + notDeleted(deleted));
    } finally {
      key.secret().destroy();
    }
  }

  /** The pasted secret with its detected type, or empty after telling the trader why not. */
  private Optional<ApiCredentials> typed(ChatRef chat, String apiKey, Secret secret) {
    return switch (KeyMaterial.detect(secret)) {
      case KeyMaterial.Detection.Usable usable -> Optional.of(new ApiCredentials(usable.type(), apiKey, secret));
      case KeyMaterial.Detection.Unusable unusable -> {
        secret.destroy();
        out.send(chat, Replies.keyUnusable(unusable.problem()));
        yield Optional.empty();
      }
    };
  }

  /** The waiting {@code /keygen} private key with the API key Binance gave it. */
  private Optional<ApiCredentials> paired(UserRef user, ChatRef chat, String apiKey) {
    Optional<CredentialInfo> pending = accounts.pendingKeygen(user);
    Optional<ApiCredentials> opened = pending.flatMap(p -> vault.open(user, p.id()));
    if (opened.isEmpty()) {
      out.send(chat, Replies.noPendingKeygen());
      return Optional.empty();
    }
    try {
      return Optional.of(new ApiCredentials(KeyType.ED25519, apiKey, Secret.ofBytes(opened.get().secret().bytes())));
    } finally {
      opened.get().secret().destroy();
    }
  }

  private void generate(UserRef user, ChatRef chat) {
    KeyMaterial.GeneratedKey key = KeyMaterial.generateEd25519(random);
    try {
      List<CredentialInfo> previous = accounts.keys(user).stream().filter(ActiveKeys.StoredKey::pending).map(ActiveKeys.StoredKey::info).toList();
      CredentialInfo info =
          vault.store(user, new ApiCredentials(KeyType.ED25519, ActiveKeys.PENDING_API_KEY, key.privateKeyPem()));
      previous.forEach(old -> vault.revoke(user, old.id()));
      audit(user, chat, info, previous, Optional.empty());
    } finally {
      key.privateKeyPem().destroy();
    }
    out.send(chat, Replies.keygen(key.publicKeyPem()));
  }

  private void list(UserRef user, ChatRef chat) {
    List<ActiveKeys.StoredKey> keys = accounts.keys(user);
    if (keys.isEmpty()) {
      out.send(chat, Replies.noKeys());
      return;
    }
    List<String> lines = new ArrayList<>(List.of(Replies.keysTitle()));
    for (ActiveKeys.StoredKey key : keys) {
      String added = Figures.time(key.info().createdAt());
      if (key.pending()) {
        lines.add(Replies.pendingKey(added));
        continue;
      }
      lines.add(Replies.storedKey(key.info().keyType(), key.info().fingerprint(), added));
      lines.add(PostureTexts.line(transactor.inTransaction(s -> s.keyPostures().find(key.info().id())), config.keyPosture()));
    }
    out.send(chat, String.join("\n", lines));
  }

  private void delete(UserRef user, ChatRef chat) {
    List<CredentialInfo> keys = vault.list(user);
    if (keys.isEmpty()) {
      out.send(chat, Replies.noKeys());
      return;
    }
    keys.forEach(key -> vault.revoke(user, key.id()));
    accounts.unwatch(user);
    transactor.inTransaction(
        stores -> {
          keys.forEach(key -> stores.audit().record(entry(user, chat, AuditAction.CREDENTIALS_REVOKED, key)));
          return null;
        });
    out.send(chat, Replies.keysDeleted(keys.size()));
  }

  /** The stored key's audit entries and its posture, in one transaction. */
  private void audit(
      UserRef user, ChatRef chat, CredentialInfo stored, List<CredentialInfo> revoked, Optional<KeyPostureCheck> posture) {
    transactor.inTransaction(
        stores -> {
          posture.ifPresent(stores.keyPostures()::save);
          stores.audit().record(entry(user, chat, AuditAction.CREDENTIALS_STORED, stored));
          revoked.forEach(old -> stores.audit().record(entry(user, chat, AuditAction.CREDENTIALS_REVOKED, old)));
          return null;
        });
  }

  /** A refused key has no credential id: its fingerprint (of the public API key) names it. */
  private void auditRefusal(UserRef user, ChatRef chat, ApiCredentials key, String reason) {
    String subject = "key:" + Fingerprints.ofApiKey(key.apiKey()) + " " + reason;
    transactor.inTransaction(
        stores -> {
          stores.audit().record(new AuditEntry(clock.instant(), user, AuditAction.CREDENTIALS_REFUSED, subject, Optional.of(chat)));
          return null;
        });
  }

  private AuditEntry entry(UserRef user, ChatRef chat, AuditAction action, CredentialInfo key) {
    return new AuditEntry(clock.instant(), user, action, "credential:" + key.id(), Optional.of(chat));
  }

  private static String notDeleted(boolean deleted) {
    return deleted ? "" : "\n" + Replies.deleteItYourself();
  }
}
