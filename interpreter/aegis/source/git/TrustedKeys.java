package aegis.source.git;

import aegis.diagnostics.Code;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * The keys whose signatures {@code --require-signed} accepts: the public keys in one file the user
 * names ({@code gpg --export [--armor] KEY... > trusted-keys.asc}), armored or binary, one key or
 * many. This list is the whole of the trust decision: gpg's trust database and the keys in the
 * user's own keyring play no part, so a CI job trusts exactly the keys checked in with it.
 */
public final class TrustedKeys {
  private final Path file;
  private final List<PGPPublicKeyRing> rings;

  private TrustedKeys(Path file, List<PGPPublicKeyRing> rings) {
    this.file = file;
    this.rings = List.copyOf(rings);
  }

  /** Reads the keyring at {@code file}; a missing, empty or unreadable file is an error (AEG100). */
  public static TrustedKeys load(Path file) throws GitSourceException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw problem(file, "no such file");
    } catch (IOException e) {
      throw problem(file, GitCache.describe(e));
    }
    var rings = new ArrayList<PGPPublicKeyRing>();
    try {
      for (byte[] block : blocks(bytes)) {
        var collection = new PGPPublicKeyRingCollection(new ByteArrayInputStream(block), new BcKeyFingerprintCalculator());
        collection.getKeyRings().forEachRemaining(rings::add);
      }
    } catch (IOException | PGPException | RuntimeException e) {
      throw problem(file, "it is not a keyring of OpenPGP public keys (" + GitCache.describe(e) + ")");
    }
    if (rings.isEmpty()) throw problem(file, "it holds no public key");
    return new TrustedKeys(file, rings);
  }

  /** The file the keys came from. */
  public Path file() { return file; }

  /** How many keys (primary keys with their subkeys) are trusted. */
  public int size() { return rings.size(); }

  /**
   * The trusted key (a primary key or a subkey) that made a signature, by the signature's issuer
   * fingerprint when it has one and else by its key id; null when no trusted key matches.
   */
  PGPPublicKey find(long keyId, byte[] fingerprint) {
    for (PGPPublicKeyRing ring : rings) {
      for (Iterator<PGPPublicKey> keys = ring.getPublicKeys(); keys.hasNext(); ) {
        PGPPublicKey key = keys.next();
        boolean matches = fingerprint != null ? Arrays.equals(key.getFingerprint(), fingerprint) : key.getKeyID() == keyId;
        if (matches) return key;
      }
    }
    return null;
  }

  /** The first user id of the key's ring ({@code Alice <alice@example.com>}), or null. */
  String owner(PGPPublicKey key) {
    for (PGPPublicKeyRing ring : rings) {
      if (ring.getPublicKey(key.getKeyID()) == null) continue;
      Iterator<String> ids = ring.getPublicKey().getUserIDs();
      return ids.hasNext() ? ids.next() : null;
    }
    return null;
  }

  /** A key's fingerprint as gpg prints it without spaces: upper-case hex. */
  static String fingerprint(byte[] fingerprint) {
    return HexFormat.of().formatHex(fingerprint).toUpperCase(Locale.ROOT);
  }

  /** Each armored block of the file, decoded; a binary file is one block. */
  private static List<byte[]> blocks(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    String begin = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    if (!text.contains("-----BEGIN PGP ")) return List.of(bytes);
    if (text.contains("-----BEGIN PGP PRIVATE KEY BLOCK-----")) {
      throw new IOException("it contains a private key: export only public keys, with gpg --export --armor KEY");
    }
    String end = "-----END PGP PUBLIC KEY BLOCK-----";
    var out = new ArrayList<byte[]>();
    for (int at = text.indexOf(begin); at >= 0; at = text.indexOf(begin, at + begin.length())) {
      int stop = text.indexOf(end, at);
      if (stop < 0) throw new IOException("an armored key block is not closed by " + end);
      // Each block is decoded on its own: the armor decoder would read on into the next block.
      try (InputStream armored = new ArmoredInputStream(new ByteArrayInputStream(bytes, at, stop + end.length() - at))) {
        out.add(armored.readAllBytes());
      }
    }
    return out;
  }

  private static GitSourceException problem(Path file, String why) {
    return new GitSourceException(Code.AEG100, file.toString(), "cannot read the trusted keys `" + file + "`: " + why)
        .withHint("export the keys you trust with `gpg --export --armor KEYID... > FILE` and pass that file to --trusted-keys");
  }
}
