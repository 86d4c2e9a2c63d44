package aegis.adapters.crypto;

import aegis.adapters.AdapterException;
import aegis.adapters.Args;
import aegis.adapters.BuiltinModule;
import aegis.adapters.CallContext;
import aegis.adapters.Extern;
import aegis.eval.Value;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** {@code stdlib/crypto.aegis}: random secrets from {@link SecureRandom}, registered for redaction as they are made. */
public final class CryptoModule implements BuiltinModule {
  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_BYTES = 4096;
  /** Made on first use: a SecureRandom sets up the JDK's security providers (~8 ms), which most runs never need. */
  private static final class Source {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  @Override
  public String name() { return "crypto"; }

  @Extern("randomBase64")
  public Value randomBase64(CallContext ctx, Args a) { return secret(ctx, Base64.getEncoder().encodeToString(bytes(a.integer(0)))); }

  @Extern("randomHex")
  public Value randomHex(CallContext ctx, Args a) { return secret(ctx, HexFormat.of().formatHex(bytes(a.integer(0)))); }

  @Extern("randomPassword")
  public Value randomPassword(CallContext ctx, Args a) {
    long n = a.integer(0);
    if (n < 8 || n > MAX_BYTES) throw new AdapterException("crypto", "a password needs 8 to " + MAX_BYTES + " characters, not " + n);
    var sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(ALPHANUMERIC.charAt(Source.INSTANCE.nextInt(ALPHANUMERIC.length())));
    return secret(ctx, sb.toString());
  }

  private byte[] bytes(long n) {
    if (n < 1 || n > MAX_BYTES) throw new AdapterException("crypto", "ask for 1 to " + MAX_BYTES + " random bytes, not " + n);
    var b = new byte[(int) n];
    Source.INSTANCE.nextBytes(b);
    return b;
  }

  private static Value secret(CallContext ctx, String text) {
    ctx.registerSecret(text);
    return new Value.Secret(text);
  }
}
