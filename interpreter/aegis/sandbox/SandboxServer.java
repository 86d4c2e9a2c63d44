package aegis.sandbox;

import java.util.List;

/** One started server of the sandbox: what it is, what to tell about it, and how to stop it. */
interface SandboxServer extends AutoCloseable {
  Component component();

  /** Where it listens and what a user needs to know to use it, one line each (no secrets). */
  List<String> describe();

  /** Stops it; never throws. */
  @Override
  void close();
}
