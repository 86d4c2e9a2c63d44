package aegis.adapters.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.adapters.AdapterException;
import aegis.eval.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unseal keys file: owner-only from its creation, never overwritten, never quoted. */
class InitKeysFileTest {
  private static final InitKeys KEYS = new InitKeys(
      List.of(new Value.Secret("aa11"), new Value.Secret("bb22")), List.of(new Value.Secret("qhE="), new Value.Secret("uyI=")),
      new Value.Secret("hvs.canaryroot"), 2, 2);

  @Test
  void writesTheVaultCliFormatReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    var file = dir.resolve("init.json");
    InitKeysFile.write(KEYS, file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    assertEquals("aa11", json.get("unseal_keys_hex").get(0).asText());
    assertEquals("uyI=", json.get("unseal_keys_b64").get(1).asText());
    assertEquals("hvs.canaryroot", json.get("root_token").asText());
    assertEquals(2, json.get("unseal_threshold").asInt());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
    assertEquals(KEYS, InitKeysFile.read(file));
  }

  @Test
  void neverOverwritesAnExistingFile(@TempDir Path dir) throws Exception {
    var file = dir.resolve("init.json");
    Files.writeString(file, "earlier keys");
    var e = assertThrows(AdapterException.class, () -> InitKeysFile.write(KEYS, file));
    assertTrue(e.getMessage().startsWith("will not overwrite " + file), e.getMessage());
    assertEquals("earlier keys", Files.readString(file));
  }

  @Test
  void aMissingDirectoryIsNamed(@TempDir Path dir) {
    var e = assertThrows(AdapterException.class, () -> InitKeysFile.write(KEYS, dir.resolve("no/such/init.json")));
    assertTrue(e.getMessage().contains("the directory " + dir.resolve("no/such") + " does not exist"), e.getMessage());
  }

  @Test
  void readsTheOutputOfVaultOperatorInit(@TempDir Path dir) throws Exception {
    var file = dir.resolve("cli.json");
    Files.writeString(file, """
        {"unseal_keys_b64":["k1b64"],"unseal_keys_hex":["k1hex"],"unseal_shares":1,"unseal_threshold":1,
         "recovery_keys_b64":[],"recovery_keys_hex":[],"recovery_keys_shares":0,"recovery_keys_threshold":0,
         "root_token":"hvs.fromcli"}
        """);
    var keys = InitKeysFile.read(file);
    assertEquals("k1hex", keys.keys().getFirst().reveal());
    assertEquals("hvs.fromcli", keys.rootToken().reveal());
    assertEquals(1, keys.threshold());
  }

  @Test
  void aBrokenFileIsReportedWithoutQuotingIt(@TempDir Path dir) throws Exception {
    var file = dir.resolve("broken.json");
    Files.writeString(file, "{\"root_token\": hvs.canary-broken");
    var e = assertThrows(AdapterException.class, () -> InitKeysFile.read(file));
    assertFalse(e.getMessage().contains("canary"), e.getMessage());
    assertTrue(e.getMessage().contains("is not the JSON of `vault operator init -format=json`"), e.getMessage());
    Files.writeString(file, "{\"keys\": [\"canary-key\"]}");
    var incomplete = assertThrows(AdapterException.class, () -> InitKeysFile.read(file));
    assertFalse(incomplete.getMessage().contains("canary"), incomplete.getMessage());
  }
}
