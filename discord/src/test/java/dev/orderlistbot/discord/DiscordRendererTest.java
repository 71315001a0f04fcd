package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

class DiscordRendererTest {

  @Test
  void previewButtonsBecomeOneActionRowWhoseCustomIdsAreTheTokens() {
    OutboundMessage preview =
        OutboundMessage.withButtons(
            "OCO BTCUSDT sell 0.01", new Button("Confirm", "c:abc123"), new Button("Cancel", "x:abc123"));

    MessageCreateData data = DiscordRenderer.pages(preview).get(0).create();

    assertThat(data.getContent()).isEqualTo("OCO BTCUSDT sell 0.01");
    assertThat(data.getComponents()).hasSize(1);
    List<net.dv8tion.jda.api.components.buttons.Button> buttons =
        data.getComponents().get(0).asActionRow().getButtons();
    assertThat(buttons).extracting(b -> b.getCustomId()).containsExactly("c:abc123", "x:abc123");
    assertThat(buttons).extracting(b -> b.getLabel()).containsExactly("Confirm", "Cancel");
    assertThat(buttons).extracting(b -> b.getStyle()).containsExactly(ButtonStyle.PRIMARY, ButtonStyle.SECONDARY);
  }

  @Test
  void markdownIsEscapedSoPlainTextStaysPlain() {
    MessageCreateData data =
        DiscordRenderer.pages(OutboundMessage.text("STOP_LOSS_LIMIT *at* 29000 ~~x~~")).get(0).create();

    assertThat(data.getContent()).isEqualTo("STOP\\_LOSS\\_LIMIT \\*at\\* 29000 \\~~x\\~~");
  }

  @Test
  void aLineThatLooksLikeAHeadingStaysPlain() {
    assertThat(DiscordRenderer.escape("# big\n## bigger\n-# small\n#1 order")).isEqualTo("\\# big\n\\## bigger\n\\-# small\n#1 order");
  }

  @Test
  void nothingTheBotSendsCanPingAnyone() {
    MessageCreateData data = DiscordRenderer.pages(OutboundMessage.text("@everyone hi")).get(0).create();

    assertThat(data.toData().toString()).contains("\"allowed_mentions\"").contains("\"parse\":[]");
  }

  @Test
  void aRowOfMoreThanFiveButtonsWraps() {
    List<Button> seven = IntStream.range(0, 7).mapToObj(i -> new Button("B" + i, "t" + i)).toList();

    List<ActionRow> rows = DiscordRenderer.rows(new OutboundMessage("pick", List.of(seven)));

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getButtons()).hasSize(5);
    assertThat(rows.get(1).getButtons()).hasSize(2);
  }

  @Test
  void moreThanTwentyFiveButtonsIsRefusedAsPermanent() {
    List<List<Button>> rows =
        IntStream.range(0, 6)
            .mapToObj(r -> IntStream.range(0, 5).mapToObj(i -> new Button("B", "t" + r + "_" + i)).toList())
            .toList();

    assertThatThrownBy(() -> DiscordRenderer.rows(new OutboundMessage("too many", rows)))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void aLongTextIsSplitAtLineEndsWithTheButtonsUnderTheLastPart() {
    String line = "x".repeat(900);
    String text = String.join("\n", line, line, line, line, line);

    List<DiscordRenderer.Page> pages =
        DiscordRenderer.pages(new OutboundMessage(text, List.of(List.of(new Button("OK", "ok")))));

    assertThat(pages).hasSize(3);
    assertThat(pages).allSatisfy(p -> assertThat(p.content()).hasSizeLessThanOrEqualTo(2000));
    assertThat(String.join("\n", pages.stream().map(DiscordRenderer.Page::content).toList())).isEqualTo(text);
    assertThat(pages.get(0).rows()).isEmpty();
    assertThat(pages.get(2).rows()).hasSize(1);
  }

  @Test
  void aSingleHugeLineIsCutWithoutSplittingAnEscape() {
    String text = "*".repeat(3000);

    List<String> chunks = DiscordRenderer.chunks(text);

    assertThat(chunks).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(2000).doesNotEndWith("\\"));
    assertThat(String.join("", chunks).replace("\\", "")).isEqualTo(text);
  }

  @Test
  void anEditWithoutButtonsRemovesTheComponents() {
    MessageEditData edit = DiscordRenderer.single(OutboundMessage.text("Placed: order list 42")).edit();

    assertThat(edit.getContent()).isEqualTo("Placed: order list 42");
    assertThat(edit.getComponents()).isEmpty();
    assertThat(edit.toData().toString()).contains("\"components\":[]");
  }

  @Test
  void anEditTooLongForOneMessageIsShortened() {
    MessageEditData edit = DiscordRenderer.single(OutboundMessage.text("y".repeat(2500))).edit();

    assertThat(edit.getContent()).hasSize(2000).endsWith("…");
  }
}
