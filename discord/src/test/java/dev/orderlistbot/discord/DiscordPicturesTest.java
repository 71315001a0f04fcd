package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.utils.AttachedFile;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Messages with a picture (a chart): the PNG attached and shown by an embed, on sends and edits. */
class DiscordPicturesTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'c', 'h', 'a', 'r', 't'};
  private static final byte[] NEWER_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'n', 'e', 'w'};
  private static final Picture CHART = Picture.png(PNG, "chart-BTCUSDT.png");
  private static final Picture NEWER = Picture.png(NEWER_PNG, "chart-BTCUSDT-2.png");
  private static final ChatRef GUILD = new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
  private static final OutboundMessage PREVIEW =
      OutboundMessage.withButtons("Preview: OCO sell 0.01 BTCUSDT", new Button("Confirm", "c:1"), new Button("Cancel", "x:1"))
          .withPicture(CHART);

  private final Harness harness = new Harness();

  @Test
  void aMessageWithAPictureAttachesThePngAndItsEmbedShowsTheAttachmentUnderTheText() {
    MessageCreateData data = DiscordRenderer.pages(PREVIEW).getFirst().create();

    assertThat(data.getContent()).isEqualTo("Preview: OCO sell 0.01 BTCUSDT");
    assertThat(data.getFiles()).singleElement().satisfies(file -> {
      assertThat(file.getName()).isEqualTo("chart-BTCUSDT.png");
      assertThat(bytes(file)).isEqualTo(PNG);
    });
    assertThat(data.getEmbeds()).singleElement().satisfies(embed -> showsAttachment(embed, "chart-BTCUSDT.png"));
    assertThat(data.getComponents().getFirst().asActionRow().getButtons())
        .extracting(b -> b.getCustomId())
        .containsExactly("c:1", "x:1");
  }

  @Test
  void aLongTextWithAPictureHasThePictureUnderTheLastPartWithTheButtons() {
    String line = "x".repeat(900);
    OutboundMessage longOne = new OutboundMessage(String.join("\n", line, line, line), PREVIEW.buttonRows()).withPicture(CHART);

    List<DiscordRenderer.Page> pages = DiscordRenderer.pages(longOne);

    assertThat(pages).hasSize(2);
    assertThat(pages.getFirst().create().getFiles()).isEmpty();
    assertThat(pages.getFirst().create().getEmbeds()).isEmpty();
    assertThat(pages.getLast().create().getFiles()).extracting(FileUpload::getName).containsExactly("chart-BTCUSDT.png");
    assertThat(pages.getLast().rows()).hasSize(1);
  }

  @Test
  void anEditWithAPictureReplacesTheAttachmentAndTheEmbed() {
    MessageEditData edit = DiscordRenderer.single(OutboundMessage.text("Filled at 32000").withPicture(NEWER)).edit();

    assertThat(edit.getContent()).isEqualTo("Filled at 32000");
    assertThat(edit.getAttachments()).singleElement().isInstanceOfSatisfying(FileUpload.class, file -> {
      assertThat(file.getName()).isEqualTo("chart-BTCUSDT-2.png");
      assertThat(bytes(file)).isEqualTo(NEWER_PNG);
    });
    assertThat(edit.getEmbeds()).singleElement().satisfies(embed -> showsAttachment(embed, "chart-BTCUSDT-2.png"));
    DataObject json = edit.toData();
    assertThat(json.getArray("attachments").length()).as("only the new chart is kept").isEqualTo(1);
  }

  @Test
  void anEditWithoutAPictureKeepsTheAttachmentAndTheEmbedAsTheyAre() {
    MessageEditData edit =
        DiscordRenderer.single(OutboundMessage.withButtons("Placed: order list 42", new Button("Cancel list", "k:42"))).edit();

    assertThat(edit.getAttachments()).isEmpty();
    DataObject json = edit.toData();
    assertThat(json.hasKey("attachments")).as("attachments are not part of the edit").isFalse();
    assertThat(json.hasKey("embeds")).as("embeds are not part of the edit").isFalse();
    assertThat(json.getString("content")).isEqualTo("Placed: order list 42");
  }

  @Test
  void aPictureAnsweringASlashCommandFillsTheDeferredReplyWithTheAttachedPng() {
    harness.started().core = event -> harness.platform.send(event.chat(), PREVIEW);
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "oco", Map.of());

    harness.listener().onSlashCommandInteraction(event);

    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    assertThat(reply.getValue().getAttachments()).extracting(DiscordPicturesTest::uploadName).containsExactly("chart-BTCUSDT.png");
    assertThat(reply.getValue().getEmbeds()).singleElement().satisfies(embed -> showsAttachment(embed, "chart-BTCUSDT.png"));
  }

  @Test
  void aPictureInAFollowUpAndItsEditGoThroughTheInteractionsHook() {
    List<MessageRef> sent = new ArrayList<>();
    harness.started().core =
        event -> {
          sent.add(harness.platform.send(event.chat(), OutboundMessage.text("Open order lists:")));
          sent.add(harness.platform.send(event.chat(), PREVIEW));
        };
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "orders", Map.of());

    harness.listener().onSlashCommandInteraction(event);
    harness.platform.edit(sent.get(1), OutboundMessage.text("Filled").withPicture(NEWER));
    harness.platform.edit(sent.get(1), OutboundMessage.text("Filled and closed"));

    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(event.getHook()).sendMessage(followUp.capture());
    assertThat(followUp.getValue().getFiles()).extracting(FileUpload::getName).containsExactly("chart-BTCUSDT.png");
    ArgumentCaptor<MessageEditData> edits = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook(), times(2)).editMessageById(eq(sent.get(1).messageId()), edits.capture());
    assertThat(edits.getAllValues().get(0).getAttachments()).extracting(DiscordPicturesTest::uploadName).containsExactly("chart-BTCUSDT-2.png");
    assertThat(edits.getAllValues().get(1).toData().hasKey("attachments")).isFalse();
  }

  @Test
  void aNoticeWithAPictureIsPostedInTheChannelWithItsPngAndEditedIntoANewOne() {
    harness.started();
    MessageChannel channel = channel(9101L);
    MessageEditAction edit = mock(MessageEditAction.class, RETURNS_SELF);
    Message edited = Events.message(9101L);
    when(edit.complete()).thenReturn(edited);
    when(channel.editMessageById(eq("9101"), any(MessageEditData.class))).thenReturn(edit);

    MessageRef ref = harness.platform.send(GUILD, PREVIEW);
    harness.platform.edit(ref, OutboundMessage.text("Filled").withPicture(NEWER));

    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(channel).sendMessage(sent.capture());
    assertThat(sent.getValue().getFiles()).extracting(FileUpload::getName).containsExactly("chart-BTCUSDT.png");
    ArgumentCaptor<MessageEditData> data = ArgumentCaptor.forClass(MessageEditData.class);
    verify(channel).editMessageById(eq("9101"), data.capture());
    assertThat(data.getValue().getAttachments()).extracting(DiscordPicturesTest::uploadName).containsExactly("chart-BTCUSDT-2.png");
  }

  private MessageChannel channel(long sentId) {
    MessageChannel channel = mock(MessageChannel.class);
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    Message sent = Events.message(sentId);
    when(send.complete()).thenReturn(sent);
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    when(harness.jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
    return channel;
  }

  private static void showsAttachment(MessageEmbed embed, String fileName) {
    assertThat(embed.getImage()).isNotNull();
    assertThat(embed.getImage().getUrl()).isEqualTo("attachment://" + fileName);
  }

  /** The file name of an attachment that is a new upload (anything else fails the test). */
  private static String uploadName(AttachedFile file) {
    assertThat(file).isInstanceOf(FileUpload.class);
    return ((FileUpload) file).getName();
  }

  private static byte[] bytes(FileUpload file) {
    try (InputStream in = file.getData()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
