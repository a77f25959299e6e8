package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The marker {@value #FILE} that {@code up} leaves in a state folder, and the lock on it that
 * {@code up} holds while it works: {@code purge} never removes a folder whose lock is held (a
 * sandbox being started) and recognises state folders by the marker. An advisory file lock, seen by
 * every process (and released by the OS when one dies).
 */
final class StateFolderLock implements AutoCloseable {

  /** The marker file's name in the state folder. */
  static final String FILE = ".hopscope-sandbox";

  private final FileChannel channel;
  private final FileLock lock;

  private StateFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates the marker in {@code dir} and locks it, waiting for another holder to finish. */
  static StateFolderLock hold(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new StateFolderLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new SandboxException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** True when some process (this one included) holds the lock of {@code dir} now. */
  static boolean isHeld(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock probe = channel.tryLock();
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return true; // cannot tell: count it as in use, so nothing is removed
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new SandboxException("cannot release the lock of the state folder: " + e, e);
    }
  }
}
