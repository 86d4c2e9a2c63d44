package aegis.exec.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aegis.exec.journal.AegisHome;
import aegis.exec.journal.Identity;
import aegis.exec.journal.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentLocksTest {
  static final RunId RUN_A = new RunId("20261127T091500Z-aaaa");
  static final RunId RUN_B = new RunId("20261127T091501Z-bbbb");

  @TempDir Path dir;

  private EnvironmentLocks locks() {
    return new EnvironmentLocks(new AegisHome(dir));
  }

  /** Locks taken by a process that is not this one. */
  private EnvironmentLocks posingAs(Identity who, Instant now) {
    return new EnvironmentLocks(new AegisHome(dir), Clock.fixed(now, ZoneOffset.UTC), who);
  }

  @Test
  @Timeout(30)
  void twoThreadsRacingForOneEnvironmentLetExactlyOneIn() throws Exception {
    RunId[] ids = {RUN_A, RUN_B};
    CountDownLatch start = new CountDownLatch(1);
    List<AtomicReference<Object>> results = List.of(new AtomicReference<>(), new AtomicReference<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int n = i;
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
          results.get(n).set(locks().acquire("staging", ids[n]));
        } catch (Exception e) {
          results.get(n).set(e);
        }
      }));
    }
    start.countDown();
    for (Thread t : threads) t.join();

    List<EnvironmentLock> won = results.stream().map(AtomicReference::get)
        .filter(EnvironmentLock.class::isInstance).map(EnvironmentLock.class::cast).toList();
    List<LockHeldException> lost = results.stream().map(AtomicReference::get)
        .filter(LockHeldException.class::isInstance).map(LockHeldException.class::cast).toList();
    assertEquals(1, won.size(), results.toString());
    assertEquals(1, lost.size(), results.toString());
    LockHolder winner = won.getFirst().holder();
    String message = lost.getFirst().getMessage();
    assertNamesHolder(message, winner.runId(), Identity.current(), ProcessHandle.current().pid());
    assertTrue(message.contains("still running"), message);
    assertEquals(winner, lost.getFirst().heldBy());
    assertTrue(won.getFirst().release());
    assertFalse(Files.exists(locks().lockFile("staging")));
  }

  @Test
  @Timeout(120)
  void twoProcessesRacingForOneEnvironmentLetExactlyOneIn() throws Exception {
    try (ChildJvm a = ChildJvm.start(LockRaceMain.class, dir.resolve("a.err"), dir.toString(), "production", RUN_A.value());
         ChildJvm b = ChildJvm.start(LockRaceMain.class, dir.resolve("b.err"), dir.toString(), "production", RUN_B.value())) {
      a.await("READY");
      b.await("READY");
      a.send("go");
      b.send("go");
      String resultA = a.readLine();
      String resultB = b.readLine();

      assertTrue(resultA.startsWith("WON") ^ resultB.startsWith("WON"), resultA + " / " + resultB);
      ChildJvm winner = resultA.startsWith("WON") ? a : b;
      String loserMessage = (winner == a ? resultB : resultA).substring("LOST ".length());
      assertNamesHolder(loserMessage, winner == a ? RUN_A : RUN_B, Identity.current(), winner.pid());
      assertEquals(winner.pid(), locks().holder("production").orElseThrow().pid());

      winner.process().getOutputStream().close();
      assertEquals(0, winner.waitFor());
      assertEquals(Optional.empty(), locks().holder("production"), "the winner released its lock on exit");
    }
  }

  @Test
  void aLockWhoseProcessIsGoneOnThisHostIsTakenOverWithAWarning() throws Exception {
    long deadPid = deadPid();
    Identity ghost = new Identity("ghost", Identity.hostName(), deadPid);
    posingAs(ghost, Instant.now()).acquire("staging", RUN_A);

    try (EnvironmentLock lock = locks().acquire("staging", RUN_B)) {
      String warning = lock.takeoverWarning().orElseThrow();
      assertTrue(warning.contains(RUN_A.value()) && warning.contains("pid " + deadPid), warning);
      assertTrue(warning.contains("aegis runs show " + RUN_A), warning);
      assertEquals(RUN_B, locks().holder("staging").orElseThrow().runId());
    }
  }

  @Test
  void aLiveProcessThatStartedAfterTheLockWasTakenIsAReusedPid() throws Exception {
    // The lock names this very pid, but says it was taken an hour before this JVM started:
    // the process that took it is gone and the pid now belongs to someone else.
    Instant beforeThisProcess = ProcessHandle.current().info().startInstant().orElseThrow().minus(Duration.ofHours(1));
    posingAs(Identity.current(), beforeThisProcess).acquire("staging", RUN_A);

    try (EnvironmentLock lock = locks().acquire("staging", RUN_B)) {
      assertTrue(lock.takeoverWarning().isPresent());
    }
  }

  @Test
  void aLockHeldFromAnotherHostIsNotTakenOverAndTheMessageSaysHowToUnlock() throws Exception {
    Identity elsewhere = new Identity("bob", "ops-elsewhere-7", deadPid());
    Instant since = Instant.parse("2026-11-27T09:15:00Z");
    posingAs(elsewhere, since).acquire("production", RUN_A);

    LockHeldException held = assertThrows(LockHeldException.class, () -> locks().acquire("production", RUN_B));
    assertNamesHolder(held.getMessage(), RUN_A, elsewhere, elsewhere.pid());
    assertTrue(held.getMessage().contains("since 2026-11-27T09:15:00Z"), held.getMessage());
    assertTrue(held.getMessage().contains("aegis unlock production --run " + RUN_A), held.getMessage());
    assertEquals(Optional.empty(), locks().isAlive(held.heldBy()));
  }

  @Test
  void unlockWithTheWrongRunIdIsRefusedAndNamesTheRealHolder() throws Exception {
    Identity elsewhere = new Identity("bob", "ops-elsewhere-7", 4242);
    posingAs(elsewhere, Instant.now()).acquire("production", RUN_A);

    LockException refused = assertThrows(LockException.class, () -> locks().unlock("production", RUN_B, false));
    assertTrue(refused.getMessage().contains("locked by run " + RUN_A), refused.getMessage());
    assertTrue(refused.getMessage().contains("not by run " + RUN_B), refused.getMessage());
    assertEquals(RUN_A, locks().holder("production").orElseThrow().runId(), "the lock is still there");

    LockHolder removed = locks().unlock("production", RUN_A, false);
    assertEquals(elsewhere.host(), removed.host());
    assertEquals(Optional.empty(), locks().holder("production"));
    LockException notLocked = assertThrows(LockException.class, () -> locks().unlock("production", RUN_A, false));
    assertTrue(notLocked.getMessage().contains("not locked"), notLocked.getMessage());
  }

  @Test
  void unlockingARunStillRunningHereNeedsForce() throws Exception {
    EnvironmentLock running = locks().acquire("staging", RUN_A);
    LockException refused = assertThrows(LockException.class, () -> locks().unlock("staging", RUN_A, false));
    assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
    locks().unlock("staging", RUN_A, true);

    // The old holder's release must not remove a lock that is no longer its own.
    try (EnvironmentLock next = locks().acquire("staging", RUN_B)) {
      assertFalse(running.release());
      assertEquals(RUN_B, locks().holder("staging").orElseThrow().runId());
      assertTrue(next.release());
    }
    assertEquals(Optional.empty(), locks().holder("staging"));
  }

  @Test
  void theLockFileNamesItsHolderAndOnlyTheHolderReleasesIt() throws Exception {
    Identity other = new Identity("bob", Identity.hostName(), ProcessHandle.current().pid());
    try (EnvironmentLock lock = posingAs(other, Instant.now()).acquire("staging", RUN_A)) {
      String json = Files.readString(locks().lockFile("staging"));
      assertTrue(json.contains("\"runId\":\"" + RUN_A + "\"") && json.contains("\"user\":\"bob\"")
          && json.contains("\"pid\":" + other.pid()) && json.contains("\"startedAt\""), json);
      assertThrows(LockHeldException.class, () -> locks().acquire("staging", RUN_A),
          "the same run id does not get in while its holder lives");
      assertTrue(lock.release());
      assertFalse(lock.release(), "a second release does nothing");
    }
  }

  @Test
  void environmentNamesCannotEscapeTheLocksDirectory() {
    assertThrows(IllegalArgumentException.class, () -> locks().lockFile("../runs/x"));
    assertThrows(IllegalArgumentException.class, () -> locks().lockFile(""));
    assertEquals(dir.resolve("locks/prod-eu.1.lock"), locks().lockFile("prod-eu.1"));
  }

  static void assertNamesHolder(String message, RunId runId, Identity who, long pid) {
    for (String part : List.of(runId.value(), "user " + who.user(), "host " + who.host(), "pid " + pid)) {
      assertTrue(message.contains(part), "`" + part + "` missing from: " + message);
    }
  }

  /** The pid of a process that has exited. */
  static long deadPid() throws Exception {
    Process process = new ProcessBuilder("true").start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    long pid = process.pid();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    return pid;
  }
}
