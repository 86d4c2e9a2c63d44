package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MainTest {
  private static Thread started(boolean daemon, CountDownLatch release) {
    var t = new Thread(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.setDaemon(daemon);
    t.start();
    return t;
  }

  @Test
  void aLiveNonDaemonThreadKeepsTheExitCall() throws Exception {
    var release = new CountDownLatch(1);
    var worker = started(false, release);
    try {
      var self = Thread.currentThread();
      // Returning from main now would leave the JVM waiting for the worker: Main must call System.exit.
      assertFalse(Main.onlyDaemonsBesides(self, new Thread[] {self, worker}));
      var listed = Main.platformThreads();
      assertNotNull(listed);
      assertTrue(List.of(listed).containsAll(List.of(self, worker)));
    } finally {
      release.countDown();
      worker.join();
    }
    // Ended, it keeps nothing up.
    assertTrue(Main.onlyDaemonsBesides(Thread.currentThread(), new Thread[] {Thread.currentThread(), worker}));
  }

  @Test
  void daemonThreadsDoNotKeepTheJvmUp() throws Exception {
    var release = new CountDownLatch(1);
    var worker = started(true, release);
    try {
      var self = Thread.currentThread();
      assertTrue(Main.onlyDaemonsBesides(self, new Thread[] {self, worker}));
      assertFalse(Main.onlyDaemonsBesides(self, null), "threads that could not all be listed");
    } finally {
      release.countDown();
      worker.join();
    }
  }
}
