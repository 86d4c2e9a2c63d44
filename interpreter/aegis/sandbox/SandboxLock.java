package aegis.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Who owns the sandbox's ports: the process that holds {@code sandbox.lock} in the sandbox
 * directory (an OS file lock, gone with the process however it ends). {@code aegis sandbox} holds
 * it while it runs, a command that starts servers for itself while it runs; a command that finds
 * the lock held and the servers not yet all up waits for them instead of racing for the ports.
 */
final class SandboxLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private SandboxLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or null when another process (or this one) holds it. */
  static SandboxLock tryAcquire(SandboxLayout layout) throws SandboxException {
    var file = layout.directory().resolve("sandbox.lock");
    FileChannel channel = null;
    try {
      Files.createDirectories(layout.directory());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      var lock = channel.tryLock();
      if (lock != null) return new SandboxLock(channel, lock);
      channel.close();
      return null;
    } catch (OverlappingFileLockException held) {
      closeQuietly(channel);
      return null;
    } catch (IOException e) {
      closeQuietly(channel);
      throw new SandboxException("the sandbox cannot use its lock file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) channel.close();
    } catch (IOException e) {
      // nothing held
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the OS releases it with the process
    }
  }
}
