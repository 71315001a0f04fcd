package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory chat network: records every send, edit and delete, shows each message as it now
 * stands, and can be told to refuse deletes or to fail the next sends.
 */
final class RecordingChatPlatform implements ChatPlatform {
  enum Kind {
    SEND,
    EDIT
  }

  record Shown(Kind kind, MessageRef ref, OutboundMessage message) {}

  private final String platform;
  private final AtomicLong ids = new AtomicLong(5000);
  private final Map<MessageRef, OutboundMessage> current = new LinkedHashMap<>();
  private final List<Shown> history = new ArrayList<>();
  private final List<MessageRef> deleted = new ArrayList<>();
  private final Deque<ChatDeliveryException> sendFailures = new ArrayDeque<>();
  private final Deque<ChatDeliveryException> editFailures = new ArrayDeque<>();
  private boolean canDelete = true;
  /** Empty: the platform cannot tell who administers a chat; otherwise its admins per chat. */
  private Optional<Map<ChatRef, List<UserRef>>> admins = Optional.empty();
  private ChatDeliveryException adminCheckFailure;
  private boolean answersPrivatelyInGroups;
  private Runnable beforeEachSend = () -> {};

  RecordingChatPlatform(String platform) {
    this.platform = platform;
  }

  /** From now on what the bot answers in a group is seen by the asking user alone, as on Discord. */
  synchronized void answerPrivatelyInGroups() {
    answersPrivatelyInGroups = true;
  }

  @Override
  public synchronized boolean answersPrivatelyInGroups() {
    return answersPrivatelyInGroups;
  }

  @Override
  public String platform() {
    return platform;
  }

  /** From now on the platform tells who administers a chat: these users administer {@code chat}. */
  synchronized void admins(ChatRef chat, UserRef... users) {
    Map<ChatRef, List<UserRef>> known = admins.orElseGet(LinkedHashMap::new);
    known.put(chat, List.of(users));
    admins = Optional.of(known);
  }

  /** The next admin checks fail as if the platform could not be reached. */
  synchronized void failAdminChecks(ChatDeliveryException failure) {
    adminCheckFailure = failure;
  }

  @Override
  public synchronized Optional<Boolean> isAdmin(ChatRef chat, UserRef user) {
    if (adminCheckFailure != null) {
      throw adminCheckFailure;
    }
    return admins.map(known -> known.getOrDefault(chat, List.of()).contains(user));
  }

  @Override
  public synchronized MessageRef send(ChatRef chat, OutboundMessage message) {
    beforeEachSend.run();
    ChatDeliveryException failure = sendFailures.poll();
    if (failure != null) {
      throw failure;
    }
    MessageRef ref = new MessageRef(chat, "bot-" + ids.incrementAndGet());
    current.put(ref, message);
    history.add(new Shown(Kind.SEND, ref, message));
    return ref;
  }

  @Override
  public synchronized void edit(MessageRef message, OutboundMessage replacement) {
    ChatDeliveryException failure = editFailures.poll();
    if (failure != null) {
      throw failure;
    }
    // as the platforms do: an edit without a picture keeps the one the message shows; a message sent
    // as text cannot be given a picture (Telegram cannot turn a text message into a photo)
    OutboundMessage before = current.get(message);
    if (before != null && before.picture().isEmpty() && replacement.picture().isPresent()) {
      throw ChatDeliveryException.permanent("Bad Request: there is no media in the message to edit", null);
    }
    OutboundMessage shown =
        before != null && replacement.picture().isEmpty() && before.picture().isPresent()
            ? replacement.withPicture(before.picture().get())
            : replacement;
    current.put(message, shown);
    history.add(new Shown(Kind.EDIT, message, shown));
  }

  @Override
  public synchronized boolean delete(MessageRef message) {
    if (!canDelete) {
      return false;
    }
    deleted.add(message);
    current.remove(message);
    return true;
  }

  /** Runs {@code hold} before each new message goes, e.g. moving the clock as a platform's pace would. */
  synchronized void beforeEachSend(Runnable hold) {
    beforeEachSend = hold;
  }

  synchronized void refuseDeletes() {
    canDelete = false;
  }

  synchronized void failNextSend(ChatDeliveryException failure) {
    sendFailures.add(failure);
  }

  synchronized void failNextEdits(int times, ChatDeliveryException failure) {
    for (int i = 0; i < times; i++) {
      editFailures.add(failure);
    }
  }

  synchronized void failNextSends(int times, ChatDeliveryException failure) {
    for (int i = 0; i < times; i++) {
      sendFailures.add(failure);
    }
  }

  synchronized List<MessageRef> deleted() {
    return List.copyOf(deleted);
  }

  synchronized List<Shown> history() {
    return List.copyOf(history);
  }

  /** Every text sent or edited into {@code chat}, in order. */
  synchronized List<String> texts(ChatRef chat) {
    return history.stream().filter(s -> s.ref().chat().equals(chat)).map(s -> s.message().text()).toList();
  }

  /** The latest text sent or edited into {@code chat}. */
  synchronized String lastText(ChatRef chat) {
    List<String> texts = texts(chat);
    return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
  }

  /** The message as it now stands (after edits). */
  synchronized OutboundMessage now(MessageRef ref) {
    return current.get(ref);
  }

  /** The newest message in {@code chat} that has buttons now. */
  synchronized Optional<MessageRef> lastWithButtons(ChatRef chat) {
    List<MessageRef> refs = new ArrayList<>(current.keySet());
    for (int i = refs.size() - 1; i >= 0; i--) {
      MessageRef ref = refs.get(i);
      if (ref.chat().equals(chat) && current.get(ref).hasButtons()) {
        return Optional.of(ref);
      }
    }
    return Optional.empty();
  }

  /** Everything any chat was ever shown, buttons included, for leak checks. */
  synchronized String transcript() {
    StringBuilder text = new StringBuilder();
    for (Shown shown : history) {
      text.append(shown.message().text()).append('\n');
      for (Button button : shown.message().buttons()) {
        text.append(button.label()).append(' ').append(button.token()).append('\n');
      }
    }
    return text.toString();
  }
}
