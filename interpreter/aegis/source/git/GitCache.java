package aegis.source.git;

import aegis.diagnostics.Code;
import aegis.exec.journal.AegisHome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Bare mirrors of the repositories runbooks come from, under {@code $AEGIS_HOME/cache/git/}: one
 * per remote URL, named by a hash of the URL and its last path segment. A fetch copies every
 * branch and tag (moved tags and deleted refs follow the remote) and keeps every object it ever
 * fetched, so a commit a plan pinned stays readable after the remote moved on. Nothing here
 * touches a working tree.
 */
public final class GitCache {
  private static final RefSpec BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");
  private static final RefSpec TAGS = new RefSpec("+refs/tags/*:refs/tags/*");
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Duration timeout;

  /**
   * @param dir     where the mirrors live
   * @param timeout how long a fetch may wait on the network before it gives up
   */
  public GitCache(Path dir, Duration timeout) {
    this.dir = dir.toAbsolutePath().normalize();
    this.timeout = timeout;
  }

  /** The cache of an aegis home: {@code $AEGIS_HOME/cache/git}, fetches giving up after a minute. */
  public static GitCache of(AegisHome home) {
    return new GitCache(home.root().resolve("cache").resolve("git"), Duration.ofMinutes(1));
  }

  public Path dir() { return dir; }

  /** The mirror of {@code remote} (its directory may not exist yet). */
  Path mirrorOf(String remote) {
    return dir.resolve(hash(remote) + "-" + lastSegment(remote) + ".git");
  }

  /** Whether the cache has a mirror of {@code remote} (fetched at least once). */
  boolean has(String remote) {
    return Files.isRegularFile(mirrorOf(remote).resolve("config"));
  }

  /** Opens the mirror of {@code remote}, creating an empty one on first use. */
  Repository open(String remote) throws GitSourceException {
    Path mirror = mirrorOf(remote);
    try {
      if (!has(remote)) {
        Files.createDirectories(mirror);
        try (Git git = Git.init().setBare(true).setDirectory(mirror.toFile()).call()) {
          var config = git.getRepository().getConfig();
          config.setString("remote", "origin", "url", remote);
          config.setBoolean("gc", null, "autoDetach", false);
          config.save();
        }
      }
      return new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build();
    } catch (IOException | GitAPIException | JGitInternalException e) {
      throw new GitSourceException(Code.AEG311, remote, "cannot use the git cache at " + mirror + ": " + describe(e), e)
          .withHint("check that $AEGIS_HOME is writable, or delete " + mirror + " to start that mirror afresh");
    }
  }

  /** Fetches every branch and tag of {@code remote} into its mirror; refs the remote deleted go too. */
  void fetch(Repository mirror, String remote) throws GitSourceException {
    try (Git git = Git.wrap(mirror)) {
      git.fetch().setRemote(remote).setRefSpecs(BRANCHES, TAGS).setTagOpt(TagOpt.NO_TAGS).setRemoveDeletedRefs(true)
          .setCheckFetchedObjects(true).setTimeout((int) Math.max(1, timeout.toSeconds())).call();
    } catch (GitAPIException | JGitInternalException e) {
      throw new GitSourceException(Code.AEG311, remote, "cannot fetch " + remote + ": " + describe(e), e);
    }
  }

  /**
   * Holds the mirror of {@code remote} for this process and, through a lock file, against other
   * aegis processes sharing the home: two fetches into one mirror would fight over its refs.
   */
  Lock lock(String remote) throws GitSourceException {
    Path lockFile = dir.resolve(hash(remote) + ".lock");
    ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Lock(local, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      local.unlock();
      throw new GitSourceException(Code.AEG311, remote, "cannot lock the git cache at " + dir + ": " + describe(e), e);
    }
  }

  /** The cache's lock on one mirror; closing it lets the next process in. */
  static final class Lock implements AutoCloseable {
    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Lock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
      this.local = local;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        fileLock.release();
        channel.close();
      } catch (IOException ignored) {
        // closing the channel releases the lock in any case
      } finally {
        local.unlock();
      }
    }
  }

  /** The most specific message in a chain of causes: JGit wraps the transport's reason. */
  static String describe(Throwable e) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
      if (t.getCause() == t) break;
    }
    return message == null ? e.getClass().getSimpleName() : message.strip();
  }

  private static String hash(String remote) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(remote.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** {@code ops} for {@code https://host/team/ops.git}: a readable part of the mirror's name. */
  private static String lastSegment(String remote) {
    String trimmed = remote.replaceAll("/+$", "");
    String last = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    if (last.toLowerCase(Locale.ROOT).endsWith(".git")) last = last.substring(0, last.length() - 4);
    String safe = last.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() ? "repo" : safe.length() > 40 ? safe.substring(0, 40) : safe;
  }
}
