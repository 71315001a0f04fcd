package dev.orderlistbot.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageDeleteAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Mockito mocks of JDA's interaction events, as Discord would deliver them: a guild channel or a DM,
 * a user, an interaction id, and a hook whose edits and follow-ups answer a message with a fresh id.
 * There is no Discord fake server; these mocks are the fixtures.
 */
final class Events {
  static final long GUILD_CHANNEL = 1187000000000000001L;
  static final long DM_CHANNEL = 1187000000000000002L;
  static final long USER = 420000000000000042L;
  static final long OTHER_USER = 430000000000000043L;

  private static final AtomicLong IDS = new AtomicLong(1300000000000000000L);
  private static final Map<InteractionHook, Long> ORIGINALS = new ConcurrentHashMap<>();
  private static final Map<InteractionHook, WebhookMessageCreateAction<Message>> FOLLOW_UPS =
      new ConcurrentHashMap<>();

  private Events() {}

  static long nextId() {
    return IDS.incrementAndGet();
  }

  static long channel(InteractionContextType context) {
    return context == InteractionContextType.BOT_DM ? DM_CHANNEL : GUILD_CHANNEL;
  }

  static SlashCommandInteractionEvent slash(
      InteractionContextType context, String name, Map<String, String> options) {
    SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
    common(event, context, USER);
    when(event.getName()).thenReturn(name);
    List<OptionMapping> mappings =
        options.entrySet().stream()
            .map(
                entry -> {
                  OptionMapping mapping = mock(OptionMapping.class);
                  when(mapping.getName()).thenReturn(entry.getKey());
                  when(mapping.getAsString()).thenReturn(entry.getValue());
                  return mapping;
                })
            .toList();
    when(event.getOptions()).thenReturn(mappings);
    ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
    when(event.deferReply(anyBoolean())).thenReturn(defer);
    when(event.deferReply()).thenReturn(defer);
    ReplyCallbackAction reply = mock(ReplyCallbackAction.class, RETURNS_SELF);
    when(event.reply(anyString())).thenReturn(reply);
    when(event.replyModal(any(Modal.class))).thenReturn(mock(ModalCallbackAction.class, RETURNS_SELF));
    InteractionHook hook = hook();
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  /** A guild member with or without the Manage Channels permission. */
  static Member member(boolean manageChannels) {
    Member member = mock(Member.class);
    when(member.hasPermission(Permission.MANAGE_CHANNEL)).thenReturn(manageChannels);
    return member;
  }

  static ButtonInteractionEvent button(
      InteractionContextType context, long messageId, String token, long user) {
    ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    common(event, context, user);
    when(event.getMessageIdLong()).thenReturn(messageId);
    when(event.getComponentId()).thenReturn(token);
    when(event.deferEdit()).thenReturn(mock(MessageEditCallbackAction.class, RETURNS_SELF));
    InteractionHook hook = hook();
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  static ModalInteractionEvent modal(InteractionContextType context, String modalId, Map<String, String> values) {
    ModalInteractionEvent event = mock(ModalInteractionEvent.class);
    common(event, context, USER);
    when(event.getModalId()).thenReturn(modalId);
    List<ModalMapping> mappings =
        values.entrySet().stream()
            .map(
                entry -> {
                  ModalMapping mapping = mock(ModalMapping.class);
                  when(mapping.getCustomId()).thenReturn(entry.getKey());
                  when(mapping.getAsString()).thenReturn(entry.getValue());
                  return mapping;
                })
            .toList();
    when(event.getValues()).thenReturn(mappings);
    ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
    when(event.deferReply(anyBoolean())).thenReturn(defer);
    when(event.deferReply()).thenReturn(defer);
    when(event.reply(anyString())).thenReturn(mock(ReplyCallbackAction.class, RETURNS_SELF));
    InteractionHook hook = hook();
    when(event.getHook()).thenReturn(hook);
    return event;
  }

  /**
   * A hook whose {@code editOriginal} answers the message with the id fixed for it ({@link
   * #originalId}), whose follow-ups all go through one action ({@link #followUps}) answering fresh
   * messages, and whose edits by id answer that message.
   */
  static InteractionHook hook() {
    InteractionHook hook = mock(InteractionHook.class);
    long originalId = nextId();
    WebhookMessageEditAction<Message> editOriginal = editAction();
    when(editOriginal.complete()).thenAnswer(invocation -> message(originalId));
    when(hook.editOriginal(any(MessageEditData.class))).thenReturn(editOriginal);
    when(hook.editOriginal(anyString())).thenReturn(editOriginal);
    WebhookMessageCreateAction<Message> send = createAction();
    when(send.complete()).thenAnswer(invocation -> message(nextId()));
    when(hook.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    when(hook.sendMessage(anyString())).thenReturn(send);
    when(hook.editMessageById(anyString(), any(MessageEditData.class)))
        .thenAnswer(
            invocation -> {
              Message edited = message(Long.parseLong(invocation.getArgument(0)));
              WebhookMessageEditAction<Message> edit = editAction();
              when(edit.complete()).thenReturn(edited);
              return edit;
            });
    RestAction<Void> deleteOriginal = voidAction();
    when(hook.deleteOriginal()).thenReturn(deleteOriginal);
    when(hook.deleteMessageById(anyString())).thenReturn(mock(WebhookMessageDeleteAction.class, RETURNS_SELF));
    ORIGINALS.put(hook, originalId);
    FOLLOW_UPS.put(hook, send);
    return hook;
  }

  /** The id of the message {@code hook}'s original response is. */
  static long originalId(InteractionHook hook) {
    return ORIGINALS.get(hook);
  }

  /** The action every follow-up of {@code hook} goes through (to verify {@code setEphemeral}). */
  static WebhookMessageCreateAction<Message> followUps(InteractionHook hook) {
    return FOLLOW_UPS.get(hook);
  }

  static Message message(long id) {
    Message message = mock(Message.class);
    when(message.getIdLong()).thenReturn(id);
    return message;
  }

  @SuppressWarnings("unchecked")
  static WebhookMessageEditAction<Message> editAction() {
    return mock(WebhookMessageEditAction.class, RETURNS_SELF);
  }

  @SuppressWarnings("unchecked")
  static WebhookMessageCreateAction<Message> createAction() {
    return mock(WebhookMessageCreateAction.class, RETURNS_SELF);
  }

  @SuppressWarnings("unchecked")
  static RestAction<Void> voidAction() {
    return mock(RestAction.class, RETURNS_SELF);
  }

  private static void common(Interaction event, InteractionContextType context, long user) {
    when(event.getContext()).thenReturn(context);
    when(event.getChannelIdLong()).thenReturn(channel(context));
    when(event.getIdLong()).thenReturn(nextId());
    User discordUser = mock(User.class);
    when(discordUser.getIdLong()).thenReturn(user);
    when(event.getUser()).thenReturn(discordUser);
    when(event.isFromGuild()).thenReturn(context == InteractionContextType.GUILD);
  }
}
