package dev.crossbuild.audit;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked positional reads from one open binary: every header field that points somewhere is
 * checked against the file size first, so a corrupt file fails with a {@link BinaryFormatException}
 * naming it rather than an index error or a huge allocation.
 */
final class BinaryFile {

  /**
   * Largest single table (string table, load commands) an audit reads; real ones are far smaller.
   */
  static final int MAX_TABLE = 64 << 20;

  private final FileChannel channel;
  private final String path;
  private final long size;

  BinaryFile(FileChannel channel, String path) throws IOException {
    this.channel = channel;
    this.path = path;
    this.size = channel.size();
  }

  String path() {
    return path;
  }

  long size() {
    return size;
  }

  /** A corrupt-header failure for this file. */
  BinaryFormatException corrupt(String problem) {
    return new BinaryFormatException(path, problem);
  }

  /** Up to {@code max} bytes from the start of the file, fewer when the file is shorter. */
  ByteBuffer prefix(int max) throws IOException {
    return read(0, Math.min(max, size), "file start", ByteOrder.BIG_ENDIAN);
  }

  /**
   * Exactly {@code length} bytes at {@code offset}, in the given byte order.
   *
   * @param what names the structure in the error message, e.g. "ELF section header table"
   */
  ByteBuffer read(long offset, long length, String what, ByteOrder order) throws IOException {
    if (offset < 0 || length < 0 || offset > size || length > size - offset) {
      throw corrupt(
          what
              + " needs bytes "
              + Long.toUnsignedString(offset)
              + " to "
              + Long.toUnsignedString(offset + length)
              + " but the file has "
              + size
              + " bytes");
    }
    if (length > MAX_TABLE) {
      throw corrupt(
          what
              + " claims "
              + length
              + " bytes, more than the "
              + (MAX_TABLE >> 20)
              + " MiB an audit reads");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) length).order(order);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, offset + buffer.position()) < 0) {
        throw new EOFException(path + " shrank while it was being audited");
      }
    }
    return buffer.flip();
  }

  /**
   * The NUL-terminated string at {@code offset} of {@code table} (a string table already read).
   *
   * @param what names the table in the error message
   */
  String string(ByteBuffer table, long offset, String what) throws BinaryFormatException {
    if (offset < 0 || offset >= table.limit()) {
      throw corrupt(
          "string offset "
              + offset
              + " lies outside the "
              + what
              + " ("
              + table.limit()
              + " bytes)");
    }
    int start = (int) offset;
    int end = start;
    while (end < table.limit() && table.get(end) != 0) {
      end++;
    }
    if (end == table.limit()) {
      throw corrupt("string at offset " + offset + " of the " + what + " has no terminating NUL");
    }
    byte[] bytes = new byte[end - start];
    table.get(start, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The NUL-terminated string at file offset {@code offset}, at most {@code max} bytes long. */
  String string(long offset, int max, String what) throws IOException {
    if (offset < 0 || offset >= size) {
      throw corrupt(
          what
              + " starts at byte "
              + Long.toUnsignedString(offset)
              + " but the file has "
              + size
              + " bytes");
    }
    return string(read(offset, Math.min(max, size - offset), what, ByteOrder.BIG_ENDIAN), 0, what);
  }

  static int u16(ByteBuffer buffer, int index) {
    return Short.toUnsignedInt(buffer.getShort(index));
  }

  static long u32(ByteBuffer buffer, int index) {
    return Integer.toUnsignedLong(buffer.getInt(index));
  }
}
