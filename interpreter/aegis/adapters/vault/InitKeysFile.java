package aegis.adapters.vault;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The file the unseal keys and root token of {@code vault.init} are kept in, in the format of
 * {@code vault operator init -format=json}. Written so that no one else can ever read it: the file
 * is created with mode 0600 (not chmod-ed afterwards), filled and flushed under a temporary name,
 * then linked into place, which fails rather than replace an existing file (it may hold the only
 * copy of earlier keys). No message ever quotes the file's content.
 */
public final class InitKeysFile {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private InitKeysFile() {}

  /** Writes {@code keys} to a new file {@code file}; fails if it exists. */
  public static void write(InitKeys keys, Path file) {
    var target = file.toAbsolutePath();
    var dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new AdapterException("vault", "cannot save the Vault keys: the directory " + dir + " does not exist");
    }
    if (Files.exists(target)) throw exists(target);
    Path temp;
    try {
      temp = Files.createTempFile(dir, ".vault-init-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException e) {
      throw new AdapterException("vault", "cannot save the Vault keys in " + dir
          + ": its file system has no POSIX permissions, so the file could not be made readable by its owner only");
    } catch (IOException e) {
      throw new AdapterException("vault", "cannot save the Vault keys in " + dir + ": " + e.getClass().getSimpleName());
    }
    try {
      try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(keys))));
        channel.force(true);
      }
      link(temp, target);
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    } catch (IOException e) {
      throw new AdapterException("vault", "cannot save the Vault keys to " + target + ": " + e.getClass().getSimpleName());
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the temporary file is mode 0600 and holds nothing the target does not
      }
    }
  }

  /** Reads a file written by {@link #write} (or by {@code vault operator init -format=json}). */
  public static InitKeys read(Path file) {
    JsonNode json;
    try {
      json = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new AdapterException("vault", "cannot read the Vault keys: " + file + " does not exist");
    } catch (IOException e) {
      // Parser messages quote the input, and the input is key material.
      throw new AdapterException("vault", "cannot read the Vault keys: " + file + " is not the JSON of `vault operator init -format=json`");
    }
    if (json == null || !json.path("unseal_keys_hex").isArray() || json.path("root_token").asText("").isEmpty()) {
      throw new AdapterException("vault", "cannot read the Vault keys: " + file
          + " has no unseal_keys_hex or root_token (it should be the JSON of `vault operator init -format=json`)");
    }
    return new InitKeys(secrets(json.path("unseal_keys_hex")), secrets(json.path("unseal_keys_b64")),
        new Value.Secret(json.path("root_token").asText()),
        json.path("unseal_shares").asInt(json.path("unseal_keys_hex").size()), json.path("unseal_threshold").asInt(0));
  }

  private static void link(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
    } catch (UnsupportedOperationException e) {
      // No hard links here: a rename is atomic too, but would replace a file created meanwhile.
      if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }
    try (var dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // Not every platform can sync a directory; the file itself is already on disk.
    }
  }

  private static AdapterException exists(Path target) {
    return new AdapterException("vault", "will not overwrite " + target
        + ": it may hold the only copy of earlier Vault keys; move it away first");
  }

  private static JsonNode toJson(InitKeys keys) {
    var root = JSON.createObjectNode();
    var b64 = root.putArray("unseal_keys_b64");
    keys.keysBase64().forEach(k -> b64.add(k.reveal()));
    var hex = root.putArray("unseal_keys_hex");
    keys.keys().forEach(k -> hex.add(k.reveal()));
    root.put("unseal_shares", keys.shares());
    root.put("unseal_threshold", keys.threshold());
    root.put("root_token", keys.rootToken().reveal());
    return root;
  }

  private static List<Value.Secret> secrets(JsonNode array) {
    var list = new ArrayList<Value.Secret>();
    array.forEach(n -> list.add(new Value.Secret(n.asText())));
    return list;
  }
}
