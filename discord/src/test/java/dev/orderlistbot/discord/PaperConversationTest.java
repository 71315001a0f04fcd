package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.engine.BotEngine;
import dev.orderlistbot.core.engine.ChatPlatforms;
import dev.orderlistbot.core.engine.EngineConfig;
import dev.orderlistbot.core.engine.NotificationDispatcher;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.api.utils.messages.MessageData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.invocation.Invocation;

/**
 * A whole conversation through the adapter and the real engine on the paper exchange, over H2 in a
 * temp directory and the AES-GCM vault, wired as the app wires them (the notification dispatcher on
 * its own virtual threads): in a guild channel, {@code /oco} shows an ephemeral preview with
 * Confirm / Cancel, Confirm places the list and says so to the trader only, and {@code /paper}
 * moving the price fills it, the fill notice sent to the trader's DM (the channel never saw the list). Discord itself is Mockito mocks
 * of JDA's events and hooks (no Discord fake server exists).
 */
class PaperConversationTest {
  private static final Pattern LIST_ID = Pattern.compile("Order list #(\\d+)");
  private static final UserRef TRADER = new UserRef("discord", Long.toString(Events.USER));

  @TempDir Path dir;
  private final Clock clock = Clock.systemUTC();
  private final SecureRandom random = new SecureRandom();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final JDA jda = mock(JDA.class);
  private final MessageChannel channel = mock(MessageChannel.class);
  private final PrivateChannel dm = mock(PrivateChannel.class);
  private Database database;
  private PaperExchange paper;
  private DiscordChatPlatform discord;
  private JdaListener listener;

  @BeforeEach
  void start() {
    database = Database.open(DbConfig.h2File(dir), clock);
    AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.generate(random), database.transactor(), random, clock);
    discord =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(Harness.TOKEN)), () -> List.of("BTCUSDT"), Runnable::run,
            (token, l) -> {
              listener = (JdaListener) l;
              return jda;
            });
    ChatPlatforms platforms = ChatPlatforms.of(discord);
    NotificationDispatcher dispatcher = new NotificationDispatcher(database.transactor(), platforms, clock, workers);
    // as the app: a paced notice (a fill right after the placement's result) goes on the next tick
    var unusedDrain = scheduler.scheduleWithFixedDelay(dispatcher::trigger, 200, 200, TimeUnit.MILLISECONDS);
    NotificationRouter router = new NotificationRouter(database.transactor(), dispatcher::trigger);
    paper =
        PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(), clock, scheduler, router, database.paperState());
    BotEngine engine =
        new BotEngine(
            EngineConfig.of(TradingEnvironment.PAPER, Set.of(TRADER), Set.of()),
            platforms, paper, Optional.of(paper), Optional.of(paper), vault, database.transactor(),
            new CommandParser(Optional.empty()), new PreTradeCheck(), clock, random, EngineTelemetry.NOOP, dispatcher::trigger);
    discord.start(engine);
    postsInTheGuildChannel();
    postsInTheTradersDm();
  }

  @AfterEach
  void stop() throws Exception {
    discord.close();
    paper.close();
    workers.close();
    scheduler.shutdownNow();
    database.close();
  }

  @Test
  void ocoPreviewConfirmPlacedAndFilled() {
    assertThat(paperPrice("30000")).startsWith("Paper price of BTCUSDT set to");

    SlashCommandInteractionEvent oco =
        slash("oco", Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000", "sl", "29000/28900"));
    verify(oco).deferReply(true);
    MessageData preview = last(answers(oco.getHook()));
    List<Button> buttons = preview.getComponents().get(0).asActionRow().getButtons();
    assertThat(buttons).extracting(Button::getLabel).containsExactly("Confirm", "Cancel");

    ButtonInteractionEvent confirm =
        Events.button(InteractionContextType.GUILD, Events.originalId(oco.getHook()), buttons.get(0).getCustomId(), Events.USER);
    listener.onButtonInteraction(confirm);
    MessageData answer = last(answers(confirm.getHook()));
    String placed = answer.getContent();
    Matcher id = LIST_ID.matcher(placed);
    assertThat(id.find()).as(placed).isTrue();
    assertThat(placed).startsWith("✅ Placed on PAPER");
    assertThat(answer.getComponents()).as("Confirm / Cancel are gone").isEmpty();

    paperPrice("32000");

    String fill = "✅ BTCUSDT OCO #" + id.group(1) + ": take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";
    // the preview, the placement and the /paper answers were the trader's alone, and so is the fill:
    // it goes to their DM; the channel hears of it only if they turn /alerts on there. The placement's
    // result, shown at once in the ephemeral preview (which vanishes), is also kept in the DM: it goes
    // through the outbox, and only the interaction could edit the ephemeral message later
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(posts(dm)).containsExactly(placed, fill));
    assertThat(posts(channel)).isEmpty();
    // the DM's copy is the list's card, with the card's buttons (an OCO guards a held position)
    ArgumentCaptor<MessageCreateData> card = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(dm, atLeast(1)).sendMessage(card.capture());
    assertThat(card.getAllValues().getFirst().getContent()).contains("📋 PAPER · BTCUSDT OCO #" + id.group(1));
    assertThat(card.getAllValues().getFirst().getComponents().get(0).asActionRow().getButtons())
        .extracting(Button::getLabel)
        .containsExactly("Cancel list", "Close at market");
  }

  /** {@code /paper symbol:BTCUSDT price:PRICE} in the guild; answers the (ephemeral) reply. */
  private String paperPrice(String price) {
    SlashCommandInteractionEvent event = slash("paper", Map.of("symbol", "BTCUSDT", "price", price));
    verify(event).deferReply(true);
    return last(answers(event.getHook())).getContent();
  }

  private SlashCommandInteractionEvent slash(String name, Map<String, String> options) {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, name, options);
    listener.onSlashCommandInteraction(event);
    return event;
  }

  /** What went through {@code hook}: the deferred reply, its edits and follow-ups, in order. */
  private static List<MessageData> answers(InteractionHook hook) {
    List<MessageData> sent = new ArrayList<>();
    for (Invocation invocation : mockingDetails(hook).getInvocations()) {
      for (Object argument : invocation.getArguments()) {
        if (argument instanceof MessageData data) {
          sent.add(data);
        }
      }
    }
    return sent;
  }

  private static MessageData last(List<MessageData> messages) {
    assertThat(messages).isNotEmpty();
    return messages.get(messages.size() - 1);
  }

  private void postsInTheGuildChannel() {
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    Message posted = Events.message(Events.nextId());
    when(send.complete()).thenReturn(posted);
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    when(jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
    when(jda.getStatus()).thenReturn(JDA.Status.CONNECTED);
  }

  private static List<String> posts(MessageChannel to) {
    ArgumentCaptor<MessageCreateData> posts = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(to, atLeast(0)).sendMessage(posts.capture());
    return posts.getAllValues().stream().map(MessageCreateData::getContent).toList();
  }

  /** The trader's DM, which Discord opens from their user id. */
  @SuppressWarnings("unchecked") // a mock of JDA's generic rest action
  private void postsInTheTradersDm() {
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    Message posted = Events.message(Events.nextId());
    when(send.complete()).thenReturn(posted);
    when(dm.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    // the card in the DM is edited there on every event of its list
    MessageEditAction edit = mock(MessageEditAction.class, RETURNS_SELF);
    Message edited = Events.message(Events.nextId());
    when(edit.complete()).thenReturn(edited);
    when(dm.editMessageById(anyString(), any(MessageEditData.class))).thenReturn(edit);
    CacheRestAction<PrivateChannel> open = mock(CacheRestAction.class);
    when(open.complete()).thenReturn(dm);
    when(jda.openPrivateChannelById(Events.USER)).thenReturn(open);
  }
}
