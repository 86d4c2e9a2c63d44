package aegis.source.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Real git repositories and gpg keys for tests, made with the git and gpg command-line tools in a
 * temporary directory that is also HOME, XDG_CONFIG_HOME and GNUPGHOME, for those tools and for
 * JGit in this JVM (through its {@link SystemReader}), so no test reads or writes the user's own
 * configuration or keyring. Each repository has its own clock for commit and tag dates, one second
 * per git command, so that a repository built by the same commands has the same commit ids on
 * every run (signed objects excepted: signatures carry their own time). Close it to stop the gpg
 * agent and give JGit its reader back.
 */
public final class GitWorld implements AutoCloseable {
  private static final long EPOCH = 1_793_520_000L; // 2026-11-01T08:00:00Z

  private final Path root;
  private final Path home;
  private final Path xdg;
  private final Path gnupg;
  private final SystemReader previous;

  public GitWorld(Path root) throws IOException {
    this.root = root;
    this.home = Files.createDirectories(root.resolve("home"));
    this.xdg = Files.createDirectories(home.resolve(".config"));
    this.gnupg = Files.createDirectories(root.resolve("gnupg"));
    Files.setPosixFilePermissions(gnupg, PosixFilePermissions.fromString("rwx------"));
    this.previous = SystemReader.getInstance();
    SystemReader.setInstance(new Isolated(previous));
  }

  public Path root() { return root; }

  public Path home() { return home; }

  /** The environment every tool runs with. */
  public Map<String, String> env() {
    var env = new HashMap<String, String>();
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", xdg.toString());
    env.put("GNUPGHOME", gnupg.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("LC_ALL", "C");
    return env;
  }

  /** A new repository with a working tree, on branch {@code main}. */
  public Repo repo(String name) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    run(dir, "git", "init", "-q", "-b", "main");
    return new Repo(dir);
  }

  /**
   * A new gpg key without a passphrase that can sign.
   *
   * @param algorithm {@code rsa2048} or {@code ed25519}
   * @return its fingerprint
   */
  public String key(String userId, String algorithm) throws IOException {
    run(root, "gpg", "--batch", "--passphrase", "", "--quick-gen-key", userId, algorithm, "sign", "never");
    String listing = run(root, "gpg", "--batch", "--with-colons", "--list-keys", userId);
    for (String line : listing.split("\n")) {
      if (line.startsWith("fpr:")) return line.split(":")[9];
    }
    throw new IllegalStateException("gpg made no key for " + userId + ":\n" + listing);
  }

  /** Exports public keys to {@code fileName} in the world's directory, armored or binary. */
  public Path export(String fileName, boolean armored, String... fingerprints) throws IOException {
    Path file = root.resolve(fileName);
    var command = new ArrayList<>(List.of("gpg", "--batch", "--yes", "--output", file.toString(), "--export"));
    if (armored) command.add("--armor");
    command.addAll(List.of(fingerprints));
    run(root, command.toArray(String[]::new));
    return file;
  }

  /** Runs a command in {@code dir}; a non-zero exit fails the test with the command's output. */
  public String run(Path dir, String... command) throws IOException {
    return runAt(dir, null, EPOCH, command);
  }

  private String runAt(Path dir, byte[] input, long date, String... command) throws IOException {
    var process = start(dir, List.of(command), input, date);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    finish(process, List.of(command), out);
    return out;
  }

  private Process start(Path dir, List<String> command, byte[] input, long seconds) throws IOException {
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env());
    String date = seconds + " +0000";
    builder.environment().put("GIT_AUTHOR_DATE", date);
    builder.environment().put("GIT_COMMITTER_DATE", date);
    builder.environment().put("GIT_AUTHOR_NAME", "Ops Tester");
    builder.environment().put("GIT_AUTHOR_EMAIL", "ops@example.com");
    builder.environment().put("GIT_COMMITTER_NAME", "Ops Tester");
    builder.environment().put("GIT_COMMITTER_EMAIL", "ops@example.com");
    var process = builder.start();
    try (var stdin = process.getOutputStream()) {
      if (input != null) stdin.write(input);
    }
    return process;
  }

  private static void finish(Process process, List<String> command, String out) throws IOException {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + out);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(gnupg)) run(root, "gpgconf", "--kill", "all");
    } finally {
      SystemReader.setInstance(previous);
    }
  }

  /** A repository with a working tree, driven through the git CLI. */
  public final class Repo {
    private final Path dir;
    private long clock = EPOCH;

    private Repo(Path dir) {
      this.dir = dir;
    }

    public Path dir() { return dir; }

    /** Its {@code file://} URL. */
    public String url() { return dir.toUri().toString().replaceAll("/$", ""); }

    /** A {@code git+} runbook URL for a file of this repository at {@code ref}. */
    public String runbook(String path, String ref) { return "git+" + url() + "//" + path + "@" + ref; }

    public Repo write(String path, String text) throws IOException {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return this;
    }

    public Repo delete(String path) throws IOException {
      git("rm", "-q", path);
      return this;
    }

    /** Commits everything; returns the new commit's id. */
    public String commit(String message) throws IOException {
      git("add", "-A");
      git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", message);
      return head();
    }

    /** Commits everything with a signature by {@code key}; returns the new commit's id. */
    public String signedCommit(String message, String key) throws IOException {
      git("add", "-A");
      git("-c", "user.signingkey=" + key, "commit", "-q", "-S", "--allow-empty", "-m", message);
      return head();
    }

    public String head() throws IOException { return git("rev-parse", "HEAD").strip(); }

    /** An annotated tag without a signature. */
    public Repo tag(String name) throws IOException {
      git("-c", "tag.gpgsign=false", "tag", "-a", "-m", "release " + name, name);
      return this;
    }

    /** A lightweight tag. */
    public Repo lightTag(String name) throws IOException {
      git("tag", name);
      return this;
    }

    public Repo signedTag(String name, String key) throws IOException {
      git("-c", "user.signingkey=" + key, "tag", "-s", "-m", "release " + name, name);
      return this;
    }

    /** Moves a tag to the current commit, as a force-push of a tag would. */
    public Repo moveTag(String name) throws IOException {
      git("-c", "tag.gpgsign=false", "tag", "-f", "-a", "-m", "release " + name + " (moved)", name);
      return this;
    }

    public String git(String... args) throws IOException {
      return gitWithInput(null, args);
    }

    /** Runs git with {@code input} on its standard input (e.g. {@code hash-object --stdin}). */
    public String gitWithInput(byte[] input, String... args) throws IOException {
      var command = new ArrayList<String>();
      command.add("git");
      command.addAll(List.of(args));
      return runAt(dir, input, clock++, command.toArray(String[]::new));
    }
  }

  /** JGit's view of the process, with HOME, XDG_CONFIG_HOME and GNUPGHOME in the test's directory. */
  private final class Isolated extends SystemReader.Delegate {
    Isolated(SystemReader delegate) {
      super(delegate);
    }

    @Override
    public String getenv(String variable) {
      return switch (variable) {
        case "HOME" -> home.toString();
        case "XDG_CONFIG_HOME" -> xdg.toString();
        case "GNUPGHOME" -> gnupg.toString();
        default -> super.getenv(variable);
      };
    }

    @Override
    public String getProperty(String key) {
      return "user.home".equals(key) ? home.toString() : super.getProperty(key);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, home.resolve(".gitconfig").toFile(), fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, root.resolve("no-system-gitconfig").toFile(), fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return new FileBasedConfig(parent, xdg.resolve("jgit").resolve("config").toFile(), fs);
    }
  }
}
