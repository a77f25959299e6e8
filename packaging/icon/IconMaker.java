import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Hopscope's app icon: a message's path hopping across three services (two arcs between
 * three nodes) on a rounded tile, the last hop in amber (where the incident is). Run once from the
 * repository root: {@code java packaging/icon/IconMaker.java packaging/icon}; writes
 * hopscope-SIZE.png (16..512), hopscope.png (256, for jpackage on Linux), hopscope.ico (PNG
 * entries 16..256) and hopscope.icns (PNG entries 16..1024). The outputs are committed.
 */
public class IconMaker {

  private static final Color TOP = new Color(0x1f, 0x4e, 0x8c);
  private static final Color BOTTOM = new Color(0x12, 0x2b, 0x52);
  private static final Color PATH = new Color(0xe8, 0xf1, 0xff);
  private static final Color HOT = new Color(0xff, 0xb3, 0x2e);

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "packaging/icon");
    Files.createDirectories(out);
    Map<Integer, byte[]> pngs = new LinkedHashMap<>();
    for (int size : new int[] {16, 32, 48, 64, 128, 256, 512, 1024}) {
      pngs.put(size, png(draw(size)));
      if (size <= 512) {
        Files.write(out.resolve("hopscope-" + size + ".png"), pngs.get(size));
      }
    }
    Files.write(out.resolve("hopscope.png"), pngs.get(256));
    Files.write(out.resolve("hopscope.ico"), ico(pngs, 16, 32, 48, 64, 128, 256));
    Files.write(out.resolve("hopscope.icns"), icns(pngs));
    System.out.println("icons written to " + out.toAbsolutePath());
  }

  static BufferedImage draw(int size) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    double s = size;
    boolean tiny = size <= 32;
    double margin = tiny ? 0 : s * 0.06;
    double tile = s - 2 * margin;
    g.setPaint(new GradientPaint(0, (float) margin, TOP, 0, (float) (margin + tile), BOTTOM));
    g.fill(new RoundRectangle2D.Double(margin, margin, tile, tile, tile * 0.44, tile * 0.44));

    // three nodes low-left, high-middle, low-right: two hops as arcs over the tile
    double y = margin + tile * 0.64;
    double[] xs = {margin + tile * 0.19, margin + tile * 0.5, margin + tile * 0.81};
    double lift = tile * (tiny ? 0.36 : 0.38);
    double stroke = Math.max(1.6, tile * (tiny ? 0.09 : 0.06));
    g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(PATH);
    g.draw(hop(xs[0], xs[1], y, lift));
    g.setColor(HOT);
    if (!tiny) {
      float dash = (float) (stroke * 0.9);
      g.setStroke(
          new BasicStroke(
              (float) stroke,
              BasicStroke.CAP_ROUND,
              BasicStroke.JOIN_ROUND,
              1f,
              new float[] {dash, dash * 1.9f},
              0f));
    }
    g.draw(hop(xs[1], xs[2], y, lift));

    double r = tile * (tiny ? 0.12 : 0.085);
    for (int i = 0; i < xs.length; i++) {
      g.setColor(i == 2 ? HOT : PATH);
      g.fill(new Ellipse2D.Double(xs[i] - r, y - r, 2 * r, 2 * r));
      if (!tiny) {
        double inner = r * 0.45;
        g.setColor(BOTTOM);
        g.fill(new Ellipse2D.Double(xs[i] - inner, y - inner, 2 * inner, 2 * inner));
      }
    }
    g.dispose();
    return image;
  }

  private static CubicCurve2D hop(double x1, double x2, double y, double lift) {
    double w = x2 - x1;
    return new CubicCurve2D.Double(
        x1, y, x1 + w * 0.02, y - lift, x2 - w * 0.02, y - lift, x2, y);
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  /** Windows .ico holding PNG images (Vista and later read PNG entries at every size). */
  private static byte[] ico(Map<Integer, byte[]> pngs, int... sizes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int offset = 6 + 16 * sizes.length;
    bytes.write(le16(0));
    bytes.write(le16(1));
    bytes.write(le16(sizes.length));
    for (int size : sizes) {
      byte[] png = pngs.get(size);
      bytes.write(size >= 256 ? 0 : size);
      bytes.write(size >= 256 ? 0 : size);
      bytes.write(0); // no palette
      bytes.write(0);
      bytes.write(le16(1)); // planes
      bytes.write(le16(32)); // bits per pixel
      bytes.write(le32(png.length));
      bytes.write(le32(offset));
      offset += png.length;
    }
    for (int size : sizes) {
      bytes.write(pngs.get(size));
    }
    return bytes.toByteArray();
  }

  /** macOS .icns with PNG entries (icp4 16 .. ic10 1024). */
  private static byte[] icns(Map<Integer, byte[]> pngs) throws IOException {
    Map<String, Integer> types = new LinkedHashMap<>();
    types.put("icp4", 16);
    types.put("icp5", 32);
    types.put("icp6", 64);
    types.put("ic07", 128);
    types.put("ic08", 256);
    types.put("ic09", 512);
    types.put("ic10", 1024);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(body);
    for (Map.Entry<String, Integer> type : types.entrySet()) {
      byte[] png = pngs.get(type.getValue());
      data.writeBytes(type.getKey());
      data.writeInt(8 + png.length);
      data.write(png);
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream header = new DataOutputStream(file);
    header.writeBytes("icns");
    header.writeInt(8 + body.size());
    header.write(body.toByteArray());
    return file.toByteArray();
  }

  private static byte[] le16(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8)};
  }

  private static byte[] le32(int v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
