package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.Picture;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;

/**
 * A {@link Picture} as Discord shows it: the PNG attached to the message under its file name, and
 * an embed whose image is that attachment ({@code attachment://chart-BTCUSDT.png}), so the chart
 * shows at full width under the text. The embed holds the image alone: the text stays the
 * message's content, as for every message, and the buttons its components.
 */
final class PictureEmbed {
  private PictureEmbed() {}

  static FileUpload upload(Picture picture) {
    return FileUpload.fromData(picture.bytes(), picture.fileName());
  }

  static MessageEmbed embed(Picture picture) {
    return new EmbedBuilder().setImage("attachment://" + picture.fileName()).build();
  }
}
