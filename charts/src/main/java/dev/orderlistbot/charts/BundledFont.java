package dev.orderlistbot.charts;

import dev.orderlistbot.core.port.out.ChartRenderer.ChartException;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * DejaVu Sans, read from this module's resources (its licence beside it): the JRE image carries no
 * fonts, and a chart drawn in a font the host lacks comes out in boxes or not at all.
 */
final class BundledFont {
  private static final String RESOURCE = "DejaVuSans.ttf";

  private BundledFont() {}

  /** The font at size 1; derive the sizes you draw with. */
  static Font load() {
    try (InputStream in = BundledFont.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new ChartException("the chart font " + RESOURCE + " is missing from the charts module");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new ChartException("the chart font " + RESOURCE + " cannot be read", e);
    } catch (LinkageError | InternalError | java.awt.AWTError e) {
      throw new ChartException("this host cannot load fonts for the charts (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }
}
