package aegis.exec.lock;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.RunId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process for {@link EnvironmentLocksTest}: {@code HOME ENV RUN_ID}. Prints {@code READY},
 * waits for a line (the start signal), tries to lock, prints {@code WON} or {@code LOST <message>},
 * and, having won, holds the lock until stdin closes.
 */
public final class LockRaceMain {
  private LockRaceMain() {}

  public static void main(String[] args) throws Exception {
    EnvironmentLocks locks = new EnvironmentLocks(new AegisHome(Path.of(args[0])));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("READY");
    System.out.flush();
    in.readLine();
    try (EnvironmentLock lock = locks.acquire(args[1], new RunId(args[2]))) {
      System.out.println("WON " + lock.holder().pid());
      System.out.flush();
      while (in.readLine() != null) {
        // Holds the lock until the parent closes stdin.
      }
    } catch (LockHeldException lost) {
      System.out.println("LOST " + lost.getMessage());
      System.out.flush();
    }
  }
}
