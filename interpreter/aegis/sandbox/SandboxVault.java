package aegis.sandbox;

import aegis.sandbox.vault.FakeVaultServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's Vault: a {@link FakeVaultServer}, seeded as a deployed platform's Vault is. Seeded,
 * it is initialised and unsealed, its root token is written to the environment's token file (mode
 * 0600; the file is removed again when the sandbox stops), and it holds every credential the
 * environment reads from Vault plus the secrets {@code deploy} creates. Unseeded, it is a Vault that
 * was never initialised, for trying {@code deploy}'s first run; a token file left from an earlier
 * sandbox is removed, since its token died with that sandbox.
 */
final class SandboxVault implements SandboxServer {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final SandboxLayout layout;
  private final FakeVaultServer server;
  private final String token;

  private SandboxVault(SandboxLayout layout, FakeVaultServer server, String token) {
    this.layout = layout;
    this.server = server;
    this.token = token;
  }

  /**
   * @param passwords the database passwords the other servers were given, by credential usage
   *                  ({@code postgres.password}), stored where the environment reads them
   */
  static SandboxVault start(SandboxLayout layout, boolean seed, Map<String, String> passwords) throws SandboxException {
    var tokenFile = layout.vault().tokenFile();
    String token = seed ? "hvs.sandbox" + random(ALPHANUMERIC, 20) : null;
    var server = seed ? FakeVaultServer.dev(token) : FakeVaultServer.uninitialized();
    try {
      server.start(layout.vault().port());
    } catch (BindException e) {
      throw LoopbackHttp.portTaken(layout.vault().port(), "Vault");
    } catch (IOException e) {
      throw new SandboxException("the sandbox's Vault could not start: " + e.getMessage(), e);
    }
    var vault = new SandboxVault(layout, server, token);
    try {
      if (seed) {
        vault.seed(passwords);
        writePrivate(tokenFile, token + "\n");
      } else {
        Files.deleteIfExists(tokenFile);
      }
    } catch (IOException e) {
      vault.close();
      throw new SandboxException("the sandbox could not write its Vault token to " + tokenFile + ": " + e.getMessage(), e);
    }
    return vault;
  }

  private void seed(Map<String, String> passwords) {
    var secrets = new LinkedHashMap<String, Map<String, Object>>();
    for (var c : layout.credentials()) {
      var value = switch (c.usage()) {
        case "slack.webhook" -> layout.slackWebhookUrl();
        default -> passwords.getOrDefault(c.usage(), random(ALPHANUMERIC, 32));
      };
      secrets.computeIfAbsent(c.path(), k -> new LinkedHashMap<>()).put(c.key(), value);
    }
    // What deploy's "credentials in Vault" step creates, so that the sandbox is a deployed platform.
    var pg = layout.postgres();
    secrets.computeIfAbsent("secret/aegis/postgresql", k -> new LinkedHashMap<>(Map.of(
        "username", pg.user(), "password", passwords.getOrDefault("postgres.password", random(ALPHANUMERIC, 32)))));
    secrets.computeIfAbsent("secret/aegis/neo4j", k -> new LinkedHashMap<>(Map.of(
        "username", "neo4j", "password", passwords.getOrDefault("neo4j.password", random(ALPHANUMERIC, 32)))));
    secrets.computeIfAbsent("secret/aegis/jwt", k -> new LinkedHashMap<>(Map.of("signing-key", base64(64))));
    secrets.computeIfAbsent("secret/aegis/encryption", k -> new LinkedHashMap<>(Map.of("key", base64(32))));
    secrets.forEach((path, data) -> {
      int slash = path.indexOf('/');
      server.putSecret(path.substring(0, slash), path.substring(slash + 1), data);
    });
  }

  @Override
  public Component component() { return Component.VAULT; }

  @Override
  public List<String> describe() {
    var address = "http://127.0.0.1:" + layout.vault().port();
    if (token == null) {
      return List.of(address + " (never initialised: deploy initialises it and writes the keys to "
          + layout.vault().initKeysFile() + ")");
    }
    return List.of(address + " (initialised and unsealed; root token in " + layout.vault().tokenFile() + ")");
  }

  /** The server, for tests that look inside. */
  FakeVaultServer server() { return server; }

  @Override
  public void close() {
    server.close();
    if (token == null) return;
    var file = layout.vault().tokenFile();
    try {
      if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(token)) Files.delete(file);
    } catch (IOException e) {
      // A token file that cannot be removed holds a token that no longer opens anything.
    }
  }

  /** Writes {@code text} readable by the owner only, in a directory only the owner can enter. */
  static void writePrivate(Path file, String text) throws IOException {
    var dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    try {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      var tmp = Files.createTempFile(dir, ".token", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (UnsupportedOperationException notPosix) {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  static String random(String alphabet, int length) {
    var out = new StringBuilder(length);
    for (int i = 0; i < length; i++) out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    return out.toString();
  }

  static String password() { return random(ALPHANUMERIC, 32); }

  private static String base64(int bytes) {
    var b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }
}
