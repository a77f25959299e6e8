package org.hopscope.report.bundle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.bundle.BundleException;

/**
 * The central directory of a zip file, read by hand so that what {@link java.util.zip.ZipFile}
 * hides can be refused: symbolic links (Unix mode in the external attributes), encrypted entries,
 * names that are not UTF-8, and a missing end record (a truncated file).
 */
final class ZipDirectory {

  private static final int END = 0x06054b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;

  /**
   * One entry as the central directory describes it.
   *
   * @param name its name, decoded as UTF-8
   * @param method 0 stored, 8 deflated, anything else unsupported
   * @param compressedSize as declared
   * @param size uncompressed, as declared
   * @param symlink a Unix symbolic link
   * @param encrypted encrypted (flag bit 0)
   */
  record Entry(
      String name,
      int method,
      long compressedSize,
      long size,
      boolean symlink,
      boolean encrypted) {}

  private ZipDirectory() {}

  /**
   * The entries of {@code file}, in directory order.
   *
   * @throws BundleException when it is not a zip, is truncated, or its directory is damaged or
   *     holds more than {@code maxEntries}
   */
  static List<Entry> read(Path file, int maxEntries) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = channel.size();
      ByteBuffer head = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(head, 0);
      boolean zipStart = head.position() == 4 && head.getInt(0) == 0x04034b50;
      int tailLength = (int) Math.min(length, END_SIZE + MAX_COMMENT);
      ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, length - tailLength);
      int end = -1;
      for (int i = tailLength - END_SIZE; i >= 0 && end < 0; i--) {
        if (tail.getInt(i) == END) {
          end = i;
        }
      }
      if (end < 0) {
        throw new BundleException(
            zipStart
                ? file
                    + " is truncated or damaged: its end-of-archive record is missing"
                    + " (an interrupted copy or download?); get the whole file again"
                : file + " is not a Hopscope bundle: it is not a zip file");
      }
      int count = Short.toUnsignedInt(tail.getShort(end + 10));
      long directorySize = Integer.toUnsignedLong(tail.getInt(end + 12));
      long directoryOffset = Integer.toUnsignedLong(tail.getInt(end + 16));
      long endOffset = length - tailLength + end;
      if (count == 0xFFFF || directoryOffset == 0xFFFFFFFFL) {
        throw new BundleException(file + " is a ZIP64 archive, which no Hopscope bundle is");
      }
      if (count > maxEntries) {
        throw new BundleException(
            file
                + " has "
                + count
                + " entries, more than the "
                + maxEntries
                + " a bundle may hold");
      }
      if (directoryOffset + directorySize > endOffset || directorySize > Integer.MAX_VALUE) {
        throw new BundleException(
            file + " is truncated or damaged: its central directory lies outside the file");
      }
      ByteBuffer dir = ByteBuffer.allocate((int) directorySize).order(ByteOrder.LITTLE_ENDIAN);
      while (dir.hasRemaining() && channel.read(dir, directoryOffset + dir.position()) > 0) {
        // reads the whole directory
      }
      return entries(file, dir, count);
    }
  }

  private static List<Entry> entries(Path file, ByteBuffer dir, int count) {
    List<Entry> entries = new ArrayList<>();
    int at = 0;
    for (int i = 0; i < count; i++) {
      if (at + 46 > dir.capacity() || dir.getInt(at) != CENTRAL) {
        throw new BundleException(
            file
                + " is damaged: its central directory ends after "
                + i
                + " of "
                + count
                + " entries");
      }
      int madeBy = Short.toUnsignedInt(dir.getShort(at + 4));
      int flags = Short.toUnsignedInt(dir.getShort(at + 8));
      int method = Short.toUnsignedInt(dir.getShort(at + 10));
      long compressed = Integer.toUnsignedLong(dir.getInt(at + 20));
      long size = Integer.toUnsignedLong(dir.getInt(at + 24));
      int nameLength = Short.toUnsignedInt(dir.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(dir.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(dir.getShort(at + 32));
      long external = Integer.toUnsignedLong(dir.getInt(at + 38));
      int next = at + 46 + nameLength + extraLength + commentLength;
      if (next > dir.capacity()) {
        throw new BundleException(
            file + " is damaged: entry " + (i + 1) + " runs past its directory");
      }
      byte[] rawName = new byte[nameLength];
      dir.get(at + 46, rawName);
      boolean unix = (madeBy >> 8) == 3;
      boolean symlink = unix && ((external >> 16) & 0xF000) == 0xA000;
      entries.add(
          new Entry(name(file, rawName, i), method, compressed, size, symlink, (flags & 1) != 0));
      at = next;
    }
    return entries;
  }

  private static String name(Path file, byte[] raw, int index) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BundleException(
          file
              + ": the name of entry "
              + (index + 1)
              + " is not valid UTF-8; not a bundle Hopscope"
              + " wrote");
    }
  }
}
