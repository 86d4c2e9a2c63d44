package aegis.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServers.class)
class RealServersTest {

  @Test
  void postgresIsSharedAndRequiresThePassword(PostgresServer a, PostgresServer b) throws SQLException {
    assertSame(a, b, "one server per test run");
    try (var c = a.adminConnection("postgres"); var rs = c.createStatement().executeQuery("SELECT current_user")) {
      rs.next();
      assertEquals(PostgresServer.ADMIN, rs.getString(1));
    }
    var props = new Properties();
    props.setProperty("user", PostgresServer.ADMIN);
    props.setProperty("password", "wrong");
    var url = "jdbc:postgresql://" + a.host() + ":" + a.port() + "/postgres";
    var e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, props).close());
    assertEquals("28P01", e.getSQLState());
  }
}
