package aegis.adapters.neo4j;

import aegis.adapters.AdapterException;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** Turns driver failures into {@link AdapterException}s that say what failed and what to do; never a password. */
final class Neo4jErrors {
  static final String SYSTEM = "neo4j";

  private Neo4jErrors() {}

  /** Whether {@code e} means the server could not be reached or used (so it is not ready). */
  static boolean unavailable(Throwable e) {
    return e instanceof ServiceUnavailableException || e instanceof SessionExpiredException;
  }

  static AdapterException translate(RuntimeException e, Neo4jEndpoint ep, String what) {
    var code = e instanceof Neo4jException n ? n.code() : "";
    var msg = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    String text;
    if (e instanceof AuthenticationException) {
      text = "authentication failed for user \"" + ep.user() + "\" at " + ep.uri() + (ep.password() == null
          ? ": the environment gives no password, but the server wants one" : ": check the password in the " + ep.password().describe());
    } else if (unavailable(e)) {
      text = "cannot reach Neo4j at " + ep.uri() + " during " + what + ": " + msg;
    } else if ("Neo.ClientError.Statement.AccessMode".equals(code)) {
      text = what + " tried to write in a read transaction (" + ep.uri() + "): " + msg;
    } else if (code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut")
        || code.equals("Neo.TransientError.Transaction.LockClientStopped")) {
      text = what + " ran out of time on " + ep.uri() + ": " + msg;
    } else if (code.equals("Neo.ClientError.Database.DatabaseNotFound")) {
      text = msg + " (" + ep.uri() + ")";
    } else if (e instanceof ClientException || e instanceof Neo4jException) {
      text = what + " failed on " + ep.uri() + ": " + msg + (code.isEmpty() ? "" : " [" + code + "]");
    } else {
      text = what + " failed on " + ep.uri() + ": " + msg;
    }
    return new AdapterException(SYSTEM, text, e);
  }

  private static String firstLine(String s) {
    var nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
