package aegis.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      // Returning from main now would leave the JVM waiting for the worker: Main must call System.exit.
      assertFalse(Main.onlyDaemonThreadsBut(Thread.currentThread()));
    } finally {
      release.countDown();
      worker.join();
    }
  }

  @Test
  void daemonThreadsDoNotKeepTheJvmUp() throws Exception {
    var release = new CountDownLatch(1);
    var worker = started(true, release);
    try {
      // Surefire's own threads are daemons; the test's thread is the one asking.
      assertTrue(Main.onlyDaemonThreadsBut(Thread.currentThread()));
    } finally {
      release.countDown();
      worker.join();
    }
  }
}
