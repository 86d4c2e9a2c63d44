package aegis.source.git;

import aegis.diagnostics.Code;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.bcpg.sig.IssuerFingerprint;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * {@code --require-signed}: the tag or commit a runbook is read from must carry a good OpenPGP
 * signature by one of the {@link TrustedKeys}. An annotated tag's own signature is checked when it
 * has one; otherwise the commit's. Each refusal says which of the three it is: nothing is signed,
 * the signing key is not trusted, or the signature does not match (the object was altered after it
 * was signed). JGit supplies the signed bytes and the signature (as {@code git verify-tag} and
 * {@code verify-commit} see them); BouncyCastle, which JGit's GPG support is built on, checks the
 * signature against our own key list, because JGit's own key lookup reads the user's gpg keyring.
 */
final class SignatureCheck {
  private static final byte[] GPGSIG = "gpgsig".getBytes(StandardCharsets.US_ASCII);

  private SignatureCheck() {}

  /**
   * @param resolution what the ref named
   * @param shown      the URL as given, for messages
   */
  static Verification verify(RefResolver.Resolution resolution, TrustedKeys keys, String shown) throws GitSourceException {
    RevTag tag = resolution.tag();
    RevCommit commit = resolution.commit();
    String commitName = "commit " + RefResolver.short12(commit);
    if (tag != null && tag.getRawGpgSignature() != null) {
      byte[] raw = tag.getRawBuffer();
      byte[] signature = tag.getRawGpgSignature();
      return check("tag " + tag.getTagName(), Arrays.copyOfRange(raw, 0, raw.length - signature.length), signature, keys, shown);
    }
    if (commit.getRawGpgSignature() != null) {
      return check(commitName, withoutSignatureHeader(commit.getRawBuffer()), commit.getRawGpgSignature(), keys, shown);
    }
    String what = tag != null
        ? "tag `" + tag.getTagName() + "` is not signed, and neither is its " + commitName
        : commitName + " (" + resolution.describe() + ") is not signed";
    throw new GitSourceException(Code.AEG314, shown, "unsigned: " + what + "; --require-signed accepts only a signed tag or commit")
        .withHint("sign the release: git tag -s TAG (or git commit -S), and push it");
  }

  private static Verification check(String object, byte[] payload, byte[] signatureBytes, TrustedKeys keys, String shown)
      throws GitSourceException {
    String text = new String(signatureBytes, StandardCharsets.US_ASCII);
    if (!text.startsWith("-----BEGIN PGP SIGNATURE-----")) {
      throw refused(shown, "unsupported signature: " + object + " carries a signature that is not OpenPGP (an SSH or X.509 "
          + "signature?); --require-signed verifies OpenPGP signatures only");
    }
    PGPSignature signature = parse(signatureBytes);
    if (signature == null) throw refused(shown, "bad signature: the signature of " + object + " cannot be read as OpenPGP");
    byte[] fingerprint = issuerFingerprint(signature);
    String keyName = fingerprint != null ? TrustedKeys.fingerprint(fingerprint)
        : String.format("%016X", signature.getKeyID());
    PGPPublicKey key = keys.find(signature.getKeyID(), fingerprint);
    if (key == null) {
      throw refused(shown, "unknown key: " + object + " is signed by key " + keyName + ", which is not one of the "
          + keys.size() + " trusted key" + (keys.size() == 1 ? "" : "s") + " in " + keys.file())
          .withHint("if you trust that key, add it: gpg --export --armor " + keyName + " >> " + keys.file());
    }
    String owner = keys.owner(key);
    String signer = TrustedKeys.fingerprint(key.getFingerprint()) + (owner == null ? "" : " (" + owner + ")");
    if (key.hasRevocation()) throw refused(shown, "revoked key: " + object + " is signed by key " + signer + ", which is revoked");
    Instant signed = signature.getCreationTime().toInstant();
    long valid = key.getValidSeconds();
    if (valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(signed)) {
      throw refused(shown, "expired key: " + object + " was signed by key " + signer + " after the key expired");
    }
    boolean good;
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key);
      signature.update(payload);
      good = signature.verify();
    } catch (PGPException | RuntimeException e) {
      throw refused(shown, "bad signature: the signature of " + object + " by key " + signer + " cannot be checked: "
          + GitCache.describe(e));
    }
    if (!good) {
      throw refused(shown, "bad signature: the signature of " + object + " by key " + signer + " does not match its "
          + "content: it was changed after it was signed, or the signature is corrupt");
    }
    return new Verification(object, TrustedKeys.fingerprint(key.getFingerprint()), owner, signed);
  }

  /** The first signature in an armored signature block, or null when there is none. */
  private static PGPSignature parse(byte[] armored) {
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armored))) {
      Object next = new BcPGPObjectFactory(in).nextObject();
      if (next instanceof PGPCompressedData compressed) next = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
      return next instanceof PGPSignatureList list && !list.isEmpty() ? list.get(0) : null;
    } catch (IOException | PGPException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] issuerFingerprint(PGPSignature signature) {
    if (!signature.hasSubpackets()) return null;
    IssuerFingerprint issuer = signature.getHashedSubPackets().getIssuerFingerprint();
    if (issuer == null && signature.getUnhashedSubPackets() != null) issuer = signature.getUnhashedSubPackets().getIssuerFingerprint();
    return issuer == null ? null : issuer.getFingerprint();
  }

  /** A commit's bytes as they were signed: without its {@code gpgsig} header and that header's continuation lines. */
  private static byte[] withoutSignatureHeader(byte[] raw) {
    int start = RawParseUtils.headerStart(GPGSIG, raw, 0);
    if (start < 0) return raw;
    int end = RawParseUtils.headerEnd(raw, start);
    start -= GPGSIG.length + 1;
    if (end < raw.length) end++;
    byte[] out = new byte[raw.length - (end - start)];
    System.arraycopy(raw, 0, out, 0, start);
    System.arraycopy(raw, end, out, start, raw.length - end);
    return out;
  }

  private static GitSourceException refused(String shown, String message) {
    return new GitSourceException(Code.AEG314, shown, message);
  }
}
