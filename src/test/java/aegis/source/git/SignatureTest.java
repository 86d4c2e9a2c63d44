package aegis.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.diagnostics.Code;
import aegis.types.ModuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --require-signed} against tags and commits signed by gpg with RSA and Ed25519 keys: good
 * signatures by trusted keys pass; unsigned objects, untrusted keys and altered objects are each
 * refused with their own reason. The trusted keys are a file of exported public keys, never gpg's
 * keyring: the untrusted key lives in the same gpg home as the trusted ones.
 */
class SignatureTest {
  @TempDir
  static Path dir;

  private static GitWorld world;
  private static String rsa;
  private static String ed25519;
  private static String mallory;
  private static Path trusted;
  private static GitWorld.Repo repo;
  private static String unsignedCommit;
  private static String signedCommit;

  @BeforeAll
  static void keysAndRepository() throws IOException {
    world = new GitWorld(dir);
    rsa = world.key("Release Manager <release@example.com>", "rsa2048");
    ed25519 = world.key("Ops Lead <lead@example.com>", "ed25519");
    mallory = world.key("Mallory <mallory@example.com>", "ed25519");
    trusted = world.export("trusted.asc", true, rsa, ed25519);

    repo = OpsRepo.fill(world.repo("signed"));
    unsignedCommit = repo.commit("unsigned");
    repo.tag("unsigned-tag").lightTag("light").signedTag("v1-rsa", rsa).signedTag("v1-ed25519", ed25519)
        .signedTag("v1-mallory", mallory);
    repo.git("branch", "plain");
    repo.write("runbooks/hello.aegis", OpsRepo.HELLO + "// signed commit\n");
    signedCommit = repo.signedCommit("signed by the lead", ed25519);
    repo.tag("unsigned-tag-on-signed-commit");
    repo.git("branch", "signed");
  }

  @AfterAll
  static void close() throws IOException {
    world.close();
  }

  private static Snapshot open(String ref, Path keys) throws GitSourceException {
    var source = new GitSource(new GitCache(dir.resolve("cache"), Duration.ofSeconds(30)), ModuleLoader.classpath());
    return source.open(GitUrl.parse(repo.runbook("runbooks/hello.aegis", ref)), new GitSource.Options(TrustedKeys.load(keys), null));
  }

  private static GitSourceException refused(String ref) {
    var e = assertThrows(GitSourceException.class, () -> open(ref, trusted).close());
    assertEquals(Code.AEG314, e.code(), e.getMessage());
    return e;
  }

  @Test
  void aTagSignedWithATrustedRsaKeyIsAccepted() throws Exception {
    try (var snapshot = open("v1-rsa", trusted)) {
      assertEquals(unsignedCommit, snapshot.commit());
      var v = snapshot.verification();
      assertEquals("tag v1-rsa", v.object());
      assertEquals(rsa, v.fingerprint());
      assertEquals("tag v1-rsa signed by " + rsa + " (Release Manager <release@example.com>)", v.describe());
    }
  }

  @Test
  void aTagSignedWithATrustedEd25519KeyIsAccepted() throws Exception {
    try (var snapshot = open("v1-ed25519", trusted)) {
      assertEquals("tag v1-ed25519 signed by " + ed25519 + " (Ops Lead <lead@example.com>)", snapshot.verification().describe());
    }
  }

  @Test
  void aSignedCommitIsAcceptedOnABranchAnIdOrUnderAnUnsignedTag() throws Exception {
    for (String ref : new String[] {"signed", signedCommit, "unsigned-tag-on-signed-commit"}) {
      try (var snapshot = open(ref, trusted)) {
        assertEquals(signedCommit, snapshot.commit());
        assertEquals("commit " + signedCommit.substring(0, 12), snapshot.verification().object(), ref);
        assertEquals(ed25519, snapshot.verification().fingerprint());
      }
    }
  }

  @Test
  void keysMayBeGivenBinaryAndSeveralArmoredBlocksInOneFile() throws Exception {
    Path binary = world.export("trusted.gpg", false, rsa, ed25519);
    try (var snapshot = open("v1-ed25519", binary)) {
      assertEquals(ed25519, snapshot.verification().fingerprint());
    }
    Path concatenated = dir.resolve("two-blocks.asc");
    Files.writeString(concatenated, Files.readString(world.export("rsa.asc", true, rsa))
        + Files.readString(world.export("ed.asc", true, ed25519)));
    try (var snapshot = open("v1-ed25519", concatenated)) {
      assertEquals(ed25519, snapshot.verification().fingerprint());
    }
    assertEquals(2, TrustedKeys.load(concatenated).size());
  }

  @Test
  void anUnsignedTagOnAnUnsignedCommitIsRefused() {
    var e = refused("unsigned-tag");
    assertEquals("unsigned: tag `unsigned-tag` is not signed, and neither is its commit " + unsignedCommit.substring(0, 12)
        + "; --require-signed accepts only a signed tag or commit", e.getMessage());
  }

  @Test
  void anUnsignedBranchOrLightweightTagIsRefused() {
    assertEquals("unsigned: commit " + unsignedCommit.substring(0, 12) + " (branch plain) is not signed; --require-signed "
        + "accepts only a signed tag or commit", refused("plain").getMessage());
    assertTrue(refused("light").getMessage().startsWith("unsigned: commit "));
  }

  @Test
  void aSignatureByAKeyThatIsNotTrustedIsRefused() {
    var e = refused("v1-mallory");
    assertEquals("unknown key: tag v1-mallory is signed by key " + mallory + ", which is not one of the 2 trusted keys in "
        + trusted, e.getMessage());
    assertEquals("if you trust that key, add it: gpg --export --armor " + mallory + " >> " + trusted, e.hints().getFirst());
  }

  @Test
  void aTagChangedAfterItWasSignedIsRefused() throws Exception {
    String original = repo.git("cat-file", "tag", "v1-rsa");
    String altered = original.replace("release v1-rsa", "release v1-rsa (approved)");
    String id = repo.gitWithInput(altered.getBytes(StandardCharsets.UTF_8), "hash-object", "-t", "tag", "-w", "--stdin").strip();
    repo.git("update-ref", "refs/tags/v1-tampered", id);
    var e = refused("v1-tampered");
    assertEquals("bad signature: the signature of tag v1-rsa by key " + rsa + " (Release Manager <release@example.com>) "
        + "does not match its content: it was changed after it was signed, or the signature is corrupt", e.getMessage());
  }

  @Test
  void aCommitChangedAfterItWasSignedIsRefused() throws Exception {
    String original = repo.git("cat-file", "commit", signedCommit);
    String altered = original.replace("signed by the lead", "signed by the lead, honest");
    String id = repo.gitWithInput(altered.getBytes(StandardCharsets.UTF_8), "hash-object", "-t", "commit", "-w", "--stdin").strip();
    repo.git("branch", "tampered", id);
    var e = refused("tampered");
    assertTrue(e.getMessage().startsWith("bad signature: the signature of commit " + id.substring(0, 12) + " by key " + ed25519),
        e.getMessage());
  }

  @Test
  void aKeyringThatCannotBeReadIsABadInput() throws Exception {
    var missing = assertThrows(GitSourceException.class, () -> TrustedKeys.load(dir.resolve("nope.asc")));
    assertEquals(Code.AEG100, missing.code());
    assertEquals("cannot read the trusted keys `" + dir.resolve("nope.asc") + "`: no such file", missing.getMessage());
    Path junk = Files.writeString(dir.resolve("junk.asc"), "not a key\n");
    var notKeys = assertThrows(GitSourceException.class, () -> TrustedKeys.load(junk));
    assertEquals(Code.AEG100, notKeys.code());
    assertTrue(notKeys.getMessage().contains("it is not a keyring of OpenPGP public keys")
        || notKeys.getMessage().contains("it holds no public key"), notKeys.getMessage());
  }
}
